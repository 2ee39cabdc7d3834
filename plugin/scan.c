#include "scan.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

typedef struct { char *form; size_t len; int id; int flags; } scan_form;

struct scan_agencies {
  scan_form *forms;  /* sorted longest first, so the first match is the longest */
  size_t n, cap;
  int sorted;
};

scan_agencies *scan_agencies_new(void) {
  scan_agencies *a = calloc(1, sizeof *a);
  return a;
}

void scan_agencies_free(scan_agencies *a) {
  size_t i;
  if (!a) return;
  for (i = 0; i < a->n; i++) free(a->forms[i].form);
  free(a->forms);
  free(a);
}

int scan_agencies_add(scan_agencies *a, const char *form, size_t len, int id, int flags) {
  char *copy;
  if (len == 0) return 0;
  if (a->n == a->cap) {
    size_t cap = a->cap ? a->cap * 2 : 64;
    scan_form *p = realloc(a->forms, cap * sizeof *p);
    if (!p) return -1;
    a->forms = p;
    a->cap = cap;
  }
  copy = malloc(len + 1);
  if (!copy) return -1;
  memcpy(copy, form, len);
  copy[len] = '\0';
  a->forms[a->n].form = copy;
  a->forms[a->n].len = len;
  a->forms[a->n].id = id;
  a->forms[a->n].flags = flags;
  a->n++;
  a->sorted = 0;
  return 0;
}

static int scan_by_length(const void *x, const void *y) {
  const scan_form *a = x, *b = y;
  if (a->len != b->len) return a->len < b->len ? 1 : -1;
  return strcmp(a->form, b->form);
}

static void scan_sort(const scan_agencies *a) {
  scan_agencies *m = (scan_agencies *)a;  /* sorting is a lazy cache, not a change */
  if (m->sorted) return;
  qsort(m->forms, m->n, sizeof *m->forms, scan_by_length);
  m->sorted = 1;
}

/* ---- characters ------------------------------------------------------- */

static unsigned scan_cp(const char *s, size_t len, size_t i, size_t *n) {
  unsigned cp = 0;
  size_t k = i < len ? text_utf8_next((const unsigned char *)s + i, len - i, &cp) : 0;
  if (n) *n = k;
  return i < len ? cp : 0;
}

static int scan_is_letter(unsigned cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp >= 0x2000 && cp <= 0x206F) return 0;  /* general punctuation: dashes, quotes */
  if (cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xA9 || cp == 0xB7) return 0;
  return !text_is_space_cp(cp);
}

static int scan_is_word_char(unsigned cp) { return scan_is_letter(cp) || (cp >= '0' && cp <= '9'); }

static size_t scan_skip_spaces(const char *s, size_t len, size_t i) {
  while (i < len) {
    size_t n;
    unsigned cp = scan_cp(s, len, i, &n);
    if (!text_is_space_cp(cp)) break;
    i += n;
  }
  return i;
}

static size_t scan_trim_end(const char *s, size_t len) {
  while (len > 0) {
    size_t k = len - 1, n;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    if (!text_is_space_cp(scan_cp(s, len, k, &n))) break;
    len = k;
  }
  return len;
}

static int scan_is_dash(unsigned cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 ||
         cp == 0x2015 || cp == 0x2212;
}

/* Bytes of a run of dashes at i (" - ", "—", "——", "--"), 0 if none. */
static size_t scan_dashes(const char *s, size_t len, size_t i) {
  size_t j = i, n;
  while (j < len && scan_is_dash(scan_cp(s, len, j, &n))) j += n;
  return j - i;
}

/* ---- agencies ---------------------------------------------------------- */

static int scan_ascii_ieq(const char *a, const char *b, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) {
    unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
    if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
    if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
    if (x != y) return 0;
  }
  return 1;
}

size_t scan_agency_at(const scan_agencies *a, const char *s, size_t len, int allow_short, int *id) {
  size_t k;
  if (!a || len == 0) return 0;
  scan_sort(a);
  for (k = 0; k < a->n; k++) {
    const scan_form *f = &a->forms[k];
    int exact = (f->flags & SCAN_CASE) != 0 || ((f->flags & SCAN_SHORT) && allow_short == SCAN_SHORT_EXACT);
    if (f->len > len || ((f->flags & SCAN_SHORT) && !allow_short)) continue;
    if (exact ? memcmp(s, f->form, f->len) != 0 : !scan_ascii_ieq(s, f->form, f->len)) continue;
    if (f->len < len && scan_is_word_char(scan_cp(s, len, f->len, NULL))) continue;
    *id = f->id;
    return f->len;
  }
  return 0;
}

