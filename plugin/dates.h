/* dates: find the first date (and time) in a short string from a news page.
 *
 * Plain C, no Lua, no allocation, no locale, no global state. The input need
 * not be NUL-terminated: nothing at or past `len` is read. Time is linear in
 * `len`.
 *
 * SEARCH, NOT MATCH. date_parse() scans the string left to right and returns
 * the first plausible date, so "Published: Jan. 10, 2019 3:45 p.m. ET |
 * Updated ..." gives 2019-01-10T15:45:00-05:00. Words before a date (weekday
 * names in any language, "Published:", "le", ...) are skipped by the scan.
 * A candidate that has the full shape of a date but impossible values
 * ("99/99/9999", "2019-13-45", "February 30, 2019") is rejected as a whole:
 * its pieces are not reread as a shorter date ("February 2019").
 *
 * FORMS READ (case-insensitive, accents optional: "März" = "Marz" = "Maerz")
 *  - ISO 8601: 2019-01-10, 2019-01 (month precision), 2019/01/10, 2019.01.10,
 *    2019-01-10T15:45[:00[.123]] with Z, +05:30, +0530, +05, or a space
 *    instead of T; compact 20190110 only when it is the whole (trimmed)
 *    string or is followed by T and a time (20190110T154500Z).
 *  - Numeric dates with a 4-digit year: 01/10/2019, 10.01.2019, 10-01-2019.
 *    A part > 12 is the day. Otherwise: an explicit `dayfirst` hint wins;
 *    without one, '.' means day first; '/' and '-' mean month first when
 *    lang is NULL, "", "en" or "en-US", and day first for any other lang
 *    ("de", "fr", "en-GB", "ru", ...). Two-digit years are not read.
 *  - Month names, full or abbreviated, optionally with a '.', in English,
 *    German, French, Spanish, Italian, Portuguese, Dutch and Polish (genitive
 *    and nominative): "April 26, 2024", "26 April 2024", "26th of April,
 *    2024", "10. Januar 2019", "1er mars 2019", "10 de enero de 2019",
 *    "10-Jan-2019"; "January 2019" and "enero de 2019" give month precision.
 *    A year is required: "April 26" alone is no date.
 *  - A time after the date, optionally after ',', '-', '@', other marks
 *    ('|', '•') or a word ("at", "um", "à", "a las", "alle ore", "às", "om",
 *    "godz."): 15:45[:00[.123]], 3:45 p.m., 3 PM, 15h45, 15h, "15 Uhr";
 *    "15.45" only with "Uhr"/"h", am/pm or a zone ("08.45 GMT"). Also a
 *    time before a date, with at most one word between them ("5:03 p.m. ET
 *    Jan. 10, 2019", "2:31 PM EST, Thu January 10, 2019", "12:30 PM on
 *    Jan 10, 2019"); a date's own time wins over a leading one.
 *  - Zones after a time: Z, numeric offsets, GMT+2 / UTC+05:30, and the
 *    UPPERCASE names UTC GMT UT BST(+1) CET CEST MEZ MESZ WET WEST EET EEST
 *    MSK IST(India +05:30) PKT WIB SGT HKT JST KST AWST ACST AEST AEDT NZST
 *    NZDT GST(Gulf +04:00) EST EDT CST(US) CDT MST MDT PST PDT AKST AKDT HST.
 *    ET, CT, MT and PT are resolved with the US daylight-saving rules for the
 *    date read (2007 on: second Sunday of March to first Sunday of November,
 *    02:00 local; earlier years: first Sunday of April to last Sunday of
 *    October): "Jan. 10, 2019 3:45 p.m. ET" is -05:00, July is -04:00.
 *  - Hijri dates with transliterated month names (Muharram ... Dhu al-Hijjah,
 *    common spellings: "Rabi' I", "Rabi al-Awwal", "Dhul Hijjah", ...):
 *    "Shawwal 16, 1445 H", "16 Shawwal 1445", and "1445 AH" (year
 *    precision). They set `hijri`; year/month/day are then Hijri and no
 *    Gregorian date is derived. Hijri years must be 1300..1600.
 *  - Relative dates, only when options->has_now: today/yesterday words
 *    (today, heute, aujourd'hui, hoy, oggi, hoje, vandaag, dzisiaj;
 *    yesterday, gestern, hier, ayer, ieri, ontem, gisteren, wczoraj; the day
 *    before yesterday), optionally followed by a time, and "N minutes / hours
 *    / days / weeks ago" in all eight languages ("vor 2 Stunden", "il y a 2
 *    jours", "hace 3 días", "2 ore fa", "há 2 dias", "3 dagen geleden",
 *    "2 godziny temu", "an hour ago", "2h ago", "2d ago"). Days and weeks
 *    give day precision; minutes and hours give minute precision in UTC
 *    (+00:00). Dates are computed from `now` in UTC; a time given after
 *    "today" / "heute" has no zone. Rejecting future dates is the caller's
 *    job.
 *
 * LANGUAGE. lang is a code such as "de", "de-AT", "pt_BR" (case-insensitive).
 * NULL or an unknown code accepts the words of all eight languages. A known
 * code accepts that language and English. A few words that are ordinary words
 * elsewhere are read only when their language is given explicitly: the month
 * abbreviations "ago", "set", "out", "gen", "mag", "sie", "lis", "lip", "sty",
 * "paz", and French "hier" (German and Dutch "here").
 *
 * NOT ACCEPTED: bare years ("Copyright 2019"), times without a date, plain
 * numbers, phone numbers, version numbers ("1.2.3") and numeric dates inside
 * longer runs of numbers ("1.2.10.2019", "10.01.2019.5"), Gregorian years
 * outside 1900..2100, impossible days (leap years are checked), hour >= 24,
 * minute or second >= 60.
 *
 * KNOWN LIMITS: a month word before a year is read as a month even in prose
 * ("you may 2019" gives 2019-05); two-digit years, CJK dates and relative
 * words without a number other than today/yesterday ("just now", "last
 * week") are not read. */
