import { describe, expect, it } from 'vitest';
import { compileHints } from '../vite.plugins';

interface FakeChunk {
  type: 'chunk';
  moduleIds: string[];
  code: string;
}

/** Run the plugin's generateBundle over chunks of these module ids; the code each ends with. */
function hinted(packages: string[], chunks: string[][]): string[] {
  const plugin = compileHints(packages);
  const hook = plugin.generateBundle as { order: string; handler: (this: unknown, options: object, bundle: Record<string, FakeChunk | { type: 'asset' }>) => void };
  expect(hook.order).toBe('post');
  const bundle: Record<string, FakeChunk | { type: 'asset' }> = { 'x.css': { type: 'asset' } };
  chunks.forEach((moduleIds, i) => (bundle[`c${i}.js`] = { type: 'chunk', moduleIds, code: 'const __vite__mapDeps=0;\nexport {};' }));
  hook.handler.call({}, {}, bundle);
  return chunks.map((_, i) => (bundle[`c${i}.js`] as FakeChunk).code);
}

const HINTED = '//# allFunctionsCalledOnLoad\nconst __vite__mapDeps=0;\nexport {};';
const PLAIN = 'const __vite__mapDeps=0;\nexport {};';

describe('compileHints', () => {
  it('puts the hint first, before any code (Vite\'s preload map included), in the chunks that hold a named package', () => {
    const [a, b] = hinted(['recharts', '@tanstack/table-core'], [['/app/src/x.tsx', '/app/node_modules/recharts/es6/chart/BarChart.js'], ['/app/node_modules/@tanstack/table-core/build/lib/index.mjs']]);
    expect(a).toBe(HINTED);
    expect(b).toBe(HINTED);
  });

  it('leaves every other chunk alone, including packages whose names only begin the same', () => {
    const out = hinted(['recharts'], [['/app/src/app/App.tsx'], ['/app/node_modules/recharts-scale/lib/index.js', '/app/node_modules/parquet-wasm/esm/parquet_wasm.js'], []]);
    expect(out).toEqual([PLAIN, PLAIN, PLAIN]);
  });
});