/* "(Reuters)", "(dpa/bb)", "(NNN-ONA)": returns the end after ')' or 0. */
static size_t scan_agency_paren(const scan_agencies *a, const char *s, size_t len, size_t i,
                                int *agency, int *relay) {
  size_t j, n;
  int first, second;
  if (i >= len || s[i] != '(') return 0;
  j = scan_skip_spaces(s, len, i + 1);
  n = scan_agency_at(a, s + j, len - j, 1, &first);
  if (!n) return 0;
  j += n;
  *agency = first;
  *relay = -1;
  if (j < len && s[j] == '-' && (n = scan_agency_at(a, s + j + 1, len - j - 1, 1, &second))) {
    *relay = first;  /* "NNN-ONA": NNN relays ONA's story */
    *agency = second;
    j += 1 + n;
  }
  while (j < len && s[j] == '/') {  /* a desk or author code: "dpa/bb", "dpa/gem" */
    size_t k = j + 1;
    while (k < len && k - j <= 8 && (text_is_lower_cp(scan_cp(s, len, k, NULL)) ||
                                     (s[k] >= '0' && s[k] <= '9')))
      k++;
    if (k == j + 1) return 0;
    j = k;
  }
  j = scan_skip_spaces(s, len, j);
  if (j >= len || s[j] != ')') return 0;
  return j + 1;
}

/* ---- datelines --------------------------------------------------------- */

static const char *const SCAN_CONNECTORS[] = {
  "de", "del", "da", "do", "dos", "la", "el", "am", "an", "der", "upon", "on", "sur",
  "en", "di", "al", "im", "bei", "la", "les", "le", NULL
};

static const char *const SCAN_KICKERS[] = {
  "BREAKING", "WATCH", "UPDATE", "UPDATED", "EDITOR'S", "EDITOR’S", "EDITORS", "FILE",
  "EXCLUSIVE", "ANALYSIS", "LIVE", "OPINION", "PHOTOS", "PHOTO", "VIDEO", "CORRECTION",
  "CORRECTED", "REFILE", "FACTBOX", "EXPLAINER", "INSIGHT", "COLUMN", "REVIEW", "NOTE",
  "UPDATE:", "ALERT", "FLASH", "URGENT", "WARNING", "SPOILER", "INTERVIEW", "Q", "A",
  "READ", "ALSO", "RELATED", "LISTEN", "ADVERTISEMENT", "SPONSORED", "TRANSCRIPT", "KEY",
  "FACT", "SOURCE", "SOURCES", "WHAT", "WHY", "HOW", "WHO", "WHEN", "TAKEAWAYS", "CAPTION",
  "EDITORIAL", "BACKGROUND", "CONTEXT", "TIMELINE", "QUOTE", "FLASHBACK", "DEVELOPING",
  "HIGHLIGHTS", "SUMMARY", "VERDICT", "RESULTS", "FUENTE", "FUENTES", "FONTE", "FONTES",
  "QUELLE", "QUELLEN",
  /* labels of a page's fact lines, never places ("Name: Ashley", "Last Updated: …") */
  "NAME", "GALLERY", "IMPORTANT", "COORDINATES", "LAST", "LOCATION", "PRICE", "CATEGORY", "POSTED",
  "PUBLISHED", "AUTHOR", "TAGS", "TOPICS", "DATE", NULL
};

/* Case-insensitive (ASCII) membership, for kickers written "Watch:" or "WATCH:". */
static int scan_in_list_icase(const char *const *list, const char *s, size_t n) {
  int k;
  for (k = 0; list[k]; k++)
    if (strlen(list[k]) == n && scan_ascii_ieq(list[k], s, n)) return 1;
  return 0;
}

static int scan_in_list(const char *const *list, const char *s, size_t n) {
  int k;
  for (k = 0; list[k]; k++)
    if (strlen(list[k]) == n && memcmp(list[k], s, n) == 0) return 1;
  return 0;
}

static int scan_is_month(const char *s, size_t n);

/* End of a word at i: letters, digits and inner . ' ’ -, e.g. "St.", "Ky.", "Al-Quds". */
static size_t scan_word(const char *s, size_t len, size_t i) {
  size_t j = i, n;
  while (j < len) {
    unsigned cp = scan_cp(s, len, j, &n);
    if (scan_is_word_char(cp)) { j += n; continue; }
    if ((cp == '.' || cp == '\'' || cp == 0x2019 || cp == '-') && j > i) {
      size_t m;
      unsigned next = scan_cp(s, len, j + n, &m);
      /* "St.", "Ky.", "Dec.", "a.M." keep their dot; "MOSCOW." ends a sentence */
      if (scan_is_word_char(next) || (cp == '.' && (j - i <= 3 || scan_is_month(s + i, j - i)))) {
        j += n;
        continue;
      }
    }
    break;
  }
  return j;
}

typedef struct {
  scan_span places[SCAN_MAX_PLACES];
  int n;
  int all_caps;
} scan_places;

static int scan_word_all_caps(const char *s, size_t len, size_t i, size_t end) {
  int letters = 0;
  while (i < end) {
    size_t n;
    unsigned cp = scan_cp(s, len, i, &n);
    if (text_is_lower_cp(cp)) return 0;
    if (scan_is_letter(cp)) letters++;
    i += n;
  }
  return letters > 0;
}

static int scan_has_digit(const char *s, size_t n) {
  size_t k;
  for (k = 0; k < n; k++)
    if (s[k] >= '0' && s[k] <= '9') return 1;
  return 0;
}

/* Endings of host names: "TRIBUNNEWS.COM -" opens a story with the site's
 * name, not a place. */
