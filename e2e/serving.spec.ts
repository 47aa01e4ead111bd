import { expect, test } from '@playwright/test';
import { SECURITY_HEADERS } from '../vite.plugins';

// What `npm start` serves, as a browser receives it (vite.plugins.ts): the security headers, the
// precompressed twin of each asset, and the compile hint on the libraries' chunks.
test('the served app: its policy headers, brotli assets, and the compile hint on the React chunk but not on the app\'s own', async ({ request }) => {
  const index = await request.get('/');
  expect(index.ok()).toBe(true);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(index.headers()[name.toLowerCase()]).toBe(value);
  const html = await index.text();
  expect(html).toContain('<meta http-equiv="Content-Security-Policy"');

  // the entry chunk holds React: marked for eager compilation, sent as brotli
  const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
  expect(entry).toBeDefined();
  const js = await request.get(entry!, { headers: { 'Accept-Encoding': 'br' } });
  expect(js.headers()['content-encoding']).toBe('br');
  // (the request context decodes the brotli body, so this also proves it a valid stream of the file)
  const code = await js.text();
  expect(code.split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');

  // the app's own chunks are left to compile lazily (compiling code that may never run costs memory)
  const preloaded = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)"/g)].map((m) => m[1]);
  expect(preloaded.length).toBeGreaterThan(3);
  const firstLines = await Promise.all(preloaded.map(async (href) => (await (await request.get(href)).text()).split('\n', 1)[0]));
  expect(firstLines.filter((line) => line !== '//# allFunctionsCalledOnLoad').length).toBeGreaterThan(0);
});
