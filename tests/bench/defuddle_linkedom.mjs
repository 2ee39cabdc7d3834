// defuddle (defuddle/node) on a linkedom DOM; it returns HTML. See peer_common.mjs.
import { peerImportFile, peerRequire, runJobs } from './peer_common.mjs';

const { parseHTML } = peerRequire('linkedom');
const { Defuddle } = await peerImportFile('defuddle', 'dist/node.js');

await runJobs(async (html, job) => {
  const { document } = parseHTML(html);
  const r = await Defuddle(document, job.url);
  return { title: r.title, byline: r.author, published: r.published, html: r.content };
});
