import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const guard = new URL('./unfinished.ts', import.meta.url).href;

/** A process that sets the guard, then does `body` (ESM, through tsx as `npm run sim` runs). */
function run(body: string) {
  const code = `import { guardUnfinished } from ${JSON.stringify(guard)};\nguardUnfinished();\n${body}`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
}

describe('CLI: a command that stops without finishing', () => {
  it('exits 1 with one line, never a silent 0, when its work waits on something that never comes', () => {
    const r = run('new Promise(() => {}).then(() => process.exit(0));');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['error: the command stopped before it finished, without an error (an internal fault); what it wrote is incomplete']);
  });

  it('stays silent for a command that finishes (its exit code is its own)', () => {
    const finished = run('Promise.resolve(0).then((code) => process.exit(code));');
    expect([finished.status, finished.stderr]).toEqual([0, '']);
    const failed = run('setTimeout(() => process.exit(2), 10);');
    expect([failed.status, failed.stderr]).toEqual([2, '']);
  });
});
