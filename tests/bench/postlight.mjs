// Postlight Parser (@postlight/parser), generic extractor. Pages of the postlight source
// get the URL http://fakehost/test/page.html (set by `run` in the job file), so the
// site-specific extractors written for those very fixtures stay off. See peer_common.mjs.
import { peerRequire, runJobs } from './peer_common.mjs';

const Parser = peerRequire('@postlight/parser');

await runJobs(async (html, job) => {
  const r = await Parser.parse(job.url, { html, fetchAllPages: false, contentType: 'html' });
  if (!r || r.error) return { error: (r && r.message) || 'no result' };
  return { title: r.title, byline: r.author, published: r.date_published, html: r.content };
});
