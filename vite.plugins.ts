/**
 * Build and serve plugins for `npm start` (vite build + vite preview):
 *
 * - The Content-Security-Policy, in one place: sent as a header by `vite preview` (and so by
 *   `npm start` and the e2e tests) and written into index.html as a meta tag for static hosts
 *   that cannot send headers (a meta tag cannot carry frame-ancestors; a header can).
 * - Compile hints: the chunks of the libraries that draw (React, the chart library, the table)
 *   are marked for eager compilation (see compileHints).
 * - Precompressed assets: after the build every compressible asset gets a `.br` and a `.gz`
 *   beside it, and the preview server answers with them when the browser accepts them. Vite's
 *   preview compresses text on the fly but never `application/wasm`, and the Parquet engine is
 *   a 4.95 MB wasm file (1.47 MB as brotli). Precompressing once at build time, instead of on
 *   every request, also lets any static host serve the same files (nginx `gzip_static`/
 *   `brotli_static`, Caddy `precompressed`).
 */
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

/**
 * What the page may load: only its own origin. `'wasm-unsafe-eval'` lets parquet-wasm compile
 * (nothing else is evaluated); workers come from the page's origin. Styles too: React and
 * recharts set element styles through the CSSOM, which a policy does not restrict.
 */
export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  // the stream emitter's HTTP sink POSTs to the endpoint the user names (any http/https URL);
  // nothing else the page fetches leaves its origin
  'connect-src': "'self' http: https:",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'none'",
};

/** Directives only a header can carry (ignored in a meta tag). */
const HEADER_ONLY: Record<string, string> = { 'frame-ancestors': "'none'" };

const policy = (d: Record<string, string>) =>
  Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

/** The headers the served app sends with every response. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': policy({ ...CSP_DIRECTIVES, ...HEADER_ONLY }),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Writes the policy into index.html as a meta tag (the first thing in <head>). */
export function cspMeta(): Plugin {
  return {
    name: 'spindle:csp-meta',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy(CSP_DIRECTIVES)}" />`),
  };
}

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.wasm', '.txt']);
const MIN_BYTES = 1024;
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain',
};

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

/** After the build, a `.br` and a `.gz` beside every compressible asset (brotli 9, or 5 past 1 MB: the wasm takes 2 s instead of 10). */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'spindle:precompress',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    closeBundle() {
      const out = resolve(config.root, config.build.outDir);
      for (const file of files(out)) {
        if (!COMPRESSIBLE.has(extname(file))) continue;
        const bytes = readFileSync(file);
        if (bytes.length < MIN_BYTES) continue;
        const quality = bytes.length > 1_000_000 ? 5 : 9;
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/** In `vite preview`: answer a request for an asset with its precompressed twin when the browser accepts it. */
export function servePrecompressed(): Plugin {
  return {
    name: 'spindle:serve-precompressed',
    configurePreviewServer(server) {
      const root = join(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
        const file = normalize(join(root, path === '/' ? 'index.html' : path));
        if (!file.startsWith(root + sep) || !TYPES[extname(file)]) return next();
        const accept = String(req.headers['accept-encoding'] ?? '');
        const encoding = /\bbr\b/.test(accept) && existsSync(`${file}.br`) ? 'br' : /\bgzip\b/.test(accept) && existsSync(`${file}.gz`) ? 'gzip' : null;
        if (!encoding) return next();
        const twin = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
        for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
        res.setHeader('Content-Type', TYPES[extname(file)]);
        res.setHeader('Content-Encoding', encoding);
        res.setHeader('Content-Length', statSync(twin).size);
        res.setHeader('Vary', 'Accept-Encoding');
        // hashed asset names never change their content
        res.setHeader('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (req.method === 'HEAD') return res.end();
        createReadStream(twin).pipe(res);
      });
    },
  };
}

/**
 * V8 compiles a function the first time it runs, on the main thread. The first chart a tab draws
 * ran the chart library's code for the first time: 122–172 ms for the first chart of a workflow
 * run, where the next charts took about 60 ms, and under 45 ms each on a second run with the code
 * warm. Chromium's explicit compile hint (a first line `//# allFunctionsCalledOnLoad`, Chromium
 * 136 and later; to other engines it is a comment) makes it compile the whole file while the file
 * streams in, on a background thread. It must be the file's first line: one statement before it
 * and V8 ignores it. With React, the chart library and the table marked, the first chart took
 * 76–90 ms and the longest task of the workflow 1 M bench (Run to saved zip) 73–105 ms in eight
 * runs, seven at or under 100 ms, against 109–140 ms before. Only the chunks of libraries the
 * pages mostly run are marked: compiling code that never runs would cost memory for nothing.
 * (Drawing a few charts out of sight at idle to warm the code was measured too: its steps took
 * 52–165 ms each on this 2-core machine, 580 ms in all, and when Run came first they competed
 * with the run. Not kept.)
 */
const HINT = '//# allFunctionsCalledOnLoad';

export function compileHints(packages: readonly string[]): Plugin {
  const marked = (ids: readonly string[]) => ids.some((id) => packages.some((p) => id.includes(`/node_modules/${p}/`)));
  return {
    name: 'spindle:compile-hints',
    apply: 'build',
    // V8 reads the line only before any code, so it goes in last, after minification (which would
    // drop it) and after Vite puts its preload map at the top of the entry chunk. The file's hash
    // is computed before: the line changes how the file is compiled, never what it does.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && marked(chunk.moduleIds)) chunk.code = `${HINT}\n${chunk.code}`;
      },
    },
  };
}
