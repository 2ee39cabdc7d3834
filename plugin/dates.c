/* dates: a date scanner for news pages. See dates.h for what is read.
 *
 * Shape: dt_peek() folds one UTF-8 character to an ASCII class (lowercase
 * letter without accent, digit, punctuation, or one of the CH_ classes);
 * name tables are matched against folded text; small pattern functions
 * (dt_pat_*) read one form each from a candidate position and return M_NONE,
 * M_OK or M_BAD (a date's shape with impossible values). date_parse() tries
 * the patterns at the start of every word and number. Every pattern reads a
 * bounded number of tokens, so the scan is linear. */
#include "dates.h"

#include <string.h>

/* ---- characters ---------------------------------------------------------- */

/* Classes returned by dt_peek() beside 'a'..'z', '0'..'9' and ASCII marks. */
enum {
  CH_END = 0,       /* past the end of the input */
  CH_SPACE = ' ',   /* any blank, including NBSP and thin spaces */
  CH_DASH = '-',    /* hyphen, en and em dashes, minus sign */
  CH_APOS = '\'',   /* apostrophes and Arabic transliteration marks */
  CH_OTHER = '|',   /* other punctuation, controls, invalid UTF-8 */
  CH_LETTER = '*',  /* a letter with no ASCII folding (Arabic, CJK, ...) */
  CH_ORD = '^'      /* ordinal indicators º ª and the degree sign */
};

typedef struct scan {
  const unsigned char *s;
  size_t len;
  size_t first, last;     /* the string without surrounding blanks */
  unsigned langs;         /* languages whose words are read */
  unsigned explicit_lang; /* the language named by the caller, or 0 */
  int dayfirst;           /* caller's hint: -1, 0 or 1 */
  int default_dayfirst;   /* for '/' and '-' dates without a hint */
  int has_now;
  long long now;
} scan;

/* Latin-1 letters U+00C0..U+00FF and Latin Extended-A U+0100..U+017F folded
 * to their base letter; '|' for × and ÷, '*' for Þ þ. */
static const char dt_fold_latin[] =
  "aaaaaaaceeeeiiiidnooooo|ouuuuy*saaaaaaaceeeeiiiidnooooo|ouuuuy*y"
  "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkklllllll"
  "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

static int dt_fold_ascii(int b) {
  if (b >= 'A' && b <= 'Z') return b - 'A' + 'a';
  if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) return b;
  if (b == ' ' || (b >= '\t' && b <= '\r')) return CH_SPACE;
  if (b == '`') return CH_APOS;
  if (b < ' ' || b == 127 || b == CH_LETTER || b == CH_ORD) return CH_OTHER;
  return b;
}

static int dt_fold_punct(unsigned cp) {
  if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
      cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
      cp == 0x3000 || cp == 0xFEFF)
    return CH_SPACE;
  if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) return CH_DASH;
  if (cp == 0x2018 || cp == 0x2019 || cp == 0xB4 || cp == 0x2032 ||
      (cp >= 0x2B9 && cp <= 0x2BF))
    return CH_APOS;
  if (cp == 0xAA || cp == 0xBA || cp == 0xB0) return CH_ORD;
  if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x206F) ||
      (cp >= 0x3000 && cp <= 0x303F) || cp >= 0xFFF0)
    return CH_OTHER;
  return 0;
}

static int dt_fold_cp(unsigned cp) {
  int k = dt_fold_punct(cp);
  if (k) return k;
  if (cp >= 0xC0 && cp < 0x180) return (unsigned char)dt_fold_latin[cp - 0xC0];
  return CH_LETTER;
}