#ifndef LEDE_DATES_H
#define LEDE_DATES_H

#include <stddef.h>

typedef enum {
  DATE_NONE, DATE_YEAR, DATE_MONTH, DATE_DAY, DATE_MINUTE, DATE_SECOND
} date_precision;

typedef struct date_value {
  int year, month, day;      /* fields finer than `precision` are 0 */
  int hour, minute, second;  /* 0 unless precision >= DATE_MINUTE */
  int tz_minutes;            /* offset east of UTC, when has_tz */
  int has_tz;
  date_precision precision;
  int hijri;       /* Hijri date: year/month/day are Hijri, not Gregorian */
  size_t begin;    /* byte span of the text read: s[begin] .. s[end - 1] */
  size_t end;
} date_value;

typedef struct date_options {
  const char *lang;  /* NUL-terminated code such as "en", "de-AT"; NULL = any */
  int dayfirst;      /* -1 unknown, 0 month first, 1 day first (numeric only) */
  int has_now;       /* non-zero: `now` is set and relative words are read */
  long long now;     /* unix seconds, UTC */
} date_options;

/* Longest ISO string plus NUL: "2019-01-10T15:45:00-05:00". */
#define DATE_ISO_MAX 32

/* Finds the first date in s[0..len). opt may be NULL (lang NULL, dayfirst -1,
 * no now). Returns 0 and fills *out, or -1 when no date is found (then *out is
 * zeroed). */
int date_parse(const char *s, size_t len, const date_options *opt,
               date_value *out);

/* Writes the ISO 8601 form to dst, NUL-terminated, by precision: "2019",
 * "2019-01", "2019-01-10", "2019-01-10T15:45:00" (no zone known) or
 * "2019-01-10T15:45:00-05:00" (minute precision prints ":00" seconds; UTC is
 * "+00:00"). Returns the length of the full string, like snprintf: if it is
 * >= dstsz the output was truncated. Returns 0 and writes "" for Hijri dates,
 * DATE_NONE and out-of-range fields. dst may be NULL when dstsz is 0. */
size_t date_format_iso(const date_value *v, char *dst, size_t dstsz);

#endif