static const char *const SCAN_HOST_ENDINGS[] = {
  "com", "net", "org", "info", "news", "co", "tv", "in", "id", "uk", "de", "pk", "ph", "my",
  "ng", "au", "ca", "us", "ru", "fr", "es", "it", "br", "mx", "jp", "cn", "kr", "vn", "za", NULL
};

/* A word like "TRIBUNNEWS.COM" or "Detik.com": a dot inside it, then one of
 * the endings to the word's end. */
static int scan_is_host_name(const char *s, size_t n) {
  size_t k = n;
  while (k > 0 && s[k - 1] != '.') k--;
  if (k < 3 || k == n) return 0;  /* "U.S.", "a.M." end with their dot */
  return scan_in_list_icase(SCAN_HOST_ENDINGS, s + k, n - k);
}

/* One place: up to 5 words, the first capitalised, none with a digit;
 * returns its end or 0. */
static size_t scan_place(const char *s, size_t len, size_t i, int *all_caps) {
  size_t end = 0, j = i;
  int words = 0;
  while (words < 5 && j < len) {
    size_t w = scan_word(s, len, j);
    unsigned cp = scan_cp(s, len, j, NULL);
    if (w == j || scan_has_digit(s + j, w - j)) break;  /* "VIDEO3:" names no place */
    if (scan_is_host_name(s + j, w - j)) return 0;
    if (!text_is_upper_cp(cp)) {
      int dotted = w - j <= 5 && memchr(s + j, '.', w - j) != NULL;  /* "Frankfurt a.M." */
      if (words == 0 || !(dotted || scan_in_list(SCAN_CONNECTORS, s + j, w - j))) break;
      if (dotted) end = w;
    } else {
      if (!scan_word_all_caps(s, len, j, w)) *all_caps = 0;
      end = w;
    }
    words++;
    j = w;
    if (j < len && s[j] == ' ') j++;
    else break;
  }
  return end;
}

/* Rivers that make one place of "Frankfurt/Main", "Frankfurt/Oder", "Halle/Saale". */
static const char *const SCAN_PLACE_SUFFIXES[] = { "Main", "Oder", "Saale", "M.", NULL };

static size_t scan_places_at(const char *s, size_t len, size_t i, scan_places *out) {
  size_t j = i, end;
  out->n = 0;
  out->all_caps = 1;
  while (out->n < SCAN_MAX_PLACES) {
    end = scan_place(s, len, j, &out->all_caps);
    if (!end) break;
    if (out->n > 0 && scan_in_list(SCAN_PLACE_SUFFIXES, s + j, end - j)) {
      scan_span *prev = &out->places[out->n - 1];
      prev->len = end - prev->start;
      j = scan_skip_spaces(s, len, end);
      if (j >= len || s[j] != '/') { j = end; break; }
      j = scan_skip_spaces(s, len, j + 1);
      continue;
    }
    out->places[out->n].start = j;
    out->places[out->n].len = end - j;
    out->n++;
    j = scan_skip_spaces(s, len, end);
    if (j >= len || s[j] != '/') { j = end; break; }
    j = scan_skip_spaces(s, len, j + 1);
  }
  (void)i;
  return out->n ? out->places[out->n - 1].start + out->places[out->n - 1].len : 0;
}

static const char *const SCAN_MONTHS[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "january", "february", "march", "april", "june", "july", "august", "september", "october",
  "november", "december", "ene", "enero", "febrero", "marzo", "abr", "abril", "mayo", "junio",
  "julio", "ago", "agosto", "set", "septiembre", "setiembre", "octubre", "noviembre", "dic",
  "diciembre", "gen", "gennaio", "febbraio", "mag", "maggio", "giu", "giugno", "lug", "luglio",
  "settembre", "ott", "ottobre", "novembre", "dicembre", "janv", "janvier", "févr", "février",
  "mars", "avr", "avril", "mai", "juin", "juil", "juillet", "août", "déc", "décembre",
  "januar", "februar", "märz", "juni", "juli", "okt", "oktober", "dez", "dezember",
  "fev", "fevereiro", "março", "maio", "junho", "julho", "out", "outubro", "novembro",
  "dezembro", "janeiro",
  "\xD1\x8F\xD0\xBD\xD0\xB2", "\xD1\x84\xD0\xB5\xD0\xB2", "\xD0\xBC\xD0\xB0\xD1\x80",
  "\xD0\xB0\xD0\xBF\xD1\x80", "\xD0\xBC\xD0\xB0\xD1\x8F", "\xD0\xB8\xD1\x8E\xD0\xBD",
  "\xD0\xB8\xD1\x8E\xD0\xBB", "\xD0\xB0\xD0\xB2\xD0\xB3", "\xD1\x81\xD0\xB5\xD0\xBD",
  "\xD0\xBE\xD0\xBA\xD1\x82", "\xD0\xBD\xD0\xBE\xD1\x8F", "\xD0\xB4\xD0\xB5\xD0\xBA",
  NULL
};

static int scan_is_month(const char *s, size_t n) {
  char low[16];
  size_t i;
  if (n == 0 || n >= sizeof low) return 0;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  if (n > 1 && low[n - 1] == '.') n--;
  return scan_in_list(SCAN_MONTHS, low, n);
}

