// Readability.js (@mozilla/readability) on a jsdom DOM, as its own test suite runs it.
// jsdom is slow and memory-hungry: each window is closed after use. See peer_common.mjs.
import { peerRequire, runJobs } from './peer_common.mjs';

const { Readability } = peerRequire('@mozilla/readability');
const { JSDOM, VirtualConsole } = peerRequire('jsdom');

await runJobs((html, job) => {
  const dom = new JSDOM(html, { url: job.url, virtualConsole: new VirtualConsole() });
  try {
    const r = new Readability(dom.window.document).parse();
    if (!r) return { error: 'no article' };
    return { title: r.title, byline: r.byline, published: r.publishedTime, html: r.content };
  } finally {
    dom.window.close();
  }
});
