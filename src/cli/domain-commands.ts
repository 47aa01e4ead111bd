/**
 * `domain` and `inspect` commands: generate a base-data domain into files, and describe input
 * tables (a folder of uploads or DOMAIN:SCALE) as JSON.
 */
import { DOMAINS, findDomain, generateDomain, SCALES } from '../core/domains';
import { domainTree } from '../core/domains/tree';
import type { OutputFile } from '../core/output/files';
import { columnSchema } from '../core/table/column';
import { prepareOutput } from '../node/write-output';
import { cancelOnSignals } from './cancel';
import { parseSimArgs, UsageError } from './args';
import { setPath } from './set-path';
import { prepareTargets } from './targets';
import { loadInputs } from './inputs';

/** Pull `--flag VALUE` / `--flag=VALUE` out of argv (the rest goes to the shared parser). */
function takeFlag(argv: string[], flag: string): { value?: string; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === flag || a.startsWith(`${flag}=`)) && value !== undefined) throw new UsageError(`${flag} is given twice; allowed: each option once (only --set repeats)`);
    if (a === flag) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i++;
    } else if (a.startsWith(`${flag}=`)) value = a.slice(flag.length + 1);
    else rest.push(a);
  }
  return { value, rest };
}

/** Write a tree to a folder and/or a zip, streamed and atomic (the domain and convert commands). */
export async function writeFiles(files: readonly OutputFile[], out?: string, zip?: string, threads?: number): Promise<void> {
  const output = prepareOutput({ out, zip, threads });
  try {
    await output.write(files);
  } finally {
    output.close();
  }
}

/** Ctrl-C (or SIGTERM) cancels the run between tables and columns. */
async function withCancel<T>(run: (hooks: { signal: AbortSignal; yield: () => Promise<void> }) => Promise<T>): Promise<T> {
  const abort = cancelOnSignals();
  try {
    return await run({ signal: abort.signal, yield: () => new Promise<void>((r) => setImmediate(r)) });
  } finally {
    abort.release();
  }
}

/** `domain <retail|financial|iot> [--scale S] [--seed N] [--set k=v]… [--format F] --out DIR|--zip FILE [--stats]`. */
export async function domainCommand(argv: string[]): Promise<void> {
  const [id, ...rest] = argv;
  const def = id ? findDomain(id) : undefined;
  if (!def) throw new UsageError(`domain: unknown domain "${id ?? ''}"; known: ${DOMAINS.map((d) => d.id).join(', ')}`);
  const { value: scale, rest: others } = takeFlag(rest, '--scale');
  const args = parseSimArgs(others);
  if (!args.out && !args.zip && !args.stats) throw new UsageError('nothing to write: give --out DIR, --zip FILE or --stats');
  const raw: Record<string, unknown> = {};
  if (args.configFile) throw new UsageError('domain: use --scale and --set (no --config)');
  if (args.sink || args.sinkUrl || args.sinkHeaders.length) throw new UsageError('domain: --sink, --sink-url and --sink-header apply to the stream simulators (stream-emit, hybrid)');
  if (scale !== undefined) raw.scale = scale;
  for (const { key, value } of args.sets) setPath(raw, key, value);
  if (args.out || args.zip) prepareTargets(args);
  const began = process.hrtime.bigint();
  // the encoder threads start now; each table starts encoding as soon as it is final, while later tables generate
  const options = { spreadsheetSafe: args.csvSafe };
  const output = args.out || args.zip ? prepareOutput(args, { format: args.format, options }) : undefined;
  try {
    const out = await withCancel((hooks) => generateDomain(def, raw, { seed: args.seed, ...hooks, ...(output ? { onTable: output.onTable } : {}) }));
    if (output) {
      await output.write(domainTree(out, args.format, options));
      const seconds = Number(process.hrtime.bigint() - began) / 1e9;
      const rows = out.tables.reduce((a, t) => a + t.length, 0);
      const where = [args.out && `${args.out}/`, args.zip].filter(Boolean).join(' and ');
      process.stderr.write(`${def.id} (${out.config.scale}): ${out.tables.length} tables, ${rows.toLocaleString('en-US')} rows written to ${where} in ${seconds.toFixed(1)} s\n`);
    }
    if (args.stats) process.stdout.write(`${JSON.stringify(Object.fromEntries(out.tables.map((t) => [t.name, t.length])))}\n`);
  } finally {
    output?.close();
  }
}

/** `inspect --input DIR|DOMAIN:SCALE [--seed N]`: each table's name, row count and column types as JSON. */
export async function inspectCommand(argv: string[]): Promise<void> {
  const { value: input, rest } = takeFlag(argv, '--input');
  const { value: seedText, rest: extra } = takeFlag(rest, '--seed');
  if (extra.length) throw new UsageError(`inspect: unknown argument "${extra[0]}"`);
  if (!input) throw new UsageError(`inspect: give --input DIR or --input DOMAIN:SCALE (domains: ${DOMAINS.map((d) => d.id).join(', ')}; scales: ${SCALES.join(', ')})`);
  const seed = seedText === undefined ? undefined : parseSimArgs(['--seed', seedText]).seed;
  const loaded = await loadInputs(input, seed);
  const tables = loaded.tables.map((t) => ({
    name: t.name,
    rows: t.length,
    columns: t.columns.map((c) => ({
      ...columnSchema(c),
      ...(loaded.zoned?.[t.name]?.includes(c.name) ? { zone: true } : {}),
      ...(loaded.notes?.[t.name]?.[c.name] ? { note: loaded.notes[t.name][c.name] } : {}),
    })),
  }));
  process.stdout.write(`${JSON.stringify({ input, tables }, null, 2)}\n`);
}
