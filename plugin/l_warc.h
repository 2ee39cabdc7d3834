/* lede.core.warc_records: WARC files read record by record (plugin/warc.c). */
#ifndef LEDE_L_WARC_H
#define LEDE_L_WARC_H

#include <lua.h>

/* warc_records(path [, max_record]) -> iterator, for use in
 *   for rec in core.warc_records(path) do ... end
 * Each record is a table { type, uri, id, date, offset, length, status,
 * charset, content_type, body } (length: the block's Content-Length): for an HTTP response status is the HTTP status,
 * content_type the media type of its Content-Type ("text/html"), charset that
 * header's charset and body the HTTP body; for other records status is nil,
 * content_type the WARC Content-Type and body the whole block. A record over
 * max_record bytes (default 64 MB) comes with `error` set and no body, and
 * reading goes on. A file that cannot be opened or read further (a truncated
 * record, corrupt gzip data) yields { error = "...", offset = N } once (no
 * `length`: that tells it from a record over the limit) and ends.
 * The file is closed when iteration ends, on break (the iterator's closing
 * value) and on garbage collection. */
int lwarc_records(lua_State *L);

#endif
