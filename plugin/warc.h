/* warc: a streaming reader of WARC files (ISO 28500), plain or gzip-compressed.
 *
 * Compressed files may hold one gzip member per record (the usual layout) or
 * one member for the whole file; the reader does not care where members end.
 * It holds one record at a time: the strings and bytes of a record stay valid
 * until the next warc_next() or warc_close() on the same reader.
 *
 * Offsets are byte positions in the uncompressed WARC stream, so
 * `zcat FILE | tail -c +$((N + 1))` starts at the record at offset N.
 *
 * Lenient where real files differ from the standard: header names in any case,
 * CRLF or bare LF line ends, folded (continued) header lines, any "WARC/x.y"
 * version line (ClueWeb09 writes WARC/0.18), extra blank lines between records,
 * HTTP headers ending in bare LF. Strict where guessing would lose data: a
 * record without a valid Content-Length, or one cut short, stops the reader. */
#ifndef LEDE_WARC_H
#define LEDE_WARC_H

#include <stddef.h>
#include <stdint.h>

#define WARC_DEFAULT_MAX_RECORD ((size_t)64 * 1024 * 1024)

typedef struct warc_reader warc_reader;

typedef struct warc_record {
  uint64_t offset;                /* where the record starts (see above) */
  uint64_t content_length;        /* the block's size as the header gives it */
  /* WARC header fields, NULL when absent */
  const char *type;               /* WARC-Type: "response", "request", ... */
  const char *target_uri;         /* WARC-Target-URI, angle brackets removed */
  const char *record_id;          /* WARC-Record-ID, as written: "<urn:uuid:...>" */
  const char *date;               /* WARC-Date, as written */
  const char *content_type;       /* Content-Type of the block, as written */
  const char *block;              /* the block, content_length bytes, NUL-terminated */
  size_t block_len;
  /* For a response record holding an HTTP response (application/http); else
   * http_status is 0 and body is the whole block. */
  int http_status;                /* 200, 404, ...; 0 when the block is not HTTP */
  const char *http_content_type;  /* the media type, lowercased: "text/html"; or NULL */
  const char *http_charset;       /* the Content-Type's charset parameter, or NULL */
  const char *body;               /* the HTTP body (points into block) */
  size_t body_len;
  /* Non-NULL when the record was refused (larger than the maximum): the header
   * fields, and the HTTP fields when its head fits in the first 64 KB, are set;
   * block and body are empty. The next warc_next() goes on with the next record. */
  const char *error;
} warc_record;

/* Opens path ("-" is not special); NULL with a message in err on failure. */
warc_reader *warc_open(const char *path, char *err, size_t errsz);

/* Records whose block is larger than max bytes are refused (see error above). */
void warc_set_max_record(warc_reader *r, size_t max);

/* 1: *rec holds the next record; 0: the end of the file; -1: the file cannot be
 * read further, warc_error() says why (e.g. "truncated record at offset 1234").
 * Records before an error were delivered intact; after -1 every call returns 0. */
int warc_next(warc_reader *r, warc_record *rec);

const char *warc_error(const warc_reader *r);

/* The offset of the record an error is about (or of where reading stopped). */
uint64_t warc_error_offset(const warc_reader *r);

/* Frees the reader and closes its file; NULL is allowed. */
void warc_close(warc_reader *r);

#endif