static size_t scan_number(const char *s, size_t len, size_t i, size_t maxdigits) {
  size_t j = i;
  while (j < len && j - i < maxdigits && s[j] >= '0' && s[j] <= '9') j++;
  return j - i ? j : 0;
}

/* A day number with an optional ordinal suffix: "5", "05", "5th", "1er". */
static size_t scan_day(const char *s, size_t len, size_t i) {
  size_t d = scan_number(s, len, i, 2);
  if (!d) return 0;
  if (d + 2 <= len && (scan_ascii_ieq(s + d, "st", 2) || scan_ascii_ieq(s + d, "nd", 2) ||
                       scan_ascii_ieq(s + d, "rd", 2) || scan_ascii_ieq(s + d, "th", 2) ||
                       scan_ascii_ieq(s + d, "er", 2)) &&
      !scan_is_word_char(scan_cp(s, len, d + 2, NULL)))
    d += 2;
  return d;
}

/* Skips a Spanish/Portuguese "de" between date parts: "10 de junio de 2024". */
static size_t scan_skip_de(const char *s, size_t len, size_t j) {
  size_t k = scan_skip_spaces(s, len, j);
  if (k + 3 <= len && scan_ascii_ieq(s + k, "de ", 3)) return scan_skip_spaces(s, len, k + 3);
  return k;
}

/* "April 26", "Dec. 23", "26 FEB", "7 oct", "5th January, 2024", "January 05, 2024",
 * "10 de junio": returns the end or 0. */
static size_t scan_date(const char *s, size_t len, size_t i) {
  size_t w = scan_word(s, len, i), d, j;
  if (w > i && scan_is_month(s + i, w - i)) {
    j = scan_skip_spaces(s, len, w);
    d = scan_day(s, len, j);
    if (!d) return 0;
  } else {
    d = scan_day(s, len, i);
    if (!d) return 0;
    if (d < len && s[d] == '.') d++;  /* "7. März" */
    j = scan_skip_de(s, len, d);
    w = scan_word(s, len, j);
    if (w == j || !scan_is_month(s + j, w - j)) return 0;
    d = w;
  }
  j = d;
  if (j < len && s[j] == ',') j++;
  j = scan_skip_de(s, len, j);
  w = scan_number(s, len, j, 4);
  return w && w - j == 4 ? w : d;
}

/* ":" "-" "—" "——" "--" ".-" "|" with the spaces around them; returns the end or 0. */
static size_t scan_separator(const char *s, size_t len, size_t i, int *is_colon) {
  size_t j = scan_skip_spaces(s, len, i), n;
  *is_colon = 0;
  if (j < len && s[j] == '.' && j + 1 < len && s[j + 1] == '-') j += 1;
  else if (j < len && s[j] == '.' && j > 0 && (s[j - 1] == ')' || s[j - 1] == '/') &&
           (j + 1 == len || s[j + 1] == ' '))
    return j + 1;  /* "(epd).", "/TASS/." */
  if (j < len && s[j] == ':') { *is_colon = 1; return j + 1; }
  n = scan_dashes(s, len, j);
  if (n == 1 && j + n < len && scan_is_word_char(scan_cp(s, len, j + n, NULL)) &&
      j == i && s[j] == '-')
    return 0;  /* a hyphen inside a compound word, not a separator */
  return n ? j + n : 0;
}

static void scan_finish_dateline(const char *s, size_t len, size_t start, size_t end,
                                 scan_dateline *out) {
  out->text.start = start;
  out->text.len = end - start;
  out->len = scan_skip_spaces(s, len, end);
}

/* A date after the places: ", April 26" or ". Jan 5"; sets out->date. */
static size_t scan_date_segment(const char *s, size_t len, size_t j, scan_dateline *out) {
  size_t k = scan_skip_spaces(s, len, j), v, e;
  if (out->date.len || k >= len || (s[k] != ',' && s[k] != '.')) return 0;
  v = scan_skip_spaces(s, len, k + 1);
  if (!(e = scan_date(s, len, v))) return 0;
  out->date.start = v;
  out->date.len = e - v;
  return e;
}

/* "(ANSA) - ROMA, 26 FEB -", "(AGI) - Roma, 14 mar. -", "(EFE).-", "(CNN) —" */
static int scan_agency_first(const scan_agencies *a, const char *s, size_t len, size_t i,
                             scan_dateline *out) {
  int colon;
  size_t j = scan_agency_paren(a, s, len, i, &out->agency, &out->relay), k, m, e, sep;
  scan_places p;
  if (!j || !(k = scan_separator(s, len, j, &colon))) return 0;
  m = scan_skip_spaces(s, len, k);
  if (scan_places_at(s, len, m, &p)) {
    e = p.places[p.n - 1].start + p.places[p.n - 1].len;
    e = scan_date_segment(s, len, e, out) ? out->date.start + out->date.len : e;
    if ((p.all_caps || out->date.len) && (sep = scan_separator(s, len, e, &colon))) {
      memcpy(out->places, p.places, sizeof p.places);
      out->nplaces = p.n;
      k = sep;
    } else {
      out->date.len = 0;
    }
  }
  scan_finish_dateline(s, len, i, k, out);
  return 1;
}

