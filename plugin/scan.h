/* scan: fast recognisers for datelines and closing wire credits.
 *
 * The agency names come from Lua (lua/lede/agencies.lua) and are compiled
 * once into a scan_agencies table. The scanners look only where credits
 * stand: the start of the first block (datelines) and the end of the last
 * blocks (closing credits); running text is never searched, so "told PTI"
 * or "Reuters reported" cannot become credits. */
#ifndef LEDE_SCAN_H
#define LEDE_SCAN_H

#include <stddef.h>

enum {
  SCAN_FULL = 0,        /* a full name: safe wherever a credit stands, any case */
  SCAN_SHORT = 1,       /* an acronym: only inside parentheses or as a whole credit */
  SCAN_CASE = 2         /* match the exact case */
};

typedef struct scan_agencies scan_agencies;

scan_agencies *scan_agencies_new(void);
void scan_agencies_free(scan_agencies *a);
/* Adds one form of agency `id`; returns 0, or -1 when memory ran out. */
int scan_agencies_add(scan_agencies *a, const char *form, size_t len, int id, int flags);

/* Length of the agency form at s (longest match, whole words), or 0.
 * Short forms count only when allow_short is set; with SCAN_SHORT_EXACT they
 * must also match their case (in bylines "Ana Costa" is not ANA). */
#define SCAN_SHORT_EXACT 2
size_t scan_agency_at(const scan_agencies *a, const char *s, size_t len, int allow_short, int *id);

typedef struct { size_t start, len; } scan_span;

#define SCAN_MAX_PLACES 6

typedef struct {
  size_t len;                       /* bytes of the prefix, separator and following space included */
  scan_span text;                   /* the prefix without the trailing space */
  scan_span places[SCAN_MAX_PLACES];
  int nplaces;
  scan_span region, date;           /* len 0 when absent */
  int agency, relay;                /* agency ids, -1 when absent */
} scan_dateline;

/* Recognises a dateline at the start of s; returns 1 and fills out, or 0. */
int scan_find_dateline(const scan_agencies *a, const char *s, size_t len, scan_dateline *out);

typedef enum {
  CREDIT_DASH,       /* "... details. — Reuters", "==Kyodo", "— Reuters, AP" */
  CREDIT_PAREN,      /* "... (IANS)", "(dpa/gem)", "(ats/afp)", "(The Star/ANN)" */
  CREDIT_SOURCE,     /* "Source: Xinhua", "Quelle: dpa-AFX", "(Source: IRNA)" */
  CREDIT_INPUTS,     /* partly agency copy: "With inputs from PTI", "(Con información de EFE)" */
  CREDIT_ALONE,      /* a block that is only agencies: "AFP", "/ritzau/AFP", "WAM/Rola Nasser" */
  CREDIT_COPYRIGHT,  /* "Copyright 2024 Thomson Reuters", "© Provided by The Canadian Press" */
  CREDIT_REPORT      /* "This report by The Canadian Press was first published ..." */
} scan_credit_kind;

#define SCAN_MAX_AGENCIES 4

typedef struct {
  scan_span text;    /* the credit as written */
  int agencies[SCAN_MAX_AGENCIES];  /* in the order written */
  int nagencies;
  scan_credit_kind kind;
} scan_credit;

/* Recognises a closing credit at the end of the block s; returns 1 or 0. */
int scan_find_closing(const scan_agencies *a, const char *s, size_t len, scan_credit *out);

const char *scan_credit_kind_name(scan_credit_kind k);

#endif
