// Readability.js (@mozilla/readability) on a linkedom DOM. See peer_common.mjs.
import { peerRequire, runJobs } from './peer_common.mjs';

const { Readability } = peerRequire('@mozilla/readability');
const { parseHTML } = peerRequire('linkedom');

await runJobs((html) => {
  const { document } = parseHTML(html);
  const r = new Readability(document).parse();
  if (!r) return { error: 'no article' };
  return { title: r.title, byline: r.byline, published: r.publishedTime, html: r.content };
});