/* Decodes the UTF-8 sequence at p; 0xFFFD and length 1 when malformed. */
static unsigned dt_utf8(const scan *c, size_t p, size_t *n) {
  const unsigned char *s = c->s + p;
  unsigned b = s[0], cp, need, i, min;
  *n = 1;
  if (b >= 0xC2 && b <= 0xDF) { need = 1; cp = b & 0x1F; min = 0x80; }
  else if (b >= 0xE0 && b <= 0xEF) { need = 2; cp = b & 0x0F; min = 0x800; }
  else if (b >= 0xF0 && b <= 0xF4) { need = 3; cp = b & 0x07; min = 0x10000; }
  else return 0xFFFD;
  if (c->len - p <= need) return 0xFFFD;
  for (i = 1; i <= need; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0xFFFD;
    cp = cp << 6 | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  *n = need + 1;
  return cp;
}

/* The folded class of the character at p and its length in bytes. */
static int dt_peek(const scan *c, size_t p, size_t *n) {
  if (p >= c->len) { *n = 0; return CH_END; }
  if (c->s[p] < 0x80) { *n = 1; return dt_fold_ascii(c->s[p]); }
  return dt_fold_cp(dt_utf8(c, p, n));
}

static int dt_ch(const scan *c, size_t p) {
  size_t n;
  return dt_peek(c, p, &n);
}

static size_t dt_next(const scan *c, size_t p) {
  size_t n;
  dt_peek(c, p, &n);
  return p + n;
}

static int dt_is_digit(int ch) { return ch >= '0' && ch <= '9'; }

static int dt_is_letter(int ch) {
  return (ch >= 'a' && ch <= 'z') || ch == CH_LETTER;
}

static size_t dt_skip_ws(const scan *c, size_t p) {
  size_t n;
  while (dt_peek(c, p, &n) == CH_SPACE) p += n;
  return p;
}

/* Skips blanks and at most two of the marks in `set`: "Jan. 10, 2019". */
static size_t dt_skip_seps(const scan *c, size_t p, const char *set) {
  int i, ch;
  size_t n;
  p = dt_skip_ws(c, p);
  for (i = 0; i < 2; i++) {
    ch = dt_peek(c, p, &n);
    if (ch == CH_END || !strchr(set, ch)) break;
    p = dt_skip_ws(c, p + n);
  }
  return p;
}

static int dt_eat(const scan *c, size_t *p, int ch) {
  size_t n;
  if (dt_peek(c, *p, &n) != ch) return 0;
  *p += n;
  return 1;
}

/* The raw byte at p, or 0 past the end. */
static int dt_byte(const scan *c, size_t p) { return p < c->len ? c->s[p] : 0; }

/* Reads the ASCII digits at *p: the count (0 if none) and the value of the
 * first nine. */
static int dt_read_num(const scan *c, size_t *p, int *val) {
  size_t q = *p;
  int nd = 0, v = 0;
  while (q < c->len && c->s[q] >= '0' && c->s[q] <= '9') {
    if (nd < 9) v = v * 10 + (c->s[q] - '0');
    if (nd < 99) nd++;
    q++;
  }
  *p = q;
  *val = v;
  return nd;
}

/* A number of mind..maxd digits at *p; *p moves only on success. */
static int dt_num(const scan *c, size_t *p, int mind, int maxd, int *val) {
  size_t q = *p;
  int nd = dt_read_num(c, &q, val);
  if (nd < mind || nd > maxd) return 0;
  *p = q;
  return 1;
}

/* ---- names ----------------------------------------------------------------- */

enum {
  L_EN = 1, L_DE = 2, L_FR = 4, L_ES = 8, L_IT = 16, L_PT = 32, L_NL = 64,
  L_PL = 128, L_ALL = 255
};
enum { F_WEAK = 1, F_HIJRI = 2 };

/* A key is folded lowercase ASCII; a ' ' in it matches an optional run of
 * blanks, dashes, dots and apostrophes ("rabi al awwal" reads "Rabi'
 * al-Awwal" and "Rabiul Awwal"). Apostrophes between letters are ignored
 * ("Sha'ban"). F_WEAK words are read only when their language is given. */
typedef struct dt_name {
  const char *key;
  unsigned char value;
  unsigned char langs;
  unsigned char flags;
} dt_name;

#define DT_COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const dt_name dt_months[] = {
  {"january", 1, L_EN, 0}, {"jan", 1, L_EN | L_DE | L_PT | L_NL, 0},
  {"januar", 1, L_DE, 0}, {"janner", 1, L_DE, 0}, {"jaenner", 1, L_DE, 0},
  {"janvier", 1, L_FR, 0}, {"janv", 1, L_FR, 0}, {"enero", 1, L_ES, 0},
  {"ene", 1, L_ES, 0}, {"gennaio", 1, L_IT, 0}, {"gen", 1, L_IT, F_WEAK},
  {"janeiro", 1, L_PT, 0}, {"januari", 1, L_NL, 0}, {"stycznia", 1, L_PL, 0},
  {"styczen", 1, L_PL, 0}, {"sty", 1, L_PL, F_WEAK},
  {"february", 2, L_EN, 0}, {"feb", 2, L_EN | L_DE | L_ES | L_IT | L_NL, 0},
  {"februar", 2, L_DE, 0}, {"feber", 2, L_DE, 0}, {"fevrier", 2, L_FR, 0},
  {"fevr", 2, L_FR, 0}, {"fev", 2, L_FR | L_PT, 0}, {"febrero", 2, L_ES, 0},
  {"febbraio", 2, L_IT, 0}, {"fevereiro", 2, L_PT, 0},
  {"februari", 2, L_NL, 0}, {"lutego", 2, L_PL, 0}, {"luty", 2, L_PL, 0},
  {"lut", 2, L_PL, 0},
  {"march", 3, L_EN, 0}, {"mar", 3, L_ALL, 0}, {"marz", 3, L_DE, 0},
  {"maerz", 3, L_DE, 0}, {"mars", 3, L_FR, 0}, {"marzo", 3, L_ES | L_IT, 0},
  {"marco", 3, L_PT, 0}, {"maart", 3, L_NL, 0}, {"mrt", 3, L_NL, 0},
  {"marca", 3, L_PL, 0}, {"marzec", 3, L_PL, 0},
  {"april", 4, L_EN | L_DE | L_NL, 0},
  {"apr", 4, L_EN | L_DE | L_IT | L_NL, 0}, {"avril", 4, L_FR, 0},
  {"avr", 4, L_FR, 0}, {"abril", 4, L_ES | L_PT, 0},
  {"abr", 4, L_ES | L_PT, 0}, {"aprile", 4, L_IT, 0},
  {"kwietnia", 4, L_PL, 0}, {"kwiecien", 4, L_PL, 0}, {"kwi", 4, L_PL, 0},
  {"may", 5, L_EN | L_ES, 0}, {"mai", 5, L_DE | L_FR | L_PT, 0},
  {"mayo", 5, L_ES, 0}, {"maggio", 5, L_IT, 0}, {"mag", 5, L_IT, F_WEAK},
  {"maio", 5, L_PT, 0}, {"mei", 5, L_NL, 0}, {"maja", 5, L_PL, 0},
  {"maj", 5, L_PL, 0},
  {"june", 6, L_EN, 0}, {"jun", 6, L_EN | L_DE | L_ES | L_PT | L_NL, 0},
  {"juni", 6, L_DE | L_NL, 0}, {"juin", 6, L_FR, 0}, {"junio", 6, L_ES, 0},
  {"giugno", 6, L_IT, 0}, {"giu", 6, L_IT, 0}, {"junho", 6, L_PT, 0},
  {"czerwca", 6, L_PL, 0}, {"czerwiec", 6, L_PL, 0}, {"cze", 6, L_PL, 0},
  {"july", 7, L_EN, 0}, {"jul", 7, L_EN | L_DE | L_ES | L_PT | L_NL, 0},
  {"juli", 7, L_DE | L_NL, 0}, {"juillet", 7, L_FR, 0}, {"juil", 7, L_FR, 0},
  {"julio", 7, L_ES, 0}, {"luglio", 7, L_IT, 0}, {"lug", 7, L_IT, 0},
  {"julho", 7, L_PT, 0}, {"lipca", 7, L_PL, 0}, {"lipiec", 7, L_PL, 0},
  {"lip", 7, L_PL, F_WEAK},
  {"august", 8, L_EN | L_DE, 0}, {"aug", 8, L_EN | L_DE | L_NL, 0},
  {"aout", 8, L_FR, 0}, {"agosto", 8, L_ES | L_IT | L_PT, 0},
  {"ago", 8, L_ES | L_IT | L_PT, F_WEAK}, {"augustus", 8, L_NL, 0},
  {"sierpnia", 8, L_PL, 0}, {"sierpien", 8, L_PL, 0},
  {"sie", 8, L_PL, F_WEAK},
  {"september", 9, L_EN | L_DE | L_NL, 0},
  {"sep", 9, L_EN | L_DE | L_ES | L_NL, 0},
  {"sept", 9, L_EN | L_DE | L_FR | L_ES | L_NL, 0},
  {"septembre", 9, L_FR, 0}, {"septiembre", 9, L_ES, 0},
  {"setiembre", 9, L_ES, 0}, {"set", 9, L_ES | L_IT | L_PT, F_WEAK},
  {"settembre", 9, L_IT, 0}, {"setembro", 9, L_PT, 0},
  {"wrzesnia", 9, L_PL, 0}, {"wrzesien", 9, L_PL, 0}, {"wrz", 9, L_PL, 0},
  {"october", 10, L_EN, 0}, {"oct", 10, L_EN | L_FR | L_ES, 0},
  {"oktober", 10, L_DE | L_NL, 0}, {"okt", 10, L_DE | L_NL, 0},
  {"octobre", 10, L_FR, 0}, {"octubre", 10, L_ES, 0},
  {"ottobre", 10, L_IT, 0}, {"ott", 10, L_IT, 0}, {"outubro", 10, L_PT, 0},
  {"out", 10, L_PT, F_WEAK}, {"pazdziernika", 10, L_PL, 0},
  {"pazdziernik", 10, L_PL, 0}, {"paz", 10, L_PL, F_WEAK},
  {"november", 11, L_EN | L_DE | L_NL, 0}, {"nov", 11, L_ALL, 0},
  {"novembre", 11, L_FR | L_IT, 0}, {"noviembre", 11, L_ES, 0},
  {"novembro", 11, L_PT, 0}, {"listopada", 11, L_PL, 0},
  {"listopad", 11, L_PL, 0}, {"lis", 11, L_PL, F_WEAK},
  {"december", 12, L_EN | L_NL, 0}, {"dec", 12, L_EN | L_FR | L_NL, 0},
  {"dezember", 12, L_DE, 0}, {"dez", 12, L_DE | L_PT, 0},
  {"decembre", 12, L_FR, 0}, {"diciembre", 12, L_ES, 0},
  {"dic", 12, L_ES | L_IT, 0}, {"dicembre", 12, L_IT, 0},
  {"dezembro", 12, L_PT, 0}, {"grudnia", 12, L_PL, 0},
  {"grudzien", 12, L_PL, 0}, {"gru", 12, L_PL, 0},
  /* Hijri months, in every language. */
  {"muharram", 1, L_ALL, F_HIJRI}, {"muharam", 1, L_ALL, F_HIJRI},
  {"moharram", 1, L_ALL, F_HIJRI}, {"al muharram", 1, L_ALL, F_HIJRI},
  {"safar", 2, L_ALL, F_HIJRI}, {"safer", 2, L_ALL, F_HIJRI},
  {"rabi al awwal", 3, L_ALL, F_HIJRI}, {"rabi ul awwal", 3, L_ALL, F_HIJRI},
  {"rabi al awal", 3, L_ALL, F_HIJRI}, {"rabi ul awal", 3, L_ALL, F_HIJRI},
  {"rabia al awwal", 3, L_ALL, F_HIJRI}, {"rabee al awwal", 3, L_ALL, F_HIJRI},
  {"rabi i", 3, L_ALL, F_HIJRI},
  {"rabi al thani", 4, L_ALL, F_HIJRI}, {"rabi ul thani", 4, L_ALL, F_HIJRI},
  {"rabi al akhir", 4, L_ALL, F_HIJRI}, {"rabi ul akhir", 4, L_ALL, F_HIJRI},
  {"rabi al akhar", 4, L_ALL, F_HIJRI}, {"rabi al sani", 4, L_ALL, F_HIJRI},
  {"rabi us sani", 4, L_ALL, F_HIJRI}, {"rabia al thani", 4, L_ALL, F_HIJRI},
  {"rabee al thani", 4, L_ALL, F_HIJRI}, {"rabi ii", 4, L_ALL, F_HIJRI},
  {"jumada al awwal", 5, L_ALL, F_HIJRI}, {"jumada ul awwal", 5, L_ALL, F_HIJRI},
  {"jumada al ula", 5, L_ALL, F_HIJRI}, {"jumada al oula", 5, L_ALL, F_HIJRI},
  {"jumadal awwal", 5, L_ALL, F_HIJRI}, {"jumadil awal", 5, L_ALL, F_HIJRI},
  {"jumada i", 5, L_ALL, F_HIJRI},
  {"jumada al thani", 6, L_ALL, F_HIJRI}, {"jumada ul thani", 6, L_ALL, F_HIJRI},
  {"jumada al akhirah", 6, L_ALL, F_HIJRI}, {"jumada al akhira", 6, L_ALL, F_HIJRI},
  {"jumada al ukhra", 6, L_ALL, F_HIJRI}, {"jumada al sani", 6, L_ALL, F_HIJRI},
  {"jumadal thani", 6, L_ALL, F_HIJRI}, {"jumadil akhir", 6, L_ALL, F_HIJRI},
  {"jumada ii", 6, L_ALL, F_HIJRI},
  {"rajab", 7, L_ALL, F_HIJRI},
  {"shaban", 8, L_ALL, F_HIJRI}, {"shaaban", 8, L_ALL, F_HIJRI},
  {"sha aban", 8, L_ALL, F_HIJRI}, {"syaban", 8, L_ALL, F_HIJRI},
  {"ramadan", 9, L_ALL, F_HIJRI}, {"ramadhan", 9, L_ALL, F_HIJRI},
  {"ramazan", 9, L_ALL, F_HIJRI}, {"ramadaan", 9, L_ALL, F_HIJRI},
  {"shawwal", 10, L_ALL, F_HIJRI}, {"shawal", 10, L_ALL, F_HIJRI},
  {"syawal", 10, L_ALL, F_HIJRI},
  {"dhu al qidah", 11, L_ALL, F_HIJRI}, {"dhu al qadah", 11, L_ALL, F_HIJRI},
  {"dhu al qida", 11, L_ALL, F_HIJRI}, {"dhul qidah", 11, L_ALL, F_HIJRI},
  {"dhul qadah", 11, L_ALL, F_HIJRI}, {"dhul qida", 11, L_ALL, F_HIJRI},
  {"zul qadah", 11, L_ALL, F_HIJRI}, {"zul qidah", 11, L_ALL, F_HIJRI},
  {"dhu al hijjah", 12, L_ALL, F_HIJRI}, {"dhu al hijja", 12, L_ALL, F_HIJRI},
  {"dhul hijjah", 12, L_ALL, F_HIJRI}, {"dhul hijja", 12, L_ALL, F_HIJRI},
  {"zul hijjah", 12, L_ALL, F_HIJRI}, {"zul hijja", 12, L_ALL, F_HIJRI},
};

