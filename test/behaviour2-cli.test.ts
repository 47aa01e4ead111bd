// The financial stream and IoT telemetry from the command line, as the README shows them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('financial-stream and iot-telemetry CLI', () => {
  it('runs the financial stream on a domain with a column mapping set from the command line', () => {
    const r = sim('financial-stream', '--input', 'financial:fixture', '--set', 'inputs.transactions.columns.time=transaction_date', '--set', 'reversal_probability=0.2', '--stats');
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout) as Record<string, number>;
    expect(stats.original_transaction_count).toBeGreaterThan(0);
    expect(stats.reversal_count).toBeGreaterThan(0);
  });

  it('refuses a mapping to a missing column with exit code 2, naming the role and column', () => {
    const r = sim('financial-stream', '--input', 'financial:fixture', '--set', 'inputs.transactions.columns.time=paid_at', '--stats');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inputs.transactions.columns.time');
    expect(r.stderr).toContain('"paid_at"');
  });

  it('generates an IoT fleet and writes its tables', () => {
    const out = mkdtempSync(join(tmpdir(), 'spindle-iot-'));
    const r = sim('iot-telemetry', '--set', 'fleetSize=3', '--set', 'durationHours=2', '--format', 'csv', '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['_spindle', 'alerts.csv', 'fleet_status.csv', 'readings.csv']);
  });
});
