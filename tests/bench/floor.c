/* lede-floor: the cost of libxml2 alone, the floor no extractor built on it can beat.
 *
 * Reads lines "id<TAB>path" from the file named by argv[1] (or standard input), and for
 * each page: reads the whole file, parses it with htmlReadMemory (RECOVER, NONET,
 * NOERROR, NOWARNING, COMPACT; no encoding given, as a naive caller would), walks every
 * node once without recursion counting the bytes of text, and frees the document.
 * The parse, the walk and the free are timed (lede's timed call frees its document too:
 * a program that reads page after page must): ms in process CPU time (the clock Lua's
 * os.clock reads, so lede's runner and the floor are measured alike), wall_ms on the wall
 * clock.
 * Writes one JSON line per page:
 * {"id":...,"bytes":N,"text_bytes":N,"nodes":N,"ms":F,"wall_ms":F}
 * or {"id":...,"error":"..."} when the file cannot be read or parsed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

typedef struct floor_count {
  size_t text_bytes;
  size_t nodes;
} floor_count;

static double floor_clock_ms(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* libxml2 prints nothing with NOERROR, but keep stray generic errors quiet too. */
static void floor_quiet(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

static char *floor_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  long size;
  if (!f) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    buf = malloc((size_t)size + 1);
    if (buf && fread(buf, 1, (size_t)size, f) != (size_t)size) {
      free(buf);
      buf = NULL;
    }
    if (buf) *len = (size_t)size;
  }
  fclose(f);
  return buf;
}

/* One pass over the tree: down to the first child, else across, else up and across. */
static void floor_walk(xmlNodePtr root, floor_count *c) {
  xmlNodePtr n = root;
  while (n) {
    c->nodes++;
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
      c->text_bytes += strlen((const char *)n->content);
    if (n->children && n->type != XML_ENTITY_REF_NODE) {
      n = n->children;
      continue;
    }
    while (n && n != root && !n->next) n = n->parent;
    if (!n || n == root) break;
    n = n->next;
  }
}

static void floor_json_string(const char *s) {
  putchar('"');
  for (; *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '"' || ch == '\\') printf("\\%c", ch);
    else if (ch < 0x20) printf("\\u%04x", ch);
    else putchar(ch);
  }
  putchar('"');
}

static void floor_page(const char *id, const char *path) {
  const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                   HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT;
  floor_count c = {0, 0};
  size_t len = 0;
  char *buf = floor_read_file(path, &len);
  double t0, w0, ms, wall;
  htmlDocPtr doc;
  int parsed;
  fputs("{\"id\":", stdout);
  floor_json_string(id);
  if (!buf || len > (size_t)0x7fffffff) {
    fputs(",\"error\":\"cannot read file\"}\n", stdout);
    free(buf);
    return;
  }
  w0 = floor_clock_ms(CLOCK_MONOTONIC);
  t0 = floor_clock_ms(CLOCK_PROCESS_CPUTIME_ID);
  doc = htmlReadMemory(buf, (int)len, path, NULL, opts);
  parsed = doc != NULL;
  if (parsed) {
    floor_walk((xmlNodePtr)doc, &c);
    xmlFreeDoc(doc);
  }
  ms = floor_clock_ms(CLOCK_PROCESS_CPUTIME_ID) - t0;
  wall = floor_clock_ms(CLOCK_MONOTONIC) - w0;
  if (parsed) {
    printf(",\"bytes\":%zu,\"text_bytes\":%zu,\"nodes\":%zu,\"ms\":%.3f,\"wall_ms\":%.3f}\n", len,
           c.text_bytes, c.nodes, ms, wall);
  } else {
    printf(",\"error\":\"no document\",\"ms\":%.3f,\"wall_ms\":%.3f}\n", ms, wall);
  }
  free(buf);
}

int main(int argc, char **argv) {
  FILE *in = stdin;
  char line[8192];
  if (argc > 2 || (argc == 2 && !(in = fopen(argv[1], "r")))) {
    fprintf(stderr, "usage: lede-floor [LIST]   (LIST: lines \"id<TAB>path\")\n");
    return 2;
  }
  xmlSetGenericErrorFunc(NULL, floor_quiet);
  while (fgets(line, sizeof line, in)) {
    char *tab = strchr(line, '\t');
    line[strcspn(line, "\r\n")] = '\0';
    if (!tab || !tab[1]) continue;
    *tab = '\0';
    floor_page(line, tab + 1);
  }
  if (in != stdin) fclose(in);
  return 0;
}