/* Between a day and its month, or a month and its year. */
static const dt_name dt_date_words[] = {
  {"of", 0, L_EN, 0}, {"de", 0, L_ES | L_PT | L_FR, 0}, {"del", 0, L_ES, 0},
};

/* Ordinal suffixes glued to a day: 1st 2nd 3rd 4th, French 1er. */
static const dt_name dt_ordinals[] = {
  {"st", 0, L_ALL, 0}, {"nd", 0, L_ALL, 0}, {"rd", 0, L_ALL, 0},
  {"th", 0, L_ALL, 0}, {"er", 0, L_ALL, 0},
};

/* Between a date and its time. */
static const dt_name dt_time_words[] = {
  {"at", 0, L_EN, 0}, {"um", 0, L_DE, 0}, {"a", 0, L_FR | L_ES, 0},
  {"a las", 0, L_ES, 0}, {"a la", 0, L_ES, 0}, {"alle", 0, L_IT, 0},
  {"ore", 0, L_IT, 0}, {"as", 0, L_PT, 0}, {"om", 0, L_NL, 0},
  {"o", 0, L_PL, 0}, {"godz", 0, L_PL, 0}, {"r", 0, L_PL, 0},
};

/* After a time: "15:45 Uhr", "15:45 hrs", "15 h". */
static const dt_name dt_time_suffixes[] = {
  {"uhr", 0, L_ALL, 0}, {"h", 0, L_ALL, 0}, {"hrs", 0, L_ALL, 0},
  {"hs", 0, L_ALL, 0},
};

static const dt_name dt_hijri_suffixes[] = {
  {"ah", 0, L_ALL, 0}, {"a h", 0, L_ALL, 0}, {"h", 0, L_ALL, 0},
};

/* Days before today. */
static const dt_name dt_rel_days[] = {
  {"today", 0, L_EN, 0}, {"heute", 0, L_DE, 0},
  {"aujourd hui", 0, L_FR, 0}, {"hoy", 0, L_ES, 0}, {"oggi", 0, L_IT, 0},
  {"hoje", 0, L_PT, 0}, {"vandaag", 0, L_NL, 0}, {"dzisiaj", 0, L_PL, 0},
  {"dzis", 0, L_PL, 0},
  {"yesterday", 1, L_EN, 0}, {"gestern", 1, L_DE, 0},
  {"hier", 1, L_FR, F_WEAK}, {"ayer", 1, L_ES, 0}, {"ieri", 1, L_IT, 0},
  {"ontem", 1, L_PT, 0}, {"gisteren", 1, L_NL, 0}, {"wczoraj", 1, L_PL, 0},
  {"vorgestern", 2, L_DE, 0}, {"avant hier", 2, L_FR, 0},
  {"anteayer", 2, L_ES, 0}, {"l altro ieri", 2, L_IT, 0},
  {"anteontem", 2, L_PT, 0}, {"eergisteren", 2, L_NL, 0},
  {"przedwczoraj", 2, L_PL, 0},
};

/* "vor 2 Stunden", "il y a 2 jours", "hace 2 días", "há 2 dias". */
static const dt_name dt_rel_before[] = {
  {"vor", 0, L_DE, 0}, {"il y a", 0, L_FR, 0}, {"hace", 0, L_ES, 0},
  {"ha", 0, L_PT, 0}, {"faz", 0, L_PT, 0},
};

/* "2 hours ago", "2 ore fa", "2 uur geleden", "2 godziny temu". */
static const dt_name dt_rel_after[] = {
  {"ago", 0, L_EN, 0}, {"fa", 0, L_IT, 0}, {"geleden", 0, L_NL, 0},
  {"temu", 0, L_PL, 0}, {"atras", 0, L_PT, 0},
};

/* The count one, as an article: "an hour ago", "vor einer Stunde". */
static const dt_name dt_rel_one[] = {
  {"a", 1, L_EN, 0}, {"an", 1, L_EN, 0}, {"one", 1, L_EN, 0},
  {"einer", 1, L_DE, 0}, {"einem", 1, L_DE, 0}, {"un", 1, L_FR | L_ES | L_IT, 0},
  {"une", 1, L_FR, 0}, {"una", 1, L_ES | L_IT, 0}, {"um", 1, L_PT, 0},
  {"uma", 1, L_PT, 0}, {"een", 1, L_NL, 0},
};

enum { U_MINUTE = 1, U_HOUR, U_DAY, U_WEEK };

static const dt_name dt_rel_units[] = {
  {"minute", U_MINUTE, L_ALL, 0}, {"minutes", U_MINUTE, L_ALL, 0},
  {"min", U_MINUTE, L_ALL, 0}, {"mins", U_MINUTE, L_ALL, 0},
  {"minuten", U_MINUTE, L_ALL, 0}, {"minuto", U_MINUTE, L_ALL, 0},
  {"minutos", U_MINUTE, L_ALL, 0}, {"minuti", U_MINUTE, L_ALL, 0},
  {"minuut", U_MINUTE, L_ALL, 0}, {"minuta", U_MINUTE, L_ALL, 0},
  {"minuty", U_MINUTE, L_ALL, 0}, {"minut", U_MINUTE, L_ALL, 0},
  {"hour", U_HOUR, L_ALL, 0}, {"hours", U_HOUR, L_ALL, 0},
  {"hr", U_HOUR, L_ALL, 0}, {"hrs", U_HOUR, L_ALL, 0}, {"h", U_HOUR, L_ALL, 0},
  {"stunde", U_HOUR, L_ALL, 0}, {"stunden", U_HOUR, L_ALL, 0},
  {"std", U_HOUR, L_ALL, 0}, {"heure", U_HOUR, L_ALL, 0},
  {"heures", U_HOUR, L_ALL, 0}, {"hora", U_HOUR, L_ALL, 0},
  {"horas", U_HOUR, L_ALL, 0}, {"ora", U_HOUR, L_ALL, 0},
  {"ore", U_HOUR, L_ALL, 0}, {"uur", U_HOUR, L_ALL, 0},
  {"godzina", U_HOUR, L_ALL, 0}, {"godziny", U_HOUR, L_ALL, 0},
  {"godzin", U_HOUR, L_ALL, 0}, {"godzine", U_HOUR, L_ALL, 0},
  {"day", U_DAY, L_ALL, 0}, {"days", U_DAY, L_ALL, 0},
  {"tag", U_DAY, L_ALL, 0}, {"tage", U_DAY, L_ALL, 0},
  {"tagen", U_DAY, L_ALL, 0}, {"jour", U_DAY, L_ALL, 0},
  {"jours", U_DAY, L_ALL, 0}, {"dia", U_DAY, L_ALL, 0},
  {"dias", U_DAY, L_ALL, 0}, {"giorno", U_DAY, L_ALL, 0},
  {"giorni", U_DAY, L_ALL, 0}, {"dag", U_DAY, L_ALL, 0},
  {"dagen", U_DAY, L_ALL, 0}, {"dzien", U_DAY, L_ALL, 0},
  {"dni", U_DAY, L_ALL, 0}, {"d", U_DAY, L_ALL, 0},
  {"week", U_WEEK, L_ALL, 0}, {"weeks", U_WEEK, L_ALL, 0},
  {"woche", U_WEEK, L_ALL, 0}, {"wochen", U_WEEK, L_ALL, 0},
  {"semaine", U_WEEK, L_ALL, 0}, {"semaines", U_WEEK, L_ALL, 0},
  {"semana", U_WEEK, L_ALL, 0}, {"semanas", U_WEEK, L_ALL, 0},
  {"settimana", U_WEEK, L_ALL, 0}, {"settimane", U_WEEK, L_ALL, 0},
  {"weken", U_WEEK, L_ALL, 0}, {"tydzien", U_WEEK, L_ALL, 0},
  {"tygodnie", U_WEEK, L_ALL, 0}, {"tygodni", U_WEEK, L_ALL, 0},
};

