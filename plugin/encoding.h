/* encoding: decide how a page's bytes are encoded and turn them into UTF-8.
 *
 * The order follows what browsers do, with one deliberate exception:
 *   1. a byte order mark;
 *   2. the caller's charset (an HTTP Content-Type header, say);
 *   3. <meta charset> or <meta http-equiv=Content-Type> within the first 1024 bytes,
 *      unless the bytes are valid UTF-8 holding non-ASCII text (pages re-saved as
 *      UTF-8 keep stale declarations, while legacy-encoded text is almost never
 *      valid UTF-8 by accident);
 *   4. UTF-8 when the bytes are valid UTF-8;
 *   5. a <meta> charset further on, within the first 64 KiB (browsers reparse
 *      when the tree builder meets one while their guess is tentative);
 *   6. windows-1252.
 * Labels are mapped the way the WHATWG Encoding standard maps them
 * (latin1/iso-8859-1/ascii are windows-1252, gb2312 is GBK, ...). */
#ifndef LEDE_ENCODING_H
#define LEDE_ENCODING_H

#include <stddef.h>

#include "buf.h"

typedef enum {
  ENC_FROM_BOM, ENC_FROM_CALLER, ENC_FROM_META, ENC_FROM_UTF8_CHECK, ENC_FROM_LATE_META,
  ENC_FROM_DEFAULT
} enc_source;

typedef struct {
  char name[32];       /* canonical name for iconv, e.g. "UTF-8", "WINDOWS-1252", "GBK" */
  enc_source source;
  size_t bom_len;      /* bytes of BOM to skip */
} enc_choice;

/* Picks the encoding. `caller` may be NULL. Never fails: falls back to windows-1252. */
void enc_sniff(const char *bytes, size_t len, const char *caller, enc_choice *out);

/* Maps a charset label to a canonical name; returns 0 and fills `name`, or -1 if unknown. */
int enc_canonical(const char *label, size_t len, char *name, size_t namesz);

/* 1 if the bytes are valid UTF-8 (no overlongs, no surrogates). */
int enc_is_utf8(const char *s, size_t len);

/* 1 if the bytes are valid UTF-8 without NUL bytes: enc_to_utf8 would copy
 * them unchanged, so a caller can use them as they are. */
int enc_is_clean_utf8(const char *s, size_t len);

/* Appends the bytes decoded from `encoding` to `out` as valid UTF-8. Invalid or
 * unmappable sequences and NUL bytes become U+FFFD, so no text is silently cut
 * off. Returns 0, or -1 when the encoding is unsupported or memory ran out. */
int enc_to_utf8(const char *bytes, size_t len, const char *encoding, buf *out);

const char *enc_source_name(enc_source s);

#endif
