/* buf: a growable byte buffer for building strings in plain C.
 *
 * An allocation failure does not abort: the buffer remembers it, later
 * appends become no-ops, and the caller checks buf_failed() once at the end.
 * This keeps call sites short while every allocation is still checked. */
#ifndef LEDE_BUF_H
#define LEDE_BUF_H

#include <stddef.h>

typedef struct buf {
  char *data;    /* always NUL-terminated when len > 0 or after buf_cstr() */
  size_t len;
  size_t cap;
  int failed;    /* non-zero once an allocation has failed */
} buf;

void buf_init(buf *b);
void buf_free(buf *b);
void buf_reset(buf *b);                 /* len = 0, keeps the memory */
int buf_reserve(buf *b, size_t extra);  /* 0 on success, -1 on failure */
void buf_add(buf *b, const char *s, size_t n);
void buf_adds(buf *b, const char *s);
void buf_addc(buf *b, char c);
void buf_addf(buf *b, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;
const char *buf_cstr(buf *b);           /* "" on failure or when empty */
int buf_failed(const buf *b);

#endif