/* Skips at most three separator characters inside a key's ' '. */
static size_t dt_key_gap(const scan *c, size_t q) {
  int i, ch;
  size_t n;
  for (i = 0; i < 3; i++) {
    ch = dt_peek(c, q, &n);
    if (ch != CH_SPACE && ch != CH_DASH && ch != CH_APOS && ch != '.') break;
    q += n;
  }
  return q;
}

/* Does `key` match the word at p? On success *end is past the word. */
static int dt_match_key(const scan *c, size_t p, const char *key, size_t *end) {
  size_t q = p, n;
  int ch;
  while (*key) {
    if (*key == ' ') { q = dt_key_gap(c, q); key++; continue; }
    ch = dt_peek(c, q, &n);
    if (ch == CH_APOS && q > p && dt_is_letter(dt_ch(c, q + n))) {
      q += n;
      ch = dt_peek(c, q, &n);
    }
    if (ch != *key) return 0;
    q += n;
    key++;
  }
  if (dt_is_letter(dt_ch(c, q))) return 0;
  *end = q;
  return 1;
}

static int dt_name_allowed(const scan *c, const dt_name *e) {
  if (!(e->langs & c->langs)) return 0;
  return !(e->flags & F_WEAK) || (e->langs & c->explicit_lang);
}

/* The longest allowed entry of tab matching at p, or NULL. */
static const dt_name *dt_lookup(const scan *c, size_t p, const dt_name *tab,
                                size_t count, size_t *end) {
  const dt_name *best = NULL;
  size_t i, stop, best_end = p;
  int ch = dt_ch(c, p);
  if (!dt_is_letter(ch)) return NULL;
  for (i = 0; i < count; i++) {
    if (tab[i].key[0] != ch || !dt_name_allowed(c, &tab[i])) continue;
    if (dt_match_key(c, p, tab[i].key, &stop) && stop > best_end) {
      best = &tab[i];
      best_end = stop;
    }
  }
  if (best) *end = best_end;
  return best;
}

#define DT_LOOKUP(c, p, tab, end) dt_lookup((c), (p), (tab), DT_COUNT(tab), (end))

/* Skips one optional word of tab (and blanks after it). */
static size_t dt_skip_word(const scan *c, size_t p, const dt_name *tab,
                           size_t count) {
  size_t q;
  if (!dt_lookup(c, p, tab, count, &q)) return p;
  return dt_skip_ws(c, q);
}

/* An optional "of" / "de" / "del" inside a date. */
#define DT_SKIP(c, p) dt_skip_word((c), (p), dt_date_words, DT_COUNT(dt_date_words))

/* ---- calendar ---------------------------------------------------------------- */