/* A region in brackets: "(Punjab)", "[India]". */
static size_t scan_region_bracket(const char *s, size_t len, size_t k, scan_dateline *out) {
  char close = s[k] == '(' ? ')' : ']';
  size_t e = scan_place(s, len, k + 1, &(int){1});
  if (!e || e >= len || s[e] != close || out->region.len) return 0;
  out->region.start = k + 1;
  out->region.len = e - k - 1;
  return e + 1;
}

/* "/TASS/": an agency between slashes. */
static size_t scan_slashed_agency(const scan_agencies *a, const char *s, size_t len, size_t k,
                                  int *agency) {
  size_t n;
  if (k >= len || s[k] != '/' || !(n = scan_agency_at(a, s + k + 1, len - k - 1, 1, agency))) return 0;
  return k + 1 + n < len && s[k + 1 + n] == '/' ? k + 2 + n : 0;
}

/* After the places: "(Punjab)", "[India]", ", Ukraine", ", April 26", "(Reuters)",
 * ", SPA", ". /TASS/". Returns where the separator should start. */
static size_t scan_after_places(const scan_agencies *a, const char *s, size_t len, size_t j,
                                scan_dateline *out) {
  int round, colon;
  for (round = 0; round < 4; round++) {
    size_t k = scan_skip_spaces(s, len, j), e, v;
    if (k < len && s[k] == '(') {
      int ag, relay;
      if ((e = scan_agency_paren(a, s, len, k, &ag, &relay))) {
        /* "Visakhapatnam (AP), Jan 5:": a state, since a date follows, not the agency */
        if (!out->date.len && scan_date_segment(s, len, e, out)) {
          out->region.start = k + 1;
          out->region.len = e - k - 2;
          j = out->date.start + out->date.len;
          continue;
        }
        out->agency = ag;
        out->relay = relay;
        return e;
      }
      if (!(e = scan_region_bracket(s, len, k, out))) return j;
      j = e;
    } else if (k < len && s[k] == '[') {
      if (!(e = scan_region_bracket(s, len, k, out))) return j;
      j = e;
    } else if ((e = scan_date_segment(s, len, j, out))) {
      j = e;
    } else if (k < len && (s[k] == ',' || s[k] == '.')) {
      v = scan_skip_spaces(s, len, k + 1);
      if ((e = scan_slashed_agency(a, s, len, v, &out->agency))) return e;   /* ". /TASS/" */
      /* ", SPA --", "Damascus, SANA-"; two letters are a state ("PITTSBURGH, PA —") */
      if ((e = scan_agency_at(a, s + v, len - v, 1, &out->agency)) && e >= 3 &&
          scan_separator(s, len, v + e, &colon))
        return v + e;
      out->agency = -1;
      if (s[k] == ',' && (e = scan_place(s, len, v, &(int){1})) && !out->region.len &&
          !out->date.len) {
        out->region.start = v;
        out->region.len = e - v;
        j = e;
      } else {
        return j;
      }
    } else {
      return j;
    }
  }
  return j;
}

static int scan_starts_sentence(const char *s, size_t len, size_t i) {
  unsigned cp = scan_cp(s, len, scan_skip_spaces(s, len, i), NULL);
  return text_is_upper_cp(cp) || cp == '"' || cp == 0x201C || cp == 0xAB || cp == '\'' ||
         cp == 0x2018 || (cp >= '0' && cp <= '9');
}

/* "— РИА Новости.": an agency named after the separator, then a full stop. */
static size_t scan_agency_after_separator(const scan_agencies *a, const char *s, size_t len,
                                          size_t sep, scan_dateline *out) {
  size_t k = scan_skip_spaces(s, len, sep), n;
  int id;
  if (out->agency >= 0 || !(n = scan_agency_at(a, s + k, len - k, 0, &id))) return sep;
  if (k + n >= len || s[k + n] != '.') return sep;
  out->agency = id;
  return k + n + 1;
}

/* Words of all the places together. */
static int scan_place_words(const char *s, const scan_places *p) {
  int k, words = 0;
  size_t i;
  for (k = 0; k < p->n; k++)
    for (i = 0, words++; i < p->places[k].len; i++)
      if (s[p->places[k].start + i] == ' ') words++;
  return words;
}

/* Whether a dateline with no agency is believable: all-caps places with a
 * separator ("SEOUL/SHANGHAI:", "OTTAWA —", "MUSCAT, JAN 5 -"), or a short
 * capitalised place and a colon ("Abu Dhabi:"). */
static int scan_local_ok(const char *s, size_t len, const scan_places *p, int colon, size_t sep) {
  size_t k = scan_skip_spaces(s, len, sep);
  if (p->all_caps) return 1;
  /* "Ski: 2021-2022 Line Outline": a label before a number is a fact line's */
  if (k < len && s[k] >= '0' && s[k] <= '9') return 0;
  return colon && scan_place_words(s, p) <= 3 && scan_starts_sentence(s, len, sep);
}

/* A lone "place" that is an agency's name in the case it is written
 * ("CNN —", "Reuters -"): the story's source, not where it was filed. */
