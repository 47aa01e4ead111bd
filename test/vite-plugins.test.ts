import { describe, expect, it } from 'vitest';
import { compileHints } from '../vite.plugins';

type Banner = (chunk: { moduleIds: string[] }) => string;

/** The postBanner the plugin adds to the build's output options. */
function bannerOf(packages: string[]): Banner {
  const plugin = compileHints(packages);
  const hook = plugin.outputOptions as (this: unknown, options: object) => { postBanner: Banner; format?: string };
  const options = hook.call({}, { format: 'es' });
  expect(options.format).toBe('es');
  return options.postBanner;
}

describe('compileHints', () => {
  const banner = bannerOf(['recharts', '@tanstack/table-core']);

  it('marks the chunks that hold a named package, first line, after minification', () => {
    expect(banner({ moduleIds: ['/app/src/x.tsx', '/app/node_modules/recharts/es6/chart/BarChart.js'] })).toBe('//# allFunctionsCalledOnLoad');
    expect(banner({ moduleIds: ['/app/node_modules/@tanstack/table-core/build/lib/index.mjs'] })).toBe('//# allFunctionsCalledOnLoad');
  });

  it('leaves every other chunk alone, including packages whose names only begin the same', () => {
    expect(banner({ moduleIds: ['/app/src/app/App.tsx'] })).toBe('');
    expect(banner({ moduleIds: ['/app/node_modules/recharts-scale/lib/index.js', '/app/node_modules/parquet-wasm/esm/parquet_wasm.js'] })).toBe('');
    expect(banner({ moduleIds: [] })).toBe('');
  });
});
