/* Check suite for plugin/dates.c: one table-driven loop test over date strings
 * in every supported form and language, plus span, formatting, option and
 * robustness tests. Every table row is parsed from an exact-size heap copy
 * without a terminating NUL, so ASan reports any read past `len`. */
#include "dates.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 2019-01-10T15:45:00Z, a Thursday. */
#define NOW 1547135100LL

enum { NO_NOW = 0, WITH_NOW = 1 };

typedef struct row {
  const char *in;
  const char *want;  /* ISO form, "H:" + date for Hijri, "-" for no date */
  date_precision prec;
  const char *lang;
  int dayfirst;
  int now;
} row;

#define P_Y DATE_YEAR
#define P_MO DATE_MONTH
#define P_D DATE_DAY
#define P_MI DATE_MINUTE
#define P_S DATE_SECOND
#define P_0 DATE_NONE

static const row rows[] = {
  /* ISO 8601 */
  {"2019-01-10", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"2019-01-10T15:45:00Z", "2019-01-10T15:45:00+00:00", P_S, NULL, -1, NO_NOW},
  {"2019-01-10T15:45:00+05:30", "2019-01-10T15:45:00+05:30", P_S, NULL, -1, NO_NOW},
  {"2019-01-10T15:45:00+0530", "2019-01-10T15:45:00+05:30", P_S, NULL, -1, NO_NOW},
  {"2019-01-10T15:45:00+05", "2019-01-10T15:45:00+05:00", P_S, NULL, -1, NO_NOW},
  {"2019-01-10T15:45:00.123456-05:00", "2019-01-10T15:45:00-05:00", P_S, NULL, -1, NO_NOW},
  {"2019-01-10 15:45", "2019-01-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"2019-01-10T15:45", "2019-01-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"2019-01", "2019-01", P_MO, NULL, -1, NO_NOW},
  {"2019/01/10", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"2019.1.5", "2019-01-05", P_D, NULL, -1, NO_NOW},
  {"20190110", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"  20190110 ", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"20190110T154500Z", "2019-01-10T15:45:00+00:00", P_S, NULL, -1, NO_NOW},
  {"datePublished: 2019-01-10T15:45:00-08:00, modified", "2019-01-10T15:45:00-08:00", P_S, NULL, -1, NO_NOW},
  {"2000-02-29", "2000-02-29", P_D, NULL, -1, NO_NOW},
  /* RFC 2822 and zone names */
  {"Thu, 10 Jan 2019 15:45:00 +0000", "2019-01-10T15:45:00+00:00", P_S, NULL, -1, NO_NOW},
  {"Thu, 10 Jan 2019 15:45:00 GMT", "2019-01-10T15:45:00+00:00", P_S, NULL, -1, NO_NOW},
  {"Thu, 10 Jan 2019 15:45:00 -0500 (EST)", "2019-01-10T15:45:00-05:00", P_S, NULL, -1, NO_NOW},
  {"Thu, 10 Jan 2019 15:45:00 EST", "2019-01-10T15:45:00-05:00", P_S, NULL, -1, NO_NOW},
  {"10 Jul 2019 15:45:00 EDT", "2019-07-10T15:45:00-04:00", P_S, NULL, -1, NO_NOW},
  {"10 Jan 2019 15:45 CST", "2019-01-10T15:45:00-06:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jul 2019 15:45 CDT", "2019-07-10T15:45:00-05:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jan 2019 15:45 MST", "2019-01-10T15:45:00-07:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jul 2019 15:45 MDT", "2019-07-10T15:45:00-06:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jan 2019 15:45 PST", "2019-01-10T15:45:00-08:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jul 2019 15:45 PDT", "2019-07-10T15:45:00-07:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jan 2019 15:45 UTC", "2019-01-10T15:45:00+00:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jul 2019 15:45 BST", "2019-07-10T15:45:00+01:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jan 2019 15:45 CET", "2019-01-10T15:45:00+01:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jul 2019 15:45 CEST", "2019-07-10T15:45:00+02:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jan 2019 15:45 IST", "2019-01-10T15:45:00+05:30", P_MI, NULL, -1, NO_NOW},
  {"10 Jan 2019 15:45 JST", "2019-01-10T15:45:00+09:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jan 2019 15:45 KST", "2019-01-10T15:45:00+09:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jan 2019 15:45 GST", "2019-01-10T15:45:00+04:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jan 2019 15:45 GMT+0100", "2019-01-10T15:45:00+01:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jan 2019 15:45 UTC+05:30", "2019-01-10T15:45:00+05:30", P_MI, NULL, -1, NO_NOW},
  {"10 Jan 2019 15:45 est", "2019-01-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"10 Jan 2019 15:45 hrs IST", "2019-01-10T15:45:00+05:30", P_MI, NULL, -1, NO_NOW},
  /* ET and PT follow the US daylight-saving rules */
  {"Jan. 10, 2019 3:45 p.m. ET", "2019-01-10T15:45:00-05:00", P_MI, NULL, -1, NO_NOW},
  {"July 4, 2019 9:30 a.m. ET", "2019-07-04T09:30:00-04:00", P_MI, NULL, -1, NO_NOW},
  {"March 10, 2019 1:30 AM PT", "2019-03-10T01:30:00-08:00", P_MI, NULL, -1, NO_NOW},
  {"March 10, 2019 3:30 AM PT", "2019-03-10T03:30:00-07:00", P_MI, NULL, -1, NO_NOW},
  {"Nov 1, 2019 10:00 AM ET", "2019-11-01T10:00:00-04:00", P_MI, NULL, -1, NO_NOW},
  {"Nov 1, 2006 10:00 AM ET", "2006-11-01T10:00:00-05:00", P_MI, NULL, -1, NO_NOW},
  {"April 1, 2006 10:00 AM CT", "2006-04-01T10:00:00-06:00", P_MI, NULL, -1, NO_NOW},
  /* numeric dates and the day-first rules */
  {"01/10/2019", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"01/10/2019", "2019-10-01", P_D, NULL, 1, NO_NOW},
  {"01/10/2019", "2019-10-01", P_D, "de", -1, NO_NOW},
  {"01/10/2019", "2019-10-01", P_D, "en-GB", -1, NO_NOW},
  {"01/10/2019", "2019-01-10", P_D, "en-US", -1, NO_NOW},
  {"01/10/2019", "2019-01-10", P_D, "en", -1, NO_NOW},
  {"10.01.2019", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"10.01.2019", "2019-10-01", P_D, NULL, 0, NO_NOW},
  {"10-01-2019", "2019-01-10", P_D, "fr", -1, NO_NOW},
  {"10-01-2019", "2019-10-01", P_D, NULL, -1, NO_NOW},
  {"13/01/2019", "2019-01-13", P_D, NULL, 0, NO_NOW},
  {"01/13/2019", "2019-01-13", P_D, NULL, 1, NO_NOW},
  {"10.01.2019, 15:45 Uhr", "2019-01-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"10.01.2019 um 15.45 Uhr", "2019-01-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"Stand: 10.01.2019 15:45", "2019-01-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"1/10/2019 3:45:10 PM", "2019-01-10T15:45:10", P_S, NULL, -1, NO_NOW},
  {"10.01.2019 15 Uhr", "2019-01-10T15:00:00", P_MI, NULL, -1, NO_NOW},
  {"01/10/2019", "2019-10-01", P_D, "ru", -1, NO_NOW},
  {"01/10/2019", "2019-10-01", P_D, "pt_BR", -1, NO_NOW},
  /* English month names */
  {"April 26, 2024", "2024-04-26", P_D, NULL, -1, NO_NOW},
  {"26 April 2024", "2024-04-26", P_D, NULL, -1, NO_NOW},
  {"26th April, 2024", "2024-04-26", P_D, NULL, -1, NO_NOW},
  {"Friday, April 26, 2024", "2024-04-26", P_D, NULL, -1, NO_NOW},
  {"10 Jan 2019, 15:45", "2019-01-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"January 10th, 2019 at 3:45 PM", "2019-01-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"Published: Jan. 10, 2019 3:45 p.m. ET | Updated Jan. 11, 2019", "2019-01-10T15:45:00-05:00", P_MI, NULL, -1, NO_NOW},
  {"January 2019", "2019-01", P_MO, NULL, -1, NO_NOW},
  {"SEPT. 3, 2019", "2019-09-03", P_D, NULL, -1, NO_NOW},
  {"the 3rd of March 2019", "2019-03-03", P_D, NULL, -1, NO_NOW},
  {"10-Jan-2019", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"Updated 5:03 p.m. ET Jan. 10, 2019", "2019-01-10T17:03:00-05:00", P_MI, NULL, -1, NO_NOW},
  {"12:30 AM Jan 10, 2019", "2019-01-10T00:30:00", P_MI, NULL, -1, NO_NOW},
  {"12:30 PM on Jan 10, 2019", "2019-01-10T12:30:00", P_MI, NULL, -1, NO_NOW},
  {"Dec 31, 2019 11 pm", "2019-12-31T23:00:00", P_MI, NULL, -1, NO_NOW},
  {"Thursday 10 January 2019 08.45 GMT", "2019-01-10T08:45:00+00:00", P_MI, NULL, -1, NO_NOW},
  {"Jan 10, 2019 10.30 readers", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"Updated 2:31 PM EST, Thu January 10, 2019", "2019-01-10T14:31:00-05:00", P_MI, NULL, -1, NO_NOW},
  {"29 February 2020", "2020-02-29", P_D, NULL, -1, NO_NOW},
  /* German */
  {"10. Januar 2019", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"10. März 2019", "2019-03-10", P_D, NULL, -1, NO_NOW},
  {"10. Maerz 2019", "2019-03-10", P_D, NULL, -1, NO_NOW},
  {"10. MÄRZ 2019", "2019-03-10", P_D, NULL, -1, NO_NOW},
  {"Dienstag, 5. Mai 2020, 15:45 Uhr", "2020-05-05T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"10. Dez. 2019", "2019-12-10", P_D, "de", -1, NO_NOW},
  {"Jänner 2019", "2019-01", P_MO, "de-AT", -1, NO_NOW},
  {"10 Mai 2019", "2019-05-10", P_D, NULL, -1, NO_NOW},
  {"15:45 am 10. Januar 2019", "2019-01-10T15:45:00", P_MI, "de", -1, NO_NOW},
  /* French */
  {"10 janvier 2019", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"1er mars 2019", "2019-03-01", P_D, NULL, -1, NO_NOW},
  {"10 févr. 2019", "2019-02-10", P_D, NULL, -1, NO_NOW},
  {"jeudi 10 janvier 2019 à 15h45", "2019-01-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"10 août 2019", "2019-08-10", P_D, NULL, -1, NO_NOW},
  {"10 décembre 2019 à 15h", "2019-12-10T15:00:00", P_MI, NULL, -1, NO_NOW},
  {"12 FÉVRIER 2019", "2019-02-12", P_D, NULL, -1, NO_NOW},
  {"10 mai 2019", "2019-05-10", P_D, "fr", -1, NO_NOW},
  /* Spanish */
  {"10 de enero de 2019", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"jueves, 10 de enero de 2019 a las 15:45", "2019-01-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"1º de septiembre del 2019", "2019-09-01", P_D, NULL, -1, NO_NOW},
  {"10 ago 2019", "2019-08-10", P_D, "es", -1, NO_NOW},
  {"enero de 2019", "2019-01", P_MO, NULL, -1, NO_NOW},
  {"10 de enero de 2019, 3:45 p. m.", "2019-01-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"10:30 el 10 de enero de 2019", "2019-01-10T10:30:00", P_MI, "es", -1, NO_NOW},
  {"mar., 10 dic. 2019", "2019-12-10", P_D, "es", -1, NO_NOW},
  /* Italian */
  {"10 gennaio 2019", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"giovedì 10 gennaio 2019 alle ore 15:45", "2019-01-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"10 set 2019", "2019-09-10", P_D, "it", -1, NO_NOW},
  {"10 Settembre 2019", "2019-09-10", P_D, "it-IT", -1, NO_NOW},
  /* Portuguese */
  {"10 de janeiro de 2019", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"10 de março de 2019 às 15:45", "2019-03-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"10 de fevereiro de 2019", "2019-02-10", P_D, NULL, -1, NO_NOW},
  {"10 out 2019", "2019-10-10", P_D, "pt-BR", -1, NO_NOW},
  /* Dutch */
  {"10 januari 2019", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"10 mrt 2019", "2019-03-10", P_D, NULL, -1, NO_NOW},
  {"donderdag 10 januari 2019 om 15:45", "2019-01-10T15:45:00", P_MI, NULL, -1, NO_NOW},
  /* Polish */
  {"10 stycznia 2019", "2019-01-10", P_D, NULL, -1, NO_NOW},
  {"styczeń 2019", "2019-01", P_MO, NULL, -1, NO_NOW},
  {"5 października 2019 r., godz. 15:45", "2019-10-05T15:45:00", P_MI, NULL, -1, NO_NOW},
  {"22 września 2019", "2019-09-22", P_D, NULL, -1, NO_NOW},
  {"1 maja 2019", "2019-05-01", P_D, NULL, -1, NO_NOW},
  {"Sierpień 2019", "2019-08", P_MO, NULL, -1, NO_NOW},
  {"ŚRODA, 2 LISTOPADA 2019", "2019-11-02", P_D, NULL, -1, NO_NOW},
  /* Chinese, Japanese, Korean: year, month, day, each with its mark */
  {"2019年3月15日 09:43", "2019-03-15T09:43:00", P_MI, NULL, -1, NO_NOW},
  {"2019年04月04日", "2019-04-04", P_D, NULL, -1, NO_NOW},
  {"2019年3月5日（火） 08時15分", "2019-03-05T08:15:00", P_MI, NULL, -1, NO_NOW},
  {"2019년 3월 15일 오후 3:20", "2019-03-15T15:20:00", P_MI, NULL, -1, NO_NOW},
  {"2019년 3월 15일 (금) 15시 20분", "2019-03-15T15:20:00", P_MI, NULL, -1, NO_NOW},
  {"掲載 2019年3月15日(金) 午後3時", "2019-03-15T15:00:00", P_MI, NULL, -1, NO_NOW},
  {"2020年3月1日上午10点30分", "2020-03-01T10:30:00", P_MI, NULL, -1, NO_NOW},
  {"2019年3月", "2019-03", P_MO, NULL, -1, NO_NOW},
  {"2019年13月5日", "-", P_0, NULL, -1, NO_NOW},
  {"2020年2月30日", "-", P_0, NULL, -1, NO_NOW},
  /* Hijri */
  {"Shawwal 16, 1445 H", "H:1445-10-16", P_D, NULL, -1, NO_NOW},
  {"16 Shawwal 1445", "H:1445-10-16", P_D, NULL, -1, NO_NOW},
  {"1445 AH", "H:1445", P_Y, NULL, -1, NO_NOW},
  {"1445 A.H.", "H:1445", P_Y, NULL, -1, NO_NOW},
  {"1445 \xd9\x87\xd9\x80", "H:1445", P_Y, NULL, -1, NO_NOW},  /* 1445 هـ */
  {"Ramadan 1445", "H:1445-09", P_MO, NULL, -1, NO_NOW},
  {"Friday, April 26, 2024 | Shawwal 16, 1445 H", "2024-04-26", P_D, NULL, -1, NO_NOW},
  {"Shawwal 16, 1445 H | Friday, April 26, 2024", "H:1445-10-16", P_D, NULL, -1, NO_NOW},
  {"12 Rabi' al-Awwal 1446", "H:1446-03-12", P_D, NULL, -1, NO_NOW},
  {"Rabi' I 12, 1446 AH", "H:1446-03-12", P_D, NULL, -1, NO_NOW},
  {"12 Rabiul Awwal 1446", "H:1446-03-12", P_D, NULL, -1, NO_NOW},
  {"5 Rabi al-Thani 1445", "H:1445-04-05", P_D, NULL, -1, NO_NOW},
  {"5 Rabi' II 1445", "H:1445-04-05", P_D, NULL, -1, NO_NOW},
  {"1 Jumada al-Awwal 1445", "H:1445-05-01", P_D, NULL, -1, NO_NOW},
  {"Jumada al-Thani 3, 1445", "H:1445-06-03", P_D, NULL, -1, NO_NOW},
  {"27 Rajab 1445", "H:1445-07-27", P_D, NULL, -1, NO_NOW},
  {"15 Sha'ban 1445", "H:1445-08-15", P_D, NULL, -1, NO_NOW},
  {"1 Ramadan 1445", "H:1445-09-01", P_D, NULL, -1, NO_NOW},
  {"10 Dhu al-Qi'dah 1445", "H:1445-11-10", P_D, NULL, -1, NO_NOW},
  {"9 Dhul Hijjah 1445", "H:1445-12-09", P_D, NULL, -1, NO_NOW},
  {"10 Muharram 1446", "H:1446-01-10", P_D, NULL, -1, NO_NOW},
  {"20 Safar 1446", "H:1446-02-20", P_D, NULL, -1, NO_NOW},
  /* relative dates, with now */
  {"today", "2019-01-10", P_D, NULL, -1, WITH_NOW},
  {"yesterday", "2019-01-09", P_D, NULL, -1, WITH_NOW},
  {"yesterday at 3:45 PM", "2019-01-09T15:45:00", P_MI, NULL, -1, WITH_NOW},
  {"2 hours ago", "2019-01-10T13:45:00+00:00", P_MI, NULL, -1, WITH_NOW},
  {"Updated 30 minutes ago", "2019-01-10T15:15:00+00:00", P_MI, NULL, -1, WITH_NOW},
  {"an hour ago", "2019-01-10T14:45:00+00:00", P_MI, NULL, -1, WITH_NOW},
  {"3 days ago", "2019-01-07", P_D, NULL, -1, WITH_NOW},
  {"2d ago", "2019-01-08", P_D, NULL, -1, WITH_NOW},
  {"heute, 09:30 Uhr", "2019-01-10T09:30:00", P_MI, NULL, -1, WITH_NOW},
  {"gestern", "2019-01-09", P_D, NULL, -1, WITH_NOW},
  {"vorgestern", "2019-01-08", P_D, "de", -1, WITH_NOW},
  {"vor 2 Stunden", "2019-01-10T13:45:00+00:00", P_MI, NULL, -1, WITH_NOW},
  {"vor einer Stunde", "2019-01-10T14:45:00+00:00", P_MI, "de", -1, WITH_NOW},
  {"hier", "2019-01-09", P_D, "fr", -1, WITH_NOW},
  {"aujourd'hui à 15h45", "2019-01-10T15:45:00", P_MI, NULL, -1, WITH_NOW},
  {"il y a 2 jours", "2019-01-08", P_D, NULL, -1, WITH_NOW},
  {"avant-hier", "2019-01-08", P_D, NULL, -1, WITH_NOW},
  {"ayer", "2019-01-09", P_D, NULL, -1, WITH_NOW},
  {"hace 3 días", "2019-01-07", P_D, NULL, -1, WITH_NOW},
  {"2 settimane fa", "2018-12-27", P_D, NULL, -1, WITH_NOW},
  {"há 2 dias", "2019-01-08", P_D, NULL, -1, WITH_NOW},
  {"3 dagen geleden", "2019-01-07", P_D, NULL, -1, WITH_NOW},
  {"2 godziny temu", "2019-01-10T13:45:00+00:00", P_MI, NULL, -1, WITH_NOW},
  {"wczoraj", "2019-01-09", P_D, NULL, -1, WITH_NOW},
  {"January 5, 2019 (3 days ago)", "2019-01-05", P_D, NULL, -1, WITH_NOW},
  /* relative words are not dates without now, nor when weak */
  {"today", "-", P_0, NULL, -1, NO_NOW},
  {"2 hours ago", "-", P_0, NULL, -1, NO_NOW},
  {"vor 2 Stunden", "-", P_0, NULL, -1, NO_NOW},
  {"hace 3 días", "-", P_0, NULL, -1, NO_NOW},
  {"hier", "-", P_0, NULL, -1, WITH_NOW},
  {"hier", "-", P_0, "de", -1, WITH_NOW},
  {"2 apples ago", "-", P_0, NULL, -1, WITH_NOW},
  /* weak names and language filtering */
  {"10 ago 2019", "-", P_0, NULL, -1, NO_NOW},
  {"sold out 2019", "-", P_0, NULL, -1, NO_NOW},
  {"10 Mai 2019", "-", P_0, "en", -1, NO_NOW},
  /* not dates */
  {"99/99/9999", "-", P_0, NULL, -1, NO_NOW},
  {"2019-13-45", "-", P_0, NULL, -1, NO_NOW},
  {"2019-00-10", "-", P_0, NULL, -1, NO_NOW},
  {"February 30, 2019", "-", P_0, NULL, -1, NO_NOW},
  {"30 February 2019", "-", P_0, NULL, -1, NO_NOW},
  {"29 February 2019", "-", P_0, NULL, -1, NO_NOW},
  {"2019-02-29", "-", P_0, NULL, -1, NO_NOW},
  {"1900-02-29", "-", P_0, NULL, -1, NO_NOW},
  {"32 January 2019", "-", P_0, NULL, -1, NO_NOW},
  {"January 0, 2019", "-", P_0, NULL, -1, NO_NOW},
  {"13/13/2019", "-", P_0, NULL, -1, NO_NOW},
  {"10.01.1850", "-", P_0, NULL, -1, NO_NOW},
  {"May 5, 2150", "-", P_0, NULL, -1, NO_NOW},
  {"2019-01-10T25:00:00", "-", P_0, NULL, -1, NO_NOW},
  {"2019-01-10T15:60", "-", P_0, NULL, -1, NO_NOW},
  {"+1 (555) 123-4567", "-", P_0, NULL, -1, NO_NOW},
  {"555-123-4567", "-", P_0, NULL, -1, NO_NOW},
  {"030/1234-2019", "-", P_0, NULL, -1, NO_NOW},
  {"12345", "-", P_0, NULL, -1, NO_NOW},
  {"12345678", "-", P_0, NULL, -1, NO_NOW},
  {"order 20190110 shipped", "-", P_0, NULL, -1, NO_NOW},
  {"1.2.3", "-", P_0, NULL, -1, NO_NOW},
  {"version 2.10.3 released", "-", P_0, NULL, -1, NO_NOW},
  {"192.168.1.10", "-", P_0, NULL, -1, NO_NOW},
  {"1.2.10.2019", "-", P_0, NULL, -1, NO_NOW},
  {"10.01.2019.5", "-", P_0, NULL, -1, NO_NOW},
  {"Copyright 2019", "-", P_0, NULL, -1, NO_NOW},
  {"2019", "-", P_0, NULL, -1, NO_NOW},
  {"2010-2019", "-", P_0, NULL, -1, NO_NOW},
  {"10/10/10", "-", P_0, NULL, -1, NO_NOW},
  {"3:45 PM", "-", P_0, NULL, -1, NO_NOW},
  {"15h45", "-", P_0, NULL, -1, NO_NOW},
  {"15:45 Uhr", "-", P_0, NULL, -1, NO_NOW},
  {"April 26", "-", P_0, NULL, -1, NO_NOW},
  {"Mar 5", "-", P_0, NULL, -1, NO_NOW},
  {"Marking 2019", "-", P_0, NULL, -1, NO_NOW},
  {"Ramadan 2024", "-", P_0, NULL, -1, NO_NOW},
  {"2024 H", "-", P_0, NULL, -1, NO_NOW},
  {"", "-", P_0, NULL, -1, NO_NOW},
  {"hello world", "-", P_0, NULL, -1, NO_NOW},
};

/* What a row expects, rendered from a parse result. */
static void render(const date_value *v, int rc, char *dst, size_t dstsz) {
  if (rc != 0) {
    snprintf(dst, dstsz, "-");
  } else if (v->hijri && v->precision == DATE_YEAR) {
    snprintf(dst, dstsz, "H:%04d", v->year);
  } else if (v->hijri && v->precision == DATE_MONTH) {
    snprintf(dst, dstsz, "H:%04d-%02d", v->year, v->month);
  } else if (v->hijri) {
    snprintf(dst, dstsz, "H:%04d-%02d-%02d", v->year, v->month, v->day);
  } else {
    date_format_iso(v, dst, dstsz);
  }
}

static int parse_row(const row *r, date_value *v) {
  date_options o;
  size_t len = strlen(r->in);
  char *copy = malloc(len ? len : 1);  /* no NUL: ASan catches over-reads */
  int rc;
  ck_assert_ptr_nonnull(copy);
  memcpy(copy, r->in, len);
  o.lang = r->lang;
  o.dayfirst = r->dayfirst;
  o.has_now = r->now;
  o.now = NOW;
  rc = date_parse(copy, len, &o, v);
  free(copy);
  return rc;
}

START_TEST(test_table) {
  const row *r = &rows[_i];
  date_value v;
  char got[64];
  int rc = parse_row(r, &v);
  render(&v, rc, got, sizeof got);
  ck_assert_msg(strcmp(got, r->want) == 0, "'%s' (lang %s, dayfirst %d, now %d): got %s, want %s",
                r->in, r->lang ? r->lang : "NULL", r->dayfirst, r->now, got, r->want);
  ck_assert_msg(v.precision == r->prec, "'%s': precision %d, want %d", r->in,
                (int)v.precision, (int)r->prec);
  ck_assert_msg((rc == 0 && v.hijri) == (r->want[0] == 'H'), "'%s': hijri flag", r->in);
}
END_TEST

static void span_of(const char *s, size_t *begin, size_t *end) {
  date_value v;
  ck_assert_int_eq(date_parse(s, strlen(s), NULL, &v), 0);
  *begin = v.begin;
  *end = v.end;
}

START_TEST(test_span) {
  static const char *s1 = "Published: Jan. 10, 2019 3:45 p.m. ET | Updated";
  static const char *s2 = "Thu, 10 Jan 2019 15:45:00 +0000 (UTC) more";
  static const char *s3 = "At 5:03 p.m. ET Jan. 10, 2019.";
  size_t b, e;
  span_of(s1, &b, &e);
  ck_assert_uint_eq(b, 11);
  ck_assert_uint_eq(e, 37);  /* through "ET" */
  span_of(s2, &b, &e);
  ck_assert_uint_eq(b, 5);
  ck_assert_uint_eq(e, 37);  /* through "(UTC)" */
  span_of(s3, &b, &e);
  ck_assert_uint_eq(b, 3);
  ck_assert_uint_eq(e, 29);
}
END_TEST

/* Only the first len bytes are read, and NUL bytes are ordinary characters. */
START_TEST(test_len_bound) {
  static const char nul[] = "x\0 2019-01-10";
  date_value v;
  char iso[DATE_ISO_MAX];
  ck_assert_int_eq(date_parse("2019-01-10", 7, NULL, &v), 0);
  date_format_iso(&v, iso, sizeof iso);
  ck_assert_str_eq(iso, "2019-01");
  ck_assert_int_eq(date_parse("10 Jan 2019", 9, NULL, &v), -1);
  ck_assert_int_eq(date_parse(nul, sizeof nul - 1, NULL, &v), 0);
  ck_assert_int_eq(v.day, 10);
  ck_assert_int_eq(date_parse("\xff\xfe\xe2\x80 10 Jan 2019 \xc3", 18, NULL, &v), 0);
  ck_assert_int_eq(v.year, 2019);
  ck_assert_int_eq(date_parse(NULL, 0, NULL, &v), -1);
  ck_assert_int_eq(date_parse("2019-01-10", 10, NULL, NULL), -1);
}
END_TEST

START_TEST(test_no_date_zeroes) {
  date_value v;
  memset(&v, 0x5a, sizeof v);
  ck_assert_int_eq(date_parse("nothing here", 12, NULL, &v), -1);
  ck_assert_int_eq(v.year, 0);
  ck_assert_int_eq(v.precision, DATE_NONE);
}
END_TEST

START_TEST(test_format) {
  date_value v;
  char small[5], iso[DATE_ISO_MAX];
  memset(&v, 0, sizeof v);
  v.year = 2019; v.month = 1; v.day = 10; v.hour = 15; v.minute = 45;
  v.has_tz = 1; v.tz_minutes = -300; v.precision = DATE_MINUTE;
  ck_assert_uint_eq(date_format_iso(&v, iso, sizeof iso), 25);
  ck_assert_str_eq(iso, "2019-01-10T15:45:00-05:00");
  ck_assert_uint_eq(date_format_iso(&v, small, sizeof small), 25);
  ck_assert_str_eq(small, "2019");
  ck_assert_uint_eq(date_format_iso(&v, NULL, 0), 25);
  v.precision = DATE_YEAR;
  ck_assert_uint_eq(date_format_iso(&v, iso, sizeof iso), 4);
  ck_assert_str_eq(iso, "2019");
  v.hijri = 1;
  ck_assert_uint_eq(date_format_iso(&v, iso, sizeof iso), 0);
  ck_assert_str_eq(iso, "");
  v.hijri = 0;
  v.precision = DATE_MONTH;
  v.month = 13;
  ck_assert_uint_eq(date_format_iso(&v, iso, sizeof iso), 0);
}
END_TEST

/* Scanning stays linear on long inputs full of near-dates. */
START_TEST(test_long_input) {
  static const char unit[] = "1.2.3 Jan 10 May 99 2019-13 15:45 am today 2 hours ago 10.13.13 ";
  size_t n = sizeof unit - 1, count = 20000, i;
  char *s = malloc(n * count + 12);
  date_value v;
  ck_assert_ptr_nonnull(s);
  for (i = 0; i < count; i++) memcpy(s + i * n, unit, n);
  memcpy(s + n * count, "2019-01-10", 10);
  ck_assert_int_eq(date_parse(s, n * count + 10, NULL, &v), 0);
  ck_assert_int_eq(v.day, 10);
  ck_assert_uint_eq(v.begin, n * count);
  free(s);
}
END_TEST

static Suite *dates_suite(void) {
  Suite *s = suite_create("dates");
  TCase *tc = tcase_create("parse");
  tcase_add_loop_test(tc, test_table, 0, (int)(sizeof rows / sizeof rows[0]));
  tcase_add_test(tc, test_span);
  tcase_add_test(tc, test_len_bound);
  tcase_add_test(tc, test_no_date_zeroes);
  tcase_add_test(tc, test_format);
  tcase_add_test(tc, test_long_input);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  SRunner *sr = srunner_create(dates_suite());
  int failed;
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
