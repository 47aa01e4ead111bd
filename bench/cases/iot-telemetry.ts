import { findDomain, generateDomain } from '../../src/core/domains';
import { runSimulator } from '../../src/core/run';
import { iotTelemetrySimulator } from '../../src/core/simulators/iot-telemetry';
import type { Table } from '../../src/core/table/column';
import type { BenchCase, ProcessCase } from '../types';

/** Every row the run writes: readings, alerts, fleet status. */
const written = (s: Record<string, number>) => s.total_readings + s.total_alerts + s.fleet_size;

let small: Map<string, Table> | undefined;

export const iotTelemetryCases: BenchCase[] = [
  {
    name: 'iot-telemetry/1000x24h',
    description: 'IoT telemetry, 1,000 devices × 24 h × 60 s, every layer, simulate only (tables, stats, answer key, charts in memory)',
    run: async () => {
      const run = await runSimulator(iotTelemetrySimulator, { fleetSize: 1000, seed: 42 });
      return { rows: written(run.result.stats as Record<string, number>) };
    },
    reference: {
      seconds: 14.18,
      rows: 1_444_061,
      note: 'IoTTelemetrySimulator fleet_size=1000, 24 h, 60 s, every layer, handed 1.44 M readings built outside the time (it cannot generate them; ours does, inside the time); one run, 2026-11-30 (a repeat: 13.4 s)',
    },
  },
  {
    name: 'iot-telemetry/small',
    description: 'IoT telemetry over the IoT domain at scale small as generated, default config, simulate only (the domain generated once); rows = readings + alerts + fleet status (the reference measured this config)',
    reps: 5,
    run: async () => {
      small ??= new Map((await generateDomain(findDomain('iot')!, { scale: 'small', seed: 42 })).tables.map((t) => [t.name, t]));
      const run = await runSimulator(iotTelemetrySimulator, { seed: 42 }, { inputs: small });
      return { rows: written(run.result.stats as Record<string, number>) };
    },
    reference: { seconds: 0.549, rows: 42_091, note: 'IoTTelemetrySimulator tables= IoT domain small, default config (best of 3)' },
  },
];

/** Whole commands (issue 10 §3): the bundled bin until every file is on disk, with its peak memory. */
export const iotTelemetryProcessCases: ProcessCase[] = [
  {
    name: 'cli/iot-telemetry/1000x24h/parquet',
    description: 'IoT telemetry generating 1,000 devices × 24 h at one reading a minute (1.44 M readings) with every anomaly layer: the whole command until the Parquet files are on disk',
    argv: (dir) => ['iot-telemetry', '--set', 'fleetSize=1000', '--seed', '42', '--format', 'parquet', '--out', dir],
    reps: 2,
    target: { maxSeconds: 3, issue: 10 },
  },
];
