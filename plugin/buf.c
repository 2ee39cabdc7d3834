#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(buf *b) {
  b->data = NULL;
  b->len = b->cap = 0;
  b->failed = 0;
}

void buf_free(buf *b) {
  free(b->data);
  buf_init(b);
}

void buf_reset(buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

int buf_reserve(buf *b, size_t extra) {
  size_t need, cap;
  char *p;
  if (b->failed) return -1;
  if (extra > (size_t)-1 - b->len - 1) goto fail;
  need = b->len + extra + 1;  /* room for the terminating NUL */
  if (need <= b->cap) return 0;
  cap = b->cap ? b->cap : 64;
  while (cap < need) cap = cap > (size_t)-1 / 2 ? need : cap * 2;
  p = realloc(b->data, cap);
  if (!p) goto fail;
  b->data = p;
  b->cap = cap;
  return 0;
fail:
  b->failed = 1;
  return -1;
}

void buf_add(buf *b, const char *s, size_t n) {
  if (n == 0 || buf_reserve(b, n) != 0) return;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void buf_adds(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

void buf_addc(buf *b, char c) { buf_add(b, &c, 1); }

void buf_addf(buf *b, const char *fmt, ...) {
  va_list ap;
  int n;
  va_start(ap, fmt);
  n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) { b->failed = 1; return; }
  if (buf_reserve(b, (size_t)n) != 0) return;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

const char *buf_cstr(buf *b) {
  if (b->failed || !b->data) return "";
  return b->data;
}

int buf_failed(const buf *b) { return b->failed; }