static int scan_place_is_agency(const scan_agencies *a, const char *s, const scan_places *p,
                                int *agency) {
  const scan_span *only = &p->places[0];
  int id;
  if (p->n != 1) return 0;
  if (scan_agency_at(a, s + only->start, only->len, SCAN_SHORT_EXACT, &id) != only->len) return 0;
  *agency = id;
  return 1;
}

/* "Jan. 5 (UPI) --": a date, an agency, no place. */
static int scan_date_first(const scan_agencies *a, const char *s, size_t len, size_t i,
                           scan_dateline *out) {
  size_t e = scan_date(s, len, i), k, sep;
  int colon;
  if (!e) return 0;
  k = scan_skip_spaces(s, len, e);
  if (!(k = scan_agency_paren(a, s, len, k, &out->agency, &out->relay))) return 0;
  if (!(sep = scan_separator(s, len, k, &colon))) return 0;
  out->date.start = i;
  out->date.len = e - i;
  scan_finish_dateline(s, len, i, sep, out);
  return 1;
}

int scan_find_dateline(const scan_agencies *a, const char *s, size_t len, scan_dateline *out) {
  size_t i = scan_skip_spaces(s, len, 0), j, sep;
  scan_places p;
  int colon;
  memset(out, 0, sizeof *out);
  out->agency = out->relay = -1;
  if (len > 4096) len = 4096;  /* a dateline is short; never scan a whole block */
  if (i < len && s[i] == '(') return scan_agency_first(a, s, len, i, out);
  if (scan_date_first(a, s, len, i, out)) return 1;
  memset(out, 0, sizeof *out);
  out->agency = out->relay = -1;
  if (!scan_places_at(s, len, i, &p)) return 0;
  if (scan_in_list_icase(SCAN_KICKERS, s + i, scan_word(s, len, i) - i)) return 0;
  j = p.places[p.n - 1].start + p.places[p.n - 1].len;
  j = scan_after_places(a, s, len, j, out);
  sep = scan_separator(s, len, j, &colon);
  if (out->agency < 0 && sep && scan_place_is_agency(a, s, &p, &out->agency)) {
    scan_finish_dateline(s, len, i, sep, out);  /* "CNN —": the agency, no place */
    return 1;
  }
  if (out->agency < 0) {
    if (!sep || !scan_local_ok(s, len, &p, colon, sep)) return 0;
    sep = scan_agency_after_separator(a, s, len, sep, out);
  } else if (!sep) {
    if (!scan_starts_sentence(s, len, j)) return 0;  /* "New Delhi, Oct 20 (PTI) The ..." */
    sep = j;
  }
  memcpy(out->places, p.places, sizeof p.places);
  out->nplaces = p.n;
  scan_finish_dateline(s, len, i, sep, out);
  return 1;
}

/* ---- closing credits --------------------------------------------------- */

typedef struct { int ids[SCAN_MAX_AGENCIES]; int n; } scan_list;

static void scan_list_add(scan_list *l, int id) {
  int k;
  for (k = 0; k < l->n; k++)
    if (l->ids[k] == id) return;
  if (l->n < SCAN_MAX_AGENCIES) l->ids[l->n++] = id;
}

/* A lowercase desk or editor code after a slash: "bb", "gem", "lno". */
static size_t scan_desk_code(const char *s, size_t end, size_t i) {
  size_t k = i;
  while (k < end && k - i <= 8 && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= '0' && s[k] <= '9'))) k++;
  return k > i ? k : 0;
}

/* "Reuters", "dpa/gem", "ats/afp", "AFP, Reuters", "Reuters, AP", "ritzau/AFP":
 * agencies joined by '/', ',' or "and", with desk codes allowed after '/'.
 * Returns the end of the list, or 0 when s[i..] does not start with an agency. */
static size_t scan_agency_list(const scan_agencies *a, const char *s, size_t end, size_t i,
                               scan_list *out) {
  size_t j = i, n, k;
  int id;
  if (!(n = scan_agency_at(a, s + j, end - j, 1, &id))) return 0;
  scan_list_add(out, id);
  j += n;
  for (;;) {
    if (j < end && s[j] == '/') {
      if ((n = scan_agency_at(a, s + j + 1, end - j - 1, 1, &id))) { scan_list_add(out, id); j += 1 + n; continue; }
      if ((k = scan_desk_code(s, end, j + 1))) { j = k; continue; }
      return j;
    }
    k = j;
    if (k < end && s[k] == ',') k++;
    else if (k + 4 < end && s[k] == ' ' && memcmp(s + k, " and", 4) == 0) k += 4;
    else return j;
    k = scan_skip_spaces(s, end, k);
    if (!(n = scan_agency_at(a, s + k, end - k, 1, &id))) return j;
    scan_list_add(out, id);
    j = k + n;
  }
}

/* s[i..end) is exactly an agency list, perhaps with a closing full stop. */
static int scan_list_exact(const scan_agencies *a, const char *s, size_t i, size_t end, scan_list *l) {
  size_t j = scan_agency_list(a, s, end, i, l);
  if (!j) return 0;
  while (j < end && (s[j] == '.' || s[j] == ' ')) j++;
  return j == end;
}

