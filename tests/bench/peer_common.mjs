// Shared loop for the Node peer runners: read a JSON-lines job file ({id, path, url}),
// call extract(html, job) for each page in this one process, write one JSON line per
// page ({id, title, byline, published, html|text, ms, wall_ms} or {id, error, ms, wall_ms}).
// ms is the process CPU time (all threads, user + system: process.cpuUsage()) of the
// extraction call only, DOM building included, file reading excluded; wall_ms the wall
// clock of the same call. CPU time is what the report uses: it does not grow when other
// work shares the machine.
// Usage of a runner: node RUNNER.mjs JOBS.jsonl OUT.jsonl
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = path.dirname(fileURLToPath(import.meta.url));
export const peersDir = path.join(here, 'peers');
// The peers live in tests/bench/peers/node_modules, not beside the runners.
export const peerRequire = createRequire(path.join(peersDir, 'package.json'));
// For packages whose exports map offers only "import" (e.g. defuddle/node).
export async function peerImportFile(pkg, file) {
  return import(pathToFileURL(path.join(peersDir, 'node_modules', pkg, file)).href);
}

function str(v) {
  return typeof v === 'string' ? v : (v == null ? null : String(v));
}

export async function runJobs(extract) {
  const [jobsFile, outFile] = process.argv.slice(2);
  if (!jobsFile || !outFile) {
    console.error(`usage: node ${path.basename(process.argv[1])} JOBS.jsonl OUT.jsonl`);
    process.exit(2);
  }
  const jobs = fs.readFileSync(jobsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const out = fs.openSync(outFile, 'w');
  for (const job of jobs) {
    let rec;
    let html;
    try {
      // Read as UTF-8 text, as the peers' own test suites do.
      html = fs.readFileSync(job.path, 'utf8');
    } catch (e) {
      fs.writeSync(out, JSON.stringify({ id: job.id, error: `read: ${e.message}` }) + '\n');
      continue;
    }
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const elapsed = () => {
      const c = process.cpuUsage(c0);
      return { ms: (c.user + c.system) / 1000, wall_ms: performance.now() - t0 };
    };
    try {
      const r = (await extract(html, job)) || {};
      const t = elapsed();
      rec = { id: job.id, title: str(r.title), byline: str(r.byline), published: str(r.published),
              html: str(r.html), text: str(r.text), ...t };
      if (r.error) rec.error = String(r.error);
      else if (r.html == null && r.text == null) rec.error = 'no content';
    } catch (e) {
      rec = { id: job.id, error: String((e && e.message) || e).slice(0, 300), ...elapsed() };
    }
    fs.writeSync(out, JSON.stringify(rec) + '\n');
  }
  fs.closeSync(out);
}
