"""readability-lxml (Debian's python3-readability) runner. Run with /usr/bin/python3.

usage: readability_lxml.py JOBS.jsonl OUT.jsonl
Reads each page as bytes (the library sniffs the encoding itself), then times
Document(html).summary() and .short_title() only: ms is process CPU time
(time.process_time), wall_ms the wall clock. Writes one JSON line per page:
{id, title, html, ms, wall_ms} or {id, error, ms, wall_ms}. readability-lxml gives no
author or date.
"""
import json
import sys
import time

from readability import Document


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = [json.loads(line) for line in f if line.strip()]
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for job in jobs:
            try:
                with open(job["path"], "rb") as f:
                    html = f.read()
            except OSError as e:
                out.write(json.dumps({"id": job["id"], "error": "read: %s" % e}) + "\n")
                continue
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                doc = Document(html, url=job.get("url"))
                content = doc.summary()
                title = doc.short_title()
                rec = {"id": job["id"], "title": title, "html": content}
            except Exception as e:  # one bad page must not stop the run
                rec = {"id": job["id"], "error": str(e)[:300]}
            rec["ms"] = (time.process_time() - c0) * 1e3
            rec["wall_ms"] = (time.perf_counter() - t0) * 1e3
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
