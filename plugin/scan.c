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

static int scan_is_upper(unsigned cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

static int scan_is_lower(unsigned cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
         (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x45F);
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
    int exact = (f->flags & SCAN_CASE) != 0;
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
    while (k < len && k - j <= 8 && (scan_is_lower(scan_cp(s, len, k, NULL)) ||
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
  "READ", "ALSO", "RELATED", "LISTEN", "ADVERTISEMENT", "SPONSORED", "TRANSCRIPT", NULL
};

static int scan_in_list(const char *const *list, const char *s, size_t n) {
  int k;
  for (k = 0; list[k]; k++)
    if (strlen(list[k]) == n && memcmp(list[k], s, n) == 0) return 1;
  return 0;
}

/* End of a word at i: letters, digits and inner . ' ’ -, e.g. "St.", "Ky.", "Al-Quds". */
static size_t scan_word(const char *s, size_t len, size_t i) {
  size_t j = i, n;
  while (j < len) {
    unsigned cp = scan_cp(s, len, j, &n);
    if (scan_is_word_char(cp)) { j += n; continue; }
    if ((cp == '.' || cp == '\'' || cp == 0x2019 || cp == '-') && j > i) {
      size_t m;
      unsigned next = scan_cp(s, len, j + n, &m);
      if (cp == '.' || scan_is_word_char(next)) { j += n; continue; }
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
    if (scan_is_lower(cp)) return 0;
    if (scan_is_letter(cp)) letters++;
    i += n;
  }
  return letters > 0;
}

/* One place: up to 5 words, the first capitalised; returns its end or 0. */
static size_t scan_place(const char *s, size_t len, size_t i, int *all_caps) {
  size_t end = 0, j = i;
  int words = 0;
  while (words < 5 && j < len) {
    size_t w = scan_word(s, len, j);
    unsigned cp = scan_cp(s, len, j, NULL);
    if (w == j) break;
    if (!scan_is_upper(cp)) {
      if (words == 0 || !scan_in_list(SCAN_CONNECTORS, s + j, w - j)) break;
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

static size_t scan_places_at(const char *s, size_t len, size_t i, scan_places *out) {
  size_t j = i, end;
  out->n = 0;
  out->all_caps = 1;
  while (out->n < SCAN_MAX_PLACES) {
    end = scan_place(s, len, j, &out->all_caps);
    if (!end) break;
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
  "dezembro", "janeiro", NULL
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

/* "April 26", "Dec. 23", "26 FEB", "7 oct", "6 May 2024": returns the end or 0. */
static size_t scan_date(const char *s, size_t len, size_t i) {
  size_t w = scan_word(s, len, i), d, j;
  if (w > i && scan_is_month(s + i, w - i)) {
    j = scan_skip_spaces(s, len, w);
    d = scan_number(s, len, j, 2);
    if (!d) return 0;
  } else {
    d = scan_number(s, len, i, 2);
    if (!d) return 0;
    if (d < len && s[d] == '.') d++;  /* "7. März" */
    j = scan_skip_spaces(s, len, d);
    w = scan_word(s, len, j);
    if (w == j || !scan_is_month(s + j, w - j)) return 0;
    d = w;
  }
  j = d;
  if (j < len && s[j] == ',') j++;
  j = scan_skip_spaces(s, len, j);
  w = scan_number(s, len, j, 4);
  return w && w - j == 4 ? w : d;
}

/* ":" "-" "—" "——" "--" ".-" "|" with the spaces around them; returns the end or 0. */
static size_t scan_separator(const char *s, size_t len, size_t i, int *is_colon) {
  size_t j = scan_skip_spaces(s, len, i), n;
  *is_colon = 0;
  if (j < len && s[j] == '.' && j + 1 < len && s[j + 1] == '-') j += 1;
  if (j < len && s[j] == ':') { *is_colon = 1; return j + 1; }
  n = scan_dashes(s, len, j);
  if (n && j + n < len && scan_is_word_char(scan_cp(s, len, j + n, NULL)) &&
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

/* "(ANSA) - ROMA, 28 LUG -", "(EFE).-", "(CNN) —" */
static int scan_agency_first(const scan_agencies *a, const char *s, size_t len, size_t i,
                             scan_dateline *out) {
  int colon;
  size_t j = scan_agency_paren(a, s, len, i, &out->agency, &out->relay), k, m;
  scan_places p;
  if (!j || !(k = scan_separator(s, len, j, &colon))) return 0;
  m = scan_skip_spaces(s, len, k);
  if (scan_places_at(s, len, m, &p) && p.all_caps) {
    size_t e = p.places[p.n - 1].start + p.places[p.n - 1].len, d, sep;
    if (e < len && s[e] == ',') {
      d = scan_date(s, len, scan_skip_spaces(s, len, e + 1));
      if (d) {
        out->date.start = scan_skip_spaces(s, len, e + 1);
        out->date.len = d - out->date.start;
        e = d;
      }
    }
    if ((sep = scan_separator(s, len, e, &colon))) {
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

/* After the places: "(Punjab)", ", Ukraine", ", April 26", "(Reuters)". */
static size_t scan_after_places(const scan_agencies *a, const char *s, size_t len, size_t j,
                                scan_dateline *out) {
  int round;
  for (round = 0; round < 3; round++) {
    size_t k = scan_skip_spaces(s, len, j), e;
    if (k < len && s[k] == '(') {
      if ((e = scan_agency_paren(a, s, len, k, &out->agency, &out->relay))) return e;
      e = scan_place(s, len, k + 1, &(int){1});
      if (!e || e >= len || s[e] != ')' || out->region.len) return j;
      out->region.start = k + 1;
      out->region.len = e - k - 1;
      j = e + 1;
    } else if (k < len && s[k] == ',') {
      size_t v = scan_skip_spaces(s, len, k + 1);
      if ((e = scan_date(s, len, v)) && !out->date.len) {
        out->date.start = v;
        out->date.len = e - v;
      } else if ((e = scan_place(s, len, v, &(int){1})) && !out->region.len && !out->date.len) {
        out->region.start = v;
        out->region.len = e - v;
      } else {
        return j;
      }
      j = e;
    } else {
      return j;
    }
  }
  return j;
}

static int scan_starts_sentence(const char *s, size_t len, size_t i) {
  unsigned cp = scan_cp(s, len, scan_skip_spaces(s, len, i), NULL);
  return scan_is_upper(cp) || cp == '"' || cp == 0x201C || cp == 0xAB || cp == '\'' ||
         cp == 0x2018 || (cp >= '0' && cp <= '9');
}

int scan_find_dateline(const scan_agencies *a, const char *s, size_t len, scan_dateline *out) {
  size_t i = scan_skip_spaces(s, len, 0), j, sep;
  scan_places p;
  int colon;
  memset(out, 0, sizeof *out);
  out->agency = out->relay = -1;
  if (len > 4096) len = 4096;  /* a dateline is short; never scan a whole block */
  if (i < len && s[i] == '(') return scan_agency_first(a, s, len, i, out);
  if (!scan_places_at(s, len, i, &p)) return 0;
  if (scan_in_list(SCAN_KICKERS, s + i, scan_word(s, len, i) - i)) return 0;
  j = p.places[p.n - 1].start + p.places[p.n - 1].len;
  j = scan_after_places(a, s, len, j, out);
  sep = scan_separator(s, len, j, &colon);
  if (out->agency < 0) {
    if (!sep || !p.all_caps || p.n == 0 || out->date.len) return 0;
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

/* s[i..end) is exactly an agency spec: "Reuters", "dpa/gem", "AFP/The Local" is not. */
static int scan_agency_exact(const scan_agencies *a, const char *s, size_t i, size_t end,
                             int allow_short, int *id) {
  size_t n = scan_agency_at(a, s + i, end - i, allow_short, id), j;
  if (!n) return 0;
  j = i + n;
  while (j < end && s[j] == '/') {  /* "/gem": a lowercase desk code */
    size_t k = j + 1;
    while (k < end && k - j <= 8 && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= '0' && s[k] <= '9'))) k++;
    if (k == j + 1) return 0;
    j = k;
  }
  while (j < end && (s[j] == '.' || s[j] == ' ')) j++;
  return j == end;
}

static int scan_set_credit(scan_credit *out, size_t start, size_t end, int id, scan_credit_kind k) {
  out->text.start = start;
  out->text.len = end - start;
  out->agency = id;
  out->kind = k;
  return 1;
}

/* "— Reuters", "- Bernama", "—AFP" at the very end of the block. */
static int scan_dash_credit(const scan_agencies *a, const char *s, size_t end, scan_credit *out) {
  size_t lo = end > 80 ? end - 80 : 0, i;
  int id;
  for (i = end; i-- > lo;) {
    size_t n;
    unsigned cp;
    if (((unsigned char)s[i] & 0xC0) == 0x80) continue;
    cp = scan_cp(s, end, i, &n);
    if (!scan_is_dash(cp)) continue;
    {
      size_t d = i, start;
      while (d > lo) {  /* back to the first dash of the run */
        size_t k = d - 1;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
        if (!scan_is_dash(scan_cp(s, end, k, NULL))) break;
        d = k;
      }
      start = d;
      if (start > 0 && scan_is_word_char(scan_cp(s, end, start - 1, NULL))) return 0;
      if (scan_agency_exact(a, s, scan_skip_spaces(s, end, i + n), end, 1, &id))
        return scan_set_credit(out, start, end, id, CREDIT_DASH);
      return 0;
    }
  }
  return 0;
}

static const char *const SCAN_SOURCE_WORDS[] = {
  "Source", "Sources", "SOURCE", "Quelle", "Quellen", "Fuente", "Fuentes", "Fonte", "Fontes",
  "Agencies", "Agency", NULL
};

/* "(IANS)", "(dpa/gem)", "(With inputs from PTI)" at the end of the block. */
static int scan_paren_credit(const scan_agencies *a, const char *s, size_t end, scan_credit *out) {
  size_t open, lo = end > 120 ? end - 120 : 0, i;
  int id;
  if (end == 0 || s[end - 1] != ')') return 0;
  for (open = end - 1; open > lo && s[open] != '('; open--) {}
  if (s[open] != '(') return 0;
  i = scan_skip_spaces(s, end, open + 1);
  if (scan_agency_exact(a, s, i, end - 1, 1, &id))
    return scan_set_credit(out, open, end, id, CREDIT_PAREN);
  if (end - 1 - i > 16 && scan_ascii_ieq(s + i, "with inputs from", 16)) {
    size_t j = scan_skip_spaces(s, end, i + 16);
    if (scan_agency_at(a, s + j, end - 1 - j, 1, &id))
      return scan_set_credit(out, open, end, id, CREDIT_SOURCE);
  }
  return 0;
}

/* A short block: "Source: Xinhua", "With inputs from PTI", "AFP", "© 2020 Reuters". */
static int scan_block_credit(const scan_agencies *a, const char *s, size_t start, size_t end,
                             scan_credit *out) {
  size_t i = start, w, j;
  int id;
  if (end - start > 160) return 0;
  j = i + scan_dashes(s, end, i);
  j = scan_skip_spaces(s, end, j);
  if (scan_agency_exact(a, s, j, end, 1, &id))
    return scan_set_credit(out, start, end, id, j > i ? CREDIT_DASH : CREDIT_ALONE);
  w = scan_word(s, end, j);
  if (w < end && s[w] == '/' && (scan_ascii_ieq(s + j, "ends", 4) || scan_ascii_ieq(s + j, "end/", 4)) &&
      scan_agency_exact(a, s, w + 1, end, 1, &id))  /* "---Ends/AA" */
    return scan_set_credit(out, start, end, id, CREDIT_DASH);
  w = scan_word(s, end, i);
  if (scan_in_list(SCAN_SOURCE_WORDS, s + i, w - i)) {
    j = scan_skip_spaces(s, end, w);
    if (j < end && s[j] == ':') {
      j = scan_skip_spaces(s, end, j + 1);
      if (scan_agency_at(a, s + j, end - j, 1, &id))
        return scan_set_credit(out, start, end, id, CREDIT_SOURCE);
    }
  }
  if (end - i > 16 && scan_ascii_ieq(s + i, "with inputs from", 16)) {
    j = scan_skip_spaces(s, end, i + 16);
    if (scan_agency_at(a, s + j, end - j, 1, &id))
      return scan_set_credit(out, start, end, id, CREDIT_SOURCE);
  }
  return 0;
}

/* "Copyright 2024 Thomson Reuters", "© Provided by The Canadian Press". */
static int scan_copyright_credit(const scan_agencies *a, const char *s, size_t end, scan_credit *out) {
  size_t lo = end > 160 ? end - 160 : 0, i, mark = (size_t)-1, j;
  int id;
  for (i = lo; i + 2 <= end; i++) {
    if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9) { mark = i; break; }
    if (i + 9 <= end && scan_ascii_ieq(s + i, "copyright", 9)) { mark = i; break; }
  }
  if (mark == (size_t)-1) return 0;
  for (j = mark; j < end; j++) {
    size_t n;
    if (j > mark && scan_is_word_char(scan_cp(s, end, j - 1, NULL))) continue;
    if ((n = scan_agency_at(a, s + j, end - j, 0, &id)))
      return scan_set_credit(out, mark, end, id, CREDIT_COPYRIGHT);
  }
  return 0;
}

int scan_find_closing(const scan_agencies *a, const char *s, size_t len, scan_credit *out) {
  size_t start = scan_skip_spaces(s, len, 0), end = scan_trim_end(s, len);
  if (end <= start) return 0;
  return scan_block_credit(a, s, start, end, out) || scan_paren_credit(a, s, end, out) ||
         scan_dash_credit(a, s, end, out) || scan_copyright_credit(a, s, end, out);
}

const char *scan_credit_kind_name(scan_credit_kind k) {
  switch (k) {
    case CREDIT_DASH: return "dash";
    case CREDIT_PAREN: return "paren";
    case CREDIT_SOURCE: return "source";
    case CREDIT_ALONE: return "alone";
    default: return "copyright";
  }
}