static int dt_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int dt_days_in_month(int y, int m) {
  static const unsigned char dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && dt_leap(y) ? 29 : dim[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's method). */
static long long dt_days_from_civil(int y, int m, int d) {
  long long yy = y - (m <= 2), era, yoe, doy, doe;
  era = (yy >= 0 ? yy : yy - 399) / 400;
  yoe = yy - era * 400;
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void dt_civil_from_days(long long z, date_value *v) {
  long long era, doe, yoe, doy, mp;
  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  v->day = (int)(doy - (153 * mp + 2) / 5 + 1);
  v->month = (int)(mp < 10 ? mp + 3 : mp - 9);
  v->year = (int)(yoe + era * 400 + (v->month <= 2));
}

/* 0 = Sunday; 1970-01-01 was a Thursday. */
static int dt_weekday(long long days) { return (int)((days % 7 + 11) % 7); }

static int dt_nth_sunday(int y, int m, int nth) {
  int wd = dt_weekday(dt_days_from_civil(y, m, 1));
  return 1 + (7 - wd) % 7 + 7 * (nth - 1);
}

static int dt_last_sunday(int y, int m) {
  int last = dt_days_in_month(y, m);
  return last - dt_weekday(dt_days_from_civil(y, m, last));
}

/* Is US daylight-saving time in effect at this local date and hour? */
static int dt_us_dst(const date_value *v) {
  int sm, sd, em, ed;
  long key, start, stop;
  if (v->year >= 2007) {
    sm = 3; sd = dt_nth_sunday(v->year, 3, 2);
    em = 11; ed = dt_nth_sunday(v->year, 11, 1);
  } else {
    sm = 4; sd = dt_nth_sunday(v->year, 4, 1);
    em = 10; ed = dt_last_sunday(v->year, 10);
  }
  key = (v->month * 32L + v->day) * 24 + v->hour;
  start = (sm * 32L + sd) * 24 + 2;
  stop = (em * 32L + ed) * 24 + 2;
  return key >= start && key < stop;
}

static int dt_valid_date(const date_value *v) {
  int lo = v->hijri ? 1300 : 1900, hi = v->hijri ? 1600 : 2100;
  if (v->year < lo || v->year > hi) return 0;
  if (v->precision < DATE_MONTH) return 1;
  if (v->month < 1 || v->month > 12) return 0;
  if (v->precision < DATE_DAY) return 1;
  if (v->day < 1) return 0;
  return v->day <= (v->hijri ? 30 : dt_days_in_month(v->year, v->month));
}

/* ---- times and zones --------------------------------------------------------- */

enum { TZ_NONE, TZ_FIXED, TZ_US };

typedef struct dt_clock {
  int set, hour, minute, second, has_sec;
  int tz_kind, tz;  /* TZ_US: tz is the standard offset, DST from the date */
} dt_clock;

typedef struct dt_zone {
  const char *name;
  short offset;     /* minutes east of UTC (standard time for TZ_US) */
  unsigned char kind;
} dt_zone;

static const dt_zone dt_zones[] = {
  {"UTC", 0, TZ_FIXED}, {"GMT", 0, TZ_FIXED}, {"UT", 0, TZ_FIXED},
  {"BST", 60, TZ_FIXED}, {"CET", 60, TZ_FIXED}, {"CEST", 120, TZ_FIXED},
  {"MEZ", 60, TZ_FIXED}, {"MESZ", 120, TZ_FIXED}, {"WET", 0, TZ_FIXED},
  {"WEST", 60, TZ_FIXED}, {"EET", 120, TZ_FIXED}, {"EEST", 180, TZ_FIXED},
  {"MSK", 180, TZ_FIXED}, {"GST", 240, TZ_FIXED}, {"PKT", 300, TZ_FIXED},
  {"IST", 330, TZ_FIXED}, {"WIB", 420, TZ_FIXED}, {"SGT", 480, TZ_FIXED},
  {"HKT", 480, TZ_FIXED}, {"AWST", 480, TZ_FIXED}, {"JST", 540, TZ_FIXED},
  {"KST", 540, TZ_FIXED}, {"ACST", 570, TZ_FIXED}, {"AEST", 600, TZ_FIXED},
  {"AEDT", 660, TZ_FIXED}, {"NZST", 720, TZ_FIXED}, {"NZDT", 780, TZ_FIXED},
  {"EST", -300, TZ_FIXED}, {"EDT", -240, TZ_FIXED}, {"CST", -360, TZ_FIXED},
  {"CDT", -300, TZ_FIXED}, {"MST", -420, TZ_FIXED}, {"MDT", -360, TZ_FIXED},
  {"PST", -480, TZ_FIXED}, {"PDT", -420, TZ_FIXED}, {"AKST", -540, TZ_FIXED},
  {"AKDT", -480, TZ_FIXED}, {"HST", -600, TZ_FIXED},
  {"ET", -300, TZ_US}, {"CT", -360, TZ_US}, {"MT", -420, TZ_US},
  {"PT", -480, TZ_US},
};

/* Two digits after the mark `sep`: ":45", ".45". */
static int dt_two_after(const scan *c, size_t *p, int sep, int *val) {
  size_t q = *p;
  if (dt_byte(c, q) != sep) return 0;
  q++;
  if (!dt_num(c, &q, 2, 2, val)) return 0;
  *p = q;
  return 1;
}

/* "+05:30", "+0530", "+05", "-5", "−0800". */
static int dt_read_offset(const scan *c, size_t *p, int *off) {
  size_t q = *p;
  int ch = dt_ch(c, q), sign, v, h, m = 0, nd;
  if (ch != '+' && ch != '-') return 0;
  sign = ch == '+' ? 1 : -1;
  q = dt_next(c, q);
  nd = dt_read_num(c, &q, &v);
  if (nd == 4) { h = v / 100; m = v % 100; }
  else if (nd == 1 || nd == 2) { h = v; dt_two_after(c, &q, ':', &m); }
  else return 0;
  if (h > 14 || m > 59) return 0;
  *off = sign * (h * 60 + m);
  *p = q;
  return 1;
}

/* An UPPERCASE zone name ("ET", "CEST"), with an offset after GMT/UTC. */
static int dt_read_zone(const scan *c, size_t *p, dt_clock *k) {
  size_t q = *p, n = 0, i;
  int off;
  while (n < 5 && dt_byte(c, q + n) >= 'A' && dt_byte(c, q + n) <= 'Z') n++;
  if (n < 2 || dt_is_letter(dt_ch(c, q + n))) return 0;
  for (i = 0; i < DT_COUNT(dt_zones); i++) {
    if (strlen(dt_zones[i].name) != n || memcmp(dt_zones[i].name, c->s + q, n)) continue;
    k->tz_kind = dt_zones[i].kind;
    k->tz = dt_zones[i].offset;
    q += n;
    if (k->tz == 0 && dt_read_offset(c, &q, &off)) k->tz = off;
    *p = q;
    return 1;
  }
  return 0;
}

/* "a.m.", "PM", "p. m."; not "am" starting a longer word. */
static int dt_read_ampm(const scan *c, size_t *p, int *pm) {
  size_t q = *p;
  int ch = dt_ch(c, q);
  if (ch != 'a' && ch != 'p') return 0;
  q = dt_next(c, q);
  if (dt_eat(c, &q, '.')) q = dt_skip_ws(c, q);
  if (!dt_eat(c, &q, 'm')) return 0;
  dt_eat(c, &q, '.');
  if (dt_is_letter(dt_ch(c, q))) return 0;
  *pm = ch == 'p';
  *p = q;
  return 1;
}

/* French hours: "15h45", "15h" (the h glued to the number). */
static int dt_h_minutes(const scan *c, size_t *p, int *m) {
  size_t q = *p;
  int b = dt_byte(c, q);
  if (b != 'h' && b != 'H') return 0;
  q++;
  if (!dt_num(c, &q, 2, 2, m)) *m = 0;
  if (dt_is_letter(dt_ch(c, q))) return 0;
  *p = q;
  return 1;
}

/* Converts a 12-hour clock; 0 when the hour cannot carry am/pm. */
static int dt_apply_ampm(int *h, int pm) {
  if (*h < 1 || *h > 12) return 0;
  *h = *h % 12 + (pm ? 12 : 0);
  return 1;
}

enum { MIN_NONE, MIN_MARKED, MIN_DOT };

/* The part after the hour: ":45[:00[.123]]", "h45" and "h" are times by
 * themselves (MIN_MARKED); ".45" (MIN_DOT) needs a suffix, am/pm or zone. */
static int dt_read_minutes(const scan *c, size_t *q, dt_clock *k) {
  int frac;
  if (dt_h_minutes(c, q, &k->minute)) return MIN_MARKED;
  if (dt_two_after(c, q, '.', &k->minute)) return MIN_DOT;
  if (!dt_two_after(c, q, ':', &k->minute)) return MIN_NONE;
  if (dt_two_after(c, q, ':', &k->second)) {
    k->has_sec = 1;
    if ((dt_byte(c, *q) == '.' || dt_byte(c, *q) == ',') && dt_is_digit(dt_byte(c, *q + 1))) {
      ++*q;
      dt_read_num(c, q, &frac);
    }
  }
  return MIN_MARKED;
}

/* Does a zone follow p? Makes "08.45 GMT" a time. */
static int dt_zone_follows(const scan *c, size_t p) {
  dt_clock z;
  int off;
  p = dt_skip_ws(c, p);
  return dt_read_zone(c, &p, &z) || dt_read_offset(c, &p, &off);
}

/* A clock time at *p: 15:45, 15:45:30.5, 3:45 p.m., 3 PM, 15h45, 15.45 Uhr. */
static int dt_read_time(const scan *c, size_t *p, dt_clock *k) {
  size_t q = *p, r;
  int form, marked, pm;
  memset(k, 0, sizeof *k);
  if (!dt_num(c, &q, 1, 2, &k->hour)) return 0;
  form = dt_read_minutes(c, &q, k);
  marked = form == MIN_MARKED;
  r = dt_skip_ws(c, q);
  if (dt_read_ampm(c, &r, &pm) && dt_apply_ampm(&k->hour, pm)) { q = r; marked = 1; }
  r = dt_skip_ws(c, q);
  if (DT_LOOKUP(c, r, dt_time_suffixes, &r)) { q = r; marked = 1; }
  if (form == MIN_DOT && !marked) marked = dt_zone_follows(c, q);
  if (!marked || k->hour > 23 || k->minute > 59 || k->second > 59) return 0;
  k->set = 1;
  *p = q;
  return 1;
}

/* ISO basic time after 'T': "1545", "154530". */
static int dt_read_compact_time(const scan *c, size_t *p, dt_clock *k) {
  size_t q = *p;
  int v, nd = dt_read_num(c, &q, &v);
  memset(k, 0, sizeof *k);
  if (nd == 6) { k->second = v % 100; v /= 100; k->has_sec = 1; }
  else if (nd != 4) return 0;
  k->hour = v / 100;
  k->minute = v % 100;
  if (k->hour > 23 || k->minute > 59 || k->second > 59) return 0;
  k->set = 1;
  *p = q;
  return 1;
}

/* "(UTC)" after an offset or a time. */
static int dt_read_paren_zone(const scan *c, size_t *p, dt_clock *k) {
  size_t q = *p;
  dt_clock z = *k;
  if (!dt_eat(c, &q, '(') || !dt_read_zone(c, &q, &z) || !dt_eat(c, &q, ')')) return 0;
  if (k->tz_kind == TZ_NONE) *k = z;
  *p = q;
  return 1;
}

/* The zone after a time at p, if any; returns the new end. */
static size_t dt_opt_zone(const scan *c, size_t p, dt_clock *k) {
  size_t q;
  int off;
  if ((dt_byte(c, p) == 'Z' || dt_byte(c, p) == 'z') && !dt_is_letter(dt_ch(c, p + 1))) {
    k->tz_kind = TZ_FIXED;
    k->tz = 0;
    return p + 1;
  }
  q = dt_skip_ws(c, p);
  if (dt_read_offset(c, &q, &off)) {
    k->tz_kind = TZ_FIXED;
    k->tz = off;
    p = q;
  } else if (dt_read_zone(c, &q, k)) {
    p = q;
  }
  q = dt_skip_ws(c, p);
  if (dt_read_paren_zone(c, &q, k)) p = q;
  return p;
}

/* An optional time (and zone) after a date: ", 15:45", " à 15h45",
 * " r., godz. 15:45", " • 8:45am" ('|' in the set stands for any other mark).
 * Returns the new end, or p when there is none. */
static size_t dt_opt_time(const scan *c, size_t p, dt_clock *k) {
  size_t q = p, r;
  int i;
  for (i = 0; i < 3; i++) {
    q = dt_skip_seps(c, q, ",-|@");
    r = q;
    if (dt_read_time(c, &r, k)) return dt_opt_zone(c, r, k);
    if (!DT_LOOKUP(c, q, dt_time_words, &r)) break;
    q = r;
    dt_eat(c, &q, '.');
  }
  memset(k, 0, sizeof *k);
  return p;
}

/* ---- results ------------------------------------------------------------------- */

enum { M_NONE, M_OK, M_BAD };

static void dt_apply_clock(date_value *v, const dt_clock *k) {
  if (!k->set || v->precision != DATE_DAY || v->hijri) return;
  v->hour = k->hour;
  v->minute = k->minute;
  v->second = k->second;
  v->precision = k->has_sec ? DATE_SECOND : DATE_MINUTE;
  if (k->tz_kind == TZ_NONE) return;
  v->has_tz = 1;
  v->tz_minutes = k->tz + (k->tz_kind == TZ_US && dt_us_dst(v) ? 60 : 0);
}

/* Validates the date read from begin to stop and adds the time k (may be
 * NULL). *end is set either way, so a bad date is skipped as a whole. */
static int dt_finish(date_value *v, const dt_clock *k, size_t begin, size_t stop,
                     size_t *end) {
  *end = stop;
  if (!dt_valid_date(v)) return M_BAD;
  v->begin = begin;
  v->end = stop;
  if (k) dt_apply_clock(v, k);
  return M_OK;
}

static void dt_set_date(date_value *v, int y, int m, int d, date_precision prec) {
  memset(v, 0, sizeof *v);
  v->year = y;
  v->month = m;
  v->day = d;
  v->precision = prec;
}

/* ---- numeric dates --------------------------------------------------------------- */

/* Is p inside a longer run of numbers ("192.168.1.10", "1.2.2019.5")? */
static int dt_number_before(const scan *c, size_t p) {
  return p >= 2 && c->s[p - 1] && strchr(".-/:", c->s[p - 1]) && dt_is_digit(c->s[p - 2]);
}

static int dt_number_after(const scan *c, size_t p) {
  int ch = dt_ch(c, p);
  return ch != CH_END && strchr(".-/:", ch) && dt_is_digit(dt_ch(c, dt_next(c, p)));
}

/* The time of an ISO date: "T15:45:00Z", "T154500", " 15:45". */
static int dt_iso_time(const scan *c, size_t *p, dt_clock *k) {
  size_t q = *p + 1;
  int b = dt_byte(c, *p);
  if ((b != 'T' && b != 't') || !dt_is_digit(dt_byte(c, q))) {
    *p = dt_opt_time(c, *p, k);
    return 1;
  }
  if (!dt_read_time(c, &q, k) && !dt_read_compact_time(c, &q, k)) return 0;
  *p = dt_opt_zone(c, q, k);
  return 1;
}

/* 2019-01-10, 2019-01, 2019/01/10, 2019.01.10 and a time. */
static int dt_pat_iso(const scan *c, size_t p, date_value *v, size_t *end) {
  size_t q = p;
  int y, m, d, sep;
  dt_clock k;
  memset(&k, 0, sizeof k);
  if (!dt_num(c, &q, 4, 4, &y)) return M_NONE;
  sep = dt_ch(c, q);
  if (sep != '-' && sep != '/' && sep != '.') return M_NONE;
  q = dt_next(c, q);
  if (!dt_num(c, &q, 1, 2, &m)) return M_NONE;
  if (dt_ch(c, q) == sep && dt_is_digit(dt_ch(c, dt_next(c, q)))) {
    q = dt_next(c, q);
    if (!dt_num(c, &q, 1, 2, &d)) return M_NONE;
    dt_set_date(v, y, m, d, DATE_DAY);
  } else if (sep == '-' && q - p == 7) {
    dt_set_date(v, y, m, 0, DATE_MONTH);
  } else {
    return M_NONE;
  }
  if (dt_number_after(c, q)) return M_NONE;
  if (v->precision == DATE_DAY && !dt_iso_time(c, &q, &k)) {
    *end = q;
    return M_BAD;
  }
  return dt_finish(v, &k, p, q, end);
}

/* 20190110: only as the whole string or before "T1545". */
static int dt_pat_compact(const scan *c, size_t p, date_value *v, size_t *end) {
  size_t q = p;
  int val;
  dt_clock k;
  memset(&k, 0, sizeof k);
  if (dt_read_num(c, &q, &val) != 8) return M_NONE;
  dt_set_date(v, val / 10000, val / 100 % 100, val % 100, DATE_DAY);
  if ((dt_byte(c, q) == 'T' || dt_byte(c, q) == 't') && dt_is_digit(dt_byte(c, q + 1))) {
    if (!dt_iso_time(c, &q, &k)) return M_NONE;
  } else if (p != c->first || q != c->last) {
    return M_NONE;
  }
  return dt_finish(v, &k, p, q, end);
}

static int dt_day_first(const scan *c, int sep) {
  if (c->dayfirst >= 0) return c->dayfirst;
  return sep == '.' ? 1 : c->default_dayfirst;
}

/* 01/10/2019, 10.01.2019, 10-01-2019 and a time. */
static int dt_pat_numeric(const scan *c, size_t p, date_value *v, size_t *end) {
  size_t q = p;
  int a, b, y, sep;
  dt_clock k;
  if (dt_number_before(c, p) || !dt_num(c, &q, 1, 2, &a)) return M_NONE;
  sep = dt_byte(c, q);
  if (sep != '/' && sep != '.' && sep != '-') return M_NONE;
  q++;
  if (!dt_num(c, &q, 1, 2, &b) || dt_byte(c, q) != sep) return M_NONE;
  q++;
  if (!dt_num(c, &q, 4, 4, &y) || dt_number_after(c, q)) return M_NONE;
  if (a > 12 || (b <= 12 && dt_day_first(c, sep)))
    dt_set_date(v, y, b, a, DATE_DAY);
  else
    dt_set_date(v, y, a, b, DATE_DAY);
  q = dt_opt_time(c, q, &k);
  return dt_finish(v, &k, p, q, end);
}

/* ---- dates with month names ---------------------------------------------------- */

/* A day number with an optional ordinal: "10", "26th", "1er", "1º", "10.". */
static int dt_read_day(const scan *c, size_t *p, int *day) {
  size_t q = *p;
  if (!dt_num(c, &q, 1, 2, day)) return 0;
  if (!dt_eat(c, &q, CH_ORD) && DT_LOOKUP(c, q, dt_ordinals, &q)) dt_eat(c, &q, '.');
  *p = q;
  return 1;
}

static size_t dt_hijri_suffix(const scan *c, size_t p) {
  size_t q = dt_skip_ws(c, p);
  if (DT_LOOKUP(c, q, dt_hijri_suffixes, &q)) {
    dt_eat(c, &q, '.');
    return q;
  }
  if (c->len - q >= 2 && c->s[q] == 0xD9 && c->s[q + 1] == 0x87) {
    q += 2;
    if (c->len - q >= 2 && c->s[q] == 0xD9 && c->s[q + 1] == 0x80) q += 2;
    return q;
  }
  return p;
}

/* Year, day and month read: checks them, then reads a time or Hijri mark. */
static int dt_finish_day(const scan *c, date_value *v, size_t p, size_t q,
                         size_t *end) {
  dt_clock k;
  memset(&k, 0, sizeof k);
  v->precision = DATE_DAY;
  q = v->hijri ? dt_hijri_suffix(c, q) : dt_opt_time(c, q, &k);
  return dt_finish(v, &k, p, q, end);
}

static const dt_name *dt_month_at(const scan *c, size_t p, date_value *v,
                                  size_t *end) {
  const dt_name *mn = DT_LOOKUP(c, p, dt_months, end);
  if (!mn) return NULL;
  memset(v, 0, sizeof *v);
  v->month = mn->value;
  v->hijri = (mn->flags & F_HIJRI) != 0;
  return mn;
}

/* "April 26, 2024", "Jan. 10th, 2019", "January 2019", "enero de 2019". */
static int dt_pat_month_first(const scan *c, size_t p, date_value *v, size_t *end) {
  size_t q;
  int day, year;
  if (!dt_month_at(c, p, v, &q)) return M_NONE;
  q = dt_skip_seps(c, q, ".,-/");
  q = DT_SKIP(c, q);
  if (dt_num(c, &q, 4, 4, &year)) {
    v->year = year;
    v->precision = DATE_MONTH;
    return dt_finish(v, NULL, p, v->hijri ? dt_hijri_suffix(c, q) : q, end);
  }
  if (!dt_read_day(c, &q, &day)) return M_NONE;
  q = dt_skip_seps(c, q, ".,-/");
  if (!dt_num(c, &q, 4, 4, &year)) return M_NONE;
  v->day = day;
  v->year = year;
  return dt_finish_day(c, v, p, q, end);
}

/* "26 April 2024", "26th of April, 2024", "10. Januar 2019", "1er mars 2019",
 * "10 de enero de 2019", "10-Jan-2019", "16 Shawwal 1445 H". */
static int dt_pat_day_first(const scan *c, size_t p, date_value *v, size_t *end) {
  size_t q = p;
  int day, year;
  if (!dt_read_day(c, &q, &day)) return M_NONE;
  q = dt_skip_seps(c, q, ".-/");
  q = DT_SKIP(c, q);
  if (!dt_month_at(c, q, v, &q)) return M_NONE;
  q = dt_skip_seps(c, q, ".,-/");
  q = DT_SKIP(c, q);
  if (!dt_num(c, &q, 4, 4, &year)) return M_NONE;
  v->day = day;
  v->year = year;
  return dt_finish_day(c, v, p, q, end);
}

/* "1445 AH", "1445 H": a Hijri year. */
static int dt_pat_hijri_year(const scan *c, size_t p, date_value *v, size_t *end) {
  size_t q = p, r;
  int year;
  if (!dt_num(c, &q, 3, 4, &year)) return M_NONE;
  r = dt_hijri_suffix(c, q);
  if (r == q) return M_NONE;
  dt_set_date(v, year, 0, 0, DATE_YEAR);
  v->hijri = 1;
  return dt_finish(v, NULL, p, r, end);
}

/* ---- relative dates -------------------------------------------------------------- */

/* The UTC date (and minute, when with_time) of unix time t. */
static void dt_from_unix(long long t, int with_time, date_value *v) {
  long long days = t / 86400, secs = t % 86400;
  if (secs < 0) { secs += 86400; days--; }
  memset(v, 0, sizeof *v);
  dt_civil_from_days(days, v);
  v->precision = DATE_DAY;
  if (!with_time) return;
  v->hour = (int)(secs / 3600);
  v->minute = (int)(secs / 60 % 60);
  v->precision = DATE_MINUTE;
  v->has_tz = 1;
}

static int dt_unix_ok(long long t) {
  return t > -2208988800LL && t < 4133980800LL;  /* 1900 .. 2101 */
}

/* "today", "gestern", "hier à 15h45". */
static int dt_pat_rel_day(const scan *c, size_t p, date_value *v, size_t *end) {
  const dt_name *w;
  size_t q;
  long long t;
  if (!c->has_now || !(w = DT_LOOKUP(c, p, dt_rel_days, &q))) return M_NONE;
  t = c->now - 86400LL * w->value;
  if (!dt_unix_ok(t)) return M_NONE;
  dt_from_unix(t, 0, v);
  return dt_finish_day(c, v, p, q, end);
}

/* A count ("2", "an", "einer"), a unit, and the date that far before now. */
static int dt_rel_amount(const scan *c, size_t *p, long long *secs) {
  static const long long unit_secs[] = {0, 60, 3600, 86400, 604800};
  const dt_name *w;
  size_t q = *p;
  int n;
  if ((w = DT_LOOKUP(c, q, dt_rel_one, &q)) != NULL) n = w->value;
  else if (!dt_num(c, &q, 1, 4, &n)) return 0;
  q = dt_skip_ws(c, q);
  if (!(w = DT_LOOKUP(c, q, dt_rel_units, &q))) return 0;
  *secs = n * unit_secs[w->value];
  *p = q;
  return w->value <= U_HOUR ? 2 : 1;
}

static int dt_rel_result(const scan *c, long long secs, int kind, size_t p,
                         size_t q, date_value *v, size_t *end) {
  long long t = c->now - secs;
  if (!dt_unix_ok(t)) return M_NONE;
  dt_from_unix(t, kind == 2, v);
  return dt_finish(v, NULL, p, q, end);
}

/* "vor 2 Stunden", "il y a 2 jours", "hace 3 días". */
static int dt_pat_rel_before(const scan *c, size_t p, date_value *v, size_t *end) {
  size_t q;
  long long secs;
  int kind;
  if (!c->has_now || !DT_LOOKUP(c, p, dt_rel_before, &q)) return M_NONE;
  q = dt_skip_ws(c, q);
  if (!(kind = dt_rel_amount(c, &q, &secs))) return M_NONE;
  return dt_rel_result(c, secs, kind, p, q, v, end);
}

/* "2 hours ago", "2 ore fa", "3 dagen geleden", "an hour ago". */
static int dt_pat_rel_after(const scan *c, size_t p, date_value *v, size_t *end) {
  size_t q = p;
  long long secs;
  int kind;
  if (!c->has_now || !(kind = dt_rel_amount(c, &q, &secs))) return M_NONE;
  q = dt_skip_ws(c, q);
  if (!DT_LOOKUP(c, q, dt_rel_after, &q)) return M_NONE;
  return dt_rel_result(c, secs, kind, p, q, v, end);
}

/* ---- scanning ----------------------------------------------------------------------- */

/* ---- Chinese, Japanese and Korean dates ---------------------------------------- */

/* The UTF-8 text lit at *p, after blanks; *p moves past it on success. */
static int dt_eat_lit(const scan *c, size_t *p, const char *lit) {
  size_t q = dt_skip_ws(c, *p), n = strlen(lit);
  if (c->len - q < n || memcmp(c->s + q, lit, n) != 0) return 0;
  *p = q + n;
  return 1;
}

/* One of the literals; returns its index or -1. */
static int dt_eat_any(const scan *c, size_t *p, const char *const *lits) {
  int i;
  for (i = 0; lits[i]; i++)
    if (dt_eat_lit(c, p, lits[i])) return i;
  return -1;
}

static const char *const DT_CJK_YEAR[] = { "\xE5\xB9\xB4", "\xEB\x85\x84", NULL };   /* 年 년 */
static const char *const DT_CJK_MONTH[] = { "\xE6\x9C\x88", "\xEC\x9B\x94", NULL };  /* 月 월 */
static const char *const DT_CJK_DAY[] = { "\xE6\x97\xA5", "\xEC\x9D\xBC", "\xE5\x8F\xB7", NULL };  /* 日 일 号 */
/* 午前 오전 上午 (morning), then 午後 오후 下午 (afternoon) */
static const char *const DT_CJK_AMPM[] = {
  "\xE5\x8D\x88\xE5\x89\x8D", "\xEC\x98\xA4\xEC\xA0\x84", "\xE4\xB8\x8A\xE5\x8D\x88",
  "\xE5\x8D\x88\xE5\xBE\x8C", "\xEC\x98\xA4\xED\x9B\x84", "\xE4\xB8\x8B\xE5\x8D\x88", NULL
};
static const char *const DT_CJK_HOUR[] = { "\xE6\x99\x82", "\xEC\x8B\x9C", "\xE7\x82\xB9", NULL };  /* 時 시 点 */
static const char *const DT_CJK_MINUTE[] = { "\xE5\x88\x86", "\xEB\xB6\x84", NULL };  /* 分 분 */

/* A weekday in brackets after the day: "(火)", "（火）", "(화)", "(목요일)". */
static size_t dt_cjk_weekday(const scan *c, size_t p) {
  size_t q = dt_skip_ws(c, p), n;
  static const char *const open[] = { "(", "\xEF\xBC\x88", NULL };   /* ( （ */
  static const char *const close[] = { ")", "\xEF\xBC\x89", NULL };  /* ) ） */
  int k;
  if (dt_eat_any(c, &q, open) < 0) return p;
  for (k = 0; k < 4; k++) {
    size_t r = q;
    if (dt_eat_any(c, &r, close) >= 0) return k ? r : p;
    if (dt_peek(c, q, &n) != CH_LETTER) return p;
    q += n;
  }
  return p;
}

/* "09:43", "午後3時20分", "오후 3:20", "15시 20분": the time after a CJK date. */
static size_t dt_cjk_time(const scan *c, size_t p, dt_clock *k) {
  size_t q = p;
  int half = dt_eat_any(c, &q, DT_CJK_AMPM), h, m = 0;
  q = dt_skip_ws(c, q);
  memset(k, 0, sizeof *k);
  if (!dt_num(c, &q, 1, 2, &h)) return p;
  if (dt_eat(c, &q, ':')) {
    if (!dt_num(c, &q, 2, 2, &m)) return p;
  } else if (dt_eat_any(c, &q, DT_CJK_HOUR) >= 0) {
    size_t r = dt_skip_ws(c, q);
    if (dt_num(c, &r, 1, 2, &m) && dt_eat_any(c, &r, DT_CJK_MINUTE) >= 0) q = r;
  } else {
    return p;
  }
  if (half >= 3 && h < 12) h += 12;  /* afternoon */
  if (half >= 0 && half < 3 && h == 12) h = 0;
  if (h > 23 || m > 59) return p;
  k->set = 1;
  k->hour = h;
  k->minute = m;
  return q;
}

/* "2019年3月15日", "2019年3月15日（火）09:43", "2019년 3월 15일 오후 3:20",
 * "2019年3月" (a month). Chinese, Japanese and Korean write year, month,
 * day, each with its mark. */
static int dt_pat_cjk(const scan *c, size_t p, date_value *v, size_t *end) {
  size_t q = p, r;
  int y, m, d;
  dt_clock k;
  memset(&k, 0, sizeof k);
  if (!dt_num(c, &q, 4, 4, &y) || dt_eat_any(c, &q, DT_CJK_YEAR) < 0) return M_NONE;
  q = dt_skip_ws(c, q);
  if (!dt_num(c, &q, 1, 2, &m) || dt_eat_any(c, &q, DT_CJK_MONTH) < 0) return M_NONE;
  r = dt_skip_ws(c, q);
  if (dt_num(c, &r, 1, 2, &d) && dt_eat_any(c, &r, DT_CJK_DAY) >= 0) {
    dt_set_date(v, y, m, d, DATE_DAY);
    q = dt_cjk_weekday(c, r);
    r = dt_skip_seps(c, q, ",|");
    r = dt_cjk_time(c, r, &k);
    if (k.set) q = r;
  } else {
    dt_set_date(v, y, m, 0, DATE_MONTH);
  }
  return dt_finish(v, &k, p, q, end);
}

static int dt_try_absolute(const scan *c, size_t p, date_value *v, size_t *end) {
  int r;
  if (!dt_is_digit(dt_ch(c, p))) return dt_pat_month_first(c, p, v, end);
  if ((r = dt_pat_iso(c, p, v, end)) != M_NONE) return r;
  if ((r = dt_pat_cjk(c, p, v, end)) != M_NONE) return r;
  if ((r = dt_pat_compact(c, p, v, end)) != M_NONE) return r;
  if ((r = dt_pat_numeric(c, p, v, end)) != M_NONE) return r;
  return dt_pat_day_first(c, p, v, end);
}

/* Skips one word and its punctuation: a weekday or a preposition between a
 * time and its date ("2:31 PM EST, Thu January 10, 2019", "12:30 PM on Jan
 * 10, 2019", "15:45 am 10. Januar 2019", "10:30 el 10 de enero de 2019"). */
static size_t dt_skip_weekday(const scan *c, size_t p) {
  size_t q = p, n;
  while (dt_is_letter(dt_peek(c, q, &n))) q += n;
  return q == p ? p : dt_skip_seps(c, q, ".,");
}

/* "5:03 p.m. ET Jan. 10, 2019": a time, then a date without its own time;
 * one word may stand between them. */
static int dt_pat_time_first(const scan *c, size_t p, date_value *v, size_t *end) {
  size_t q = p;
  dt_clock k;
  int r;
  if (!dt_read_time(c, &q, &k)) return M_NONE;
  q = dt_opt_zone(c, q, &k);
  q = dt_skip_seps(c, q, ",-|@");
  r = dt_try_absolute(c, q, v, end);
  if (r == M_NONE) r = dt_try_absolute(c, dt_skip_weekday(c, q), v, end);
  if (r != M_OK) return r;
  v->begin = p;
  dt_apply_clock(v, &k);
  return M_OK;
}

static int dt_try_at(const scan *c, size_t p, date_value *v, size_t *end) {
  int r = dt_try_absolute(c, p, v, end);
  if (r != M_NONE) return r;
  if (dt_is_digit(dt_ch(c, p))) {
    if ((r = dt_pat_hijri_year(c, p, v, end)) != M_NONE) return r;
    if ((r = dt_pat_rel_after(c, p, v, end)) != M_NONE) return r;
    return dt_pat_time_first(c, p, v, end);
  }
  if ((r = dt_pat_rel_day(c, p, v, end)) != M_NONE) return r;
  if ((r = dt_pat_rel_before(c, p, v, end)) != M_NONE) return r;
  return dt_pat_rel_after(c, p, v, end);
}

/* Does the code name language xy ("de", "DE", "de-AT", "de_AT")? */
static int dt_lang_is(const char *lang, const char *xy) {
  if (dt_fold_ascii((unsigned char)lang[0]) != xy[0]) return 0;
  if (dt_fold_ascii((unsigned char)lang[1]) != xy[1]) return 0;
  return !lang[2] || lang[2] == '-' || lang[2] == '_';
}

/* "en" and "en-US" write month first; so does a page of unknown language. */
static int dt_month_first_lang(const char *lang) {
  if (!dt_lang_is(lang, "en")) return 0;
  if (!lang[2]) return 1;
  return dt_fold_ascii((unsigned char)lang[3]) == 'u' &&
         dt_fold_ascii((unsigned char)lang[4]) == 's' && !lang[5];
}

/* Language mask and day-first default from a code such as "de-AT". */
static void dt_set_lang(scan *c, const char *lang) {
  static const struct { char code[3]; unsigned char bit; } codes[] = {
    {"en", L_EN}, {"de", L_DE}, {"fr", L_FR}, {"es", L_ES},
    {"it", L_IT}, {"pt", L_PT}, {"nl", L_NL}, {"pl", L_PL},
  };
  size_t i;
  c->langs = L_ALL;
  if (!lang || !lang[0]) return;
  c->default_dayfirst = !dt_month_first_lang(lang);
  for (i = 0; i < DT_COUNT(codes); i++) {
    if (!dt_lang_is(lang, codes[i].code)) continue;
    c->explicit_lang = codes[i].bit;
    c->langs = codes[i].bit | L_EN;
  }
}

static void dt_scan_init(scan *c, const char *s, size_t len, const date_options *opt) {
  memset(c, 0, sizeof *c);
  c->s = (const unsigned char *)s;
  c->len = len;
  c->dayfirst = -1;
  dt_set_lang(c, opt ? opt->lang : NULL);
  if (opt && opt->dayfirst >= 0) c->dayfirst = opt->dayfirst != 0;
  if (opt && opt->has_now) { c->has_now = 1; c->now = opt->now; }
  c->first = dt_skip_ws(c, 0);
  c->last = len;
  while (c->last > c->first && dt_fold_ascii(c->s[c->last - 1]) == CH_SPACE) c->last--;
}

/* Does a word or number start at p? (prev is the class of the character before.) */
static int dt_token_start(int ch, int prev) {
  if (dt_is_digit(ch)) return !dt_is_digit(prev);
  return dt_is_letter(ch) && !dt_is_letter(prev);
}

int date_parse(const char *s, size_t len, const date_options *opt, date_value *out) {
  scan c;
  size_t p = 0, n, end;
  int ch, prev = CH_SPACE, r;
  if (!out) return -1;
  memset(out, 0, sizeof *out);
  if (!s) return -1;
  dt_scan_init(&c, s, len, opt);
  while (p < len) {
    ch = dt_peek(&c, p, &n);
    if (dt_token_start(ch, prev)) {
      end = p;
      r = dt_try_at(&c, p, out, &end);
      if (r == M_OK) return 0;
      if (r == M_BAD && end > p) { p = end; prev = CH_OTHER; continue; }
    }
    prev = ch;
    p += n;
  }
  memset(out, 0, sizeof *out);
  return -1;
}

/* ---- formatting ------------------------------------------------------------------------ */

static size_t dt_put(char *buf, size_t n, int val, int width) {
  int i;
  for (i = width - 1; i >= 0; i--) {
    buf[n + (size_t)i] = (char)('0' + val % 10);
    val /= 10;
  }
  return n + (size_t)width;
}

static int dt_format_ok(const date_value *v) {
  if (v->hijri || v->precision <= DATE_NONE || v->precision > DATE_SECOND) return 0;
  if (v->year < 0 || v->year > 9999) return 0;
  if (v->precision >= DATE_MONTH && (v->month < 1 || v->month > 12)) return 0;
  if (v->precision >= DATE_DAY && (v->day < 1 || v->day > 31)) return 0;
  if (v->precision < DATE_MINUTE) return 1;
  if (v->hour < 0 || v->hour > 23 || v->minute < 0 || v->minute > 59) return 0;
  if (v->second < 0 || v->second > 60) return 0;
  return !v->has_tz || (v->tz_minutes > -24 * 60 && v->tz_minutes < 24 * 60);
}

static size_t dt_put_time(const date_value *v, char *buf, size_t n) {
  int off = v->tz_minutes < 0 ? -v->tz_minutes : v->tz_minutes;
  buf[n++] = 'T';
  n = dt_put(buf, n, v->hour, 2);
  buf[n++] = ':';
  n = dt_put(buf, n, v->minute, 2);
  buf[n++] = ':';
  n = dt_put(buf, n, v->second, 2);
  if (!v->has_tz) return n;
  buf[n++] = v->tz_minutes < 0 ? '-' : '+';
  n = dt_put(buf, n, off / 60, 2);
  buf[n++] = ':';
  return dt_put(buf, n, off % 60, 2);
}

size_t date_format_iso(const date_value *v, char *dst, size_t dstsz) {
  char buf[DATE_ISO_MAX];
  size_t n = 0;
  if (v && dt_format_ok(v)) {
    n = dt_put(buf, n, v->year, 4);
    if (v->precision >= DATE_MONTH) { buf[n++] = '-'; n = dt_put(buf, n, v->month, 2); }
    if (v->precision >= DATE_DAY) { buf[n++] = '-'; n = dt_put(buf, n, v->day, 2); }
    if (v->precision >= DATE_MINUTE) n = dt_put_time(v, buf, n);
  }
  if (dst && dstsz) {
    size_t m = n < dstsz - 1 ? n : dstsz - 1;
    memcpy(dst, buf, m);
    dst[m] = '\0';
  }
  return n;
}