static int scan_set_credit(scan_credit *out, size_t start, size_t end, const scan_list *l,
                           scan_credit_kind k) {
  out->text.start = start;
  out->text.len = end - start;
  memcpy(out->agencies, l->ids, sizeof l->ids);
  out->nagencies = l->n;
  out->kind = k;
  return 1;
}

/* Phrases that introduce agencies: a source (the story is theirs) or inputs
 * (the story is partly theirs). Matched case-insensitively, ASCII only. */
typedef struct { const char *words; scan_credit_kind kind; } scan_intro;

static const scan_intro SCAN_INTROS[] = {
  {"source:", CREDIT_SOURCE}, {"sources:", CREDIT_SOURCE}, {"source :", CREDIT_SOURCE},
  {"quelle:", CREDIT_SOURCE}, {"fuente:", CREDIT_SOURCE}, {"fonte:", CREDIT_SOURCE},
  {"with inputs from", CREDIT_INPUTS}, {"inputs from", CREDIT_INPUTS},
  {"con informaci\xC3\xB3n de", CREDIT_INPUTS}, {"con informacion de", CREDIT_INPUTS},
  {"com informa\xC3\xA7\xC3\xB5" "es da", CREDIT_INPUTS},
  {"com informa\xC3\xA7\xC3\xB5" "es de", CREDIT_INPUTS}, {"with agency inputs from", CREDIT_INPUTS},
  {"mit material von", CREDIT_INPUTS}, {"avec", CREDIT_INPUTS}, {"with", CREDIT_INPUTS},
  {"\xC2\xA9", CREDIT_COPYRIGHT},
};

/* Length of an introducing phrase at s[i..], 0 if none; its kind in *kind. */
static size_t scan_intro_at(const char *s, size_t end, size_t i, scan_credit_kind *kind) {
  size_t k;
  for (k = 0; k < sizeof SCAN_INTROS / sizeof SCAN_INTROS[0]; k++) {
    size_t n = strlen(SCAN_INTROS[k].words);
    if (i + n <= end && scan_ascii_ieq(s + i, SCAN_INTROS[k].words, n)) {
      *kind = SCAN_INTROS[k].kind;
      return n;
    }
  }
  return 0;
}

/* "— Reuters", "- Bernama", "—AFP", "==Kyodo", "— Reuters, AP" at the end. */
static int scan_dash_credit(const scan_agencies *a, const char *s, size_t end, scan_credit *out) {
  size_t lo = end > 100 ? end - 100 : 0, i;
  for (i = lo; i < end; i++) {
    size_t n, start = i, j;
    scan_list l = {{0}, 0};
    unsigned cp = scan_cp(s, end, i, &n);
    if (((unsigned char)s[i] & 0xC0) == 0x80) continue;
    if (!scan_is_dash(cp) && cp != '=') continue;
    if (start > 0 && scan_is_word_char(scan_cp(s, end, start - 1, NULL))) continue;
    j = i;
    while (j < end && (scan_is_dash(scan_cp(s, end, j, &n)) || s[j] == '=')) j += n ? n : 1;
    if (scan_list_exact(a, s, scan_skip_spaces(s, end, j), end, &l))
      return scan_set_credit(out, start, end, &l, CREDIT_DASH);
    i = j - 1;
  }
  return 0;
}

/* Strips "(www.site.ng)"-style trailing link groups and a closing full stop. */
static size_t scan_trim_tail(const char *s, size_t start, size_t end) {
  for (;;) {
    size_t open;
    if (end > start && s[end - 1] == '.' && end - 1 > start && s[end - 2] == ')') { end--; continue; }
    if (end <= start || s[end - 1] != ')') return end;
    for (open = end - 1; open > start && s[open] != '('; open--) {}
    if (s[open] != '(' || end - open < 6) return end;
    if (!(scan_ascii_ieq(s + open + 1, "www.", 4) || scan_ascii_ieq(s + open + 1, "http", 4))) return end;
    end = scan_trim_end(s, open);
  }
}

/* "(IANS)", "(dpa/gem)", "(AFP, Reuters)", "(Source: IRNA)", "(©NTB)",
 * "(Con información de EFE)", "(The Star/ANN)" at the end of the block. */
static int scan_paren_credit(const scan_agencies *a, const char *s, size_t start, size_t end,
                             scan_credit *out) {
  size_t open, lo = end > start + 120 ? end - 120 : start, i, n, slash;
  scan_list l = {{0}, 0};
  scan_credit_kind kind = CREDIT_PAREN;
  if (end == start || s[end - 1] != ')') return 0;
  for (open = end - 1; open > lo && s[open] != '('; open--) {}
  if (s[open] != '(') return 0;
  i = scan_skip_spaces(s, end, open + 1);
  if ((n = scan_intro_at(s, end, i, &kind))) {
    if (kind == CREDIT_COPYRIGHT) kind = CREDIT_SOURCE;
    i = scan_skip_spaces(s, end, i + n);
  }
  if (scan_list_exact(a, s, i, end - 1, &l)) return scan_set_credit(out, open, end, &l, kind);
  for (slash = end - 1; slash > i && s[slash] != '/'; slash--) {}
  /* "(The Star/ANN)": a member paper, then the relay that carried it */
  if (slash > i && kind == CREDIT_PAREN && text_is_upper_cp(scan_cp(s, end, i, NULL)) &&
      scan_list_exact(a, s, slash + 1, end - 1, &l))
    return scan_set_credit(out, open, end, &l, CREDIT_PAREN);
  return 0;
}

/* A short block of credits: "Source: Xinhua", "With inputs from PTI", "AFP",
 * "/ritzau/AFP", "WAM/Rola Nasser/Omar Haddad", "This report by The Canadian
 * Press was first published ...". */
static int scan_block_credit(const scan_agencies *a, const char *s, size_t start, size_t end,
                             scan_credit *out) {
  size_t i = start, j, n;
  scan_list l = {{0}, 0};
  scan_credit_kind kind;
  if (end - start > 200) return 0;
  while (i < end && (s[i] == '/' || s[i] == '=')) i++;
  j = scan_skip_spaces(s, end, i + scan_dashes(s, end, i));
  if (j < end && s[end - 1] == '/' && scan_list_exact(a, s, j, end - 1, &l))
    return scan_set_credit(out, start, end, &l, CREDIT_ALONE);            /* "/ritzau/" */
  if (scan_list_exact(a, s, j, end, &l))
    return scan_set_credit(out, start, end, &l, j > start && s[start] != '/' ? CREDIT_DASH : CREDIT_ALONE);
  n = scan_word(s, end, j);
  if (n < end && s[n] == '/' && (scan_ascii_ieq(s + j, "ends/", 5) || scan_ascii_ieq(s + j, "end/", 4)) &&
      scan_list_exact(a, s, n + 1, end, &l))
    return scan_set_credit(out, start, end, &l, CREDIT_DASH);             /* "---Ends/AA" */
  l.n = 0;
  n = scan_agency_list(a, s, end, j, &l);
  /* "WAM/Rola Nasser/Omar Haddad": desk staff after the agency. One name only
   * ("REUTERS/Kim Hong-Ji") is a photo credit. */
  if (n && n < end && s[n] == '/' && text_is_upper_cp(scan_cp(s, end, n + 1, NULL)) &&
      memchr(s + n + 1, '/', end - n - 1))
    return scan_set_credit(out, start, end, &l, CREDIT_ALONE);
  l.n = 0;
  if ((n = scan_intro_at(s, end, start, &kind)) && kind != CREDIT_COPYRIGHT) {
    j = scan_skip_spaces(s, end, start + n);
    if (scan_agency_list(a, s, end, j, &l)) return scan_set_credit(out, start, end, &l, kind);
  }
  if (end - start > 15 && scan_ascii_ieq(s + start, "this report by ", 15)) {
    j = start + 15;
    if (scan_agency_list(a, s, end, j, &l)) return scan_set_credit(out, start, end, &l, CREDIT_REPORT);
  }
  return 0;
}

/* "Copyright 2024 Thomson Reuters", "© Provided by The Canadian Press". A
 * notice that names the agency before the mark ("Associated Press articles:
 * Copyright ...") speaks of the agency's stories in general, not of this one. */
static int scan_copyright_credit(const scan_agencies *a, const char *s, size_t start, size_t end,
                                 scan_credit *out) {
  size_t lo = end > start + 160 ? end - 160 : start, i, mark = (size_t)-1, j;
  scan_list l = {{0}, 0};
  int id;
  for (i = lo; i + 2 <= end; i++) {
    if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9) { mark = i; break; }
    if (i + 9 <= end && scan_ascii_ieq(s + i, "copyright", 9)) { mark = i; break; }
  }
  if (mark == (size_t)-1) return 0;
  for (j = start; j < mark; j++)
    if (scan_agency_at(a, s + j, mark - j, 0, &id) && (j == start || !scan_is_word_char(scan_cp(s, end, j - 1, NULL))))
      return 0;
  for (j = mark; j < end; j++) {
    if (j > mark && scan_is_word_char(scan_cp(s, end, j - 1, NULL))) continue;
    if (scan_agency_at(a, s + j, end - j, 0, &id)) {
      scan_list_add(&l, id);
      return scan_set_credit(out, mark, end, &l, CREDIT_COPYRIGHT);
    }
  }
  return 0;
}

int scan_find_closing(const scan_agencies *a, const char *s, size_t len, scan_credit *out) {
  size_t start = scan_skip_spaces(s, len, 0), end = scan_trim_end(s, len), tail;
  if (end <= start) return 0;
  if (scan_block_credit(a, s, start, end, out) || scan_copyright_credit(a, s, start, end, out)) return 1;
  tail = scan_trim_tail(s, start, end);
  return scan_paren_credit(a, s, start, tail, out) || scan_dash_credit(a, s, tail, out) ||
         (tail < end && scan_block_credit(a, s, start, tail, out));
}

const char *scan_credit_kind_name(scan_credit_kind k) {
  switch (k) {
    case CREDIT_DASH: return "dash";
    case CREDIT_PAREN: return "paren";
    case CREDIT_SOURCE: return "source";
    case CREDIT_INPUTS: return "inputs";
    case CREDIT_ALONE: return "alone";
    case CREDIT_REPORT: return "report";
    default: return "copyright";
  }
}
