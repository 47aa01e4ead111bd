import { readFileSync } from 'node:fs';
import { runFiles } from '../core/output/tree';
import { prepareOutput } from '../node/write-output';
import { SIMULATORS, findSimulator } from '../core/registry';
import { ConfigError, runSimulator } from '../core/run';
import { formatIssue } from '../core/schema/config';
import { AbortError } from '../core/simulator';
import { parseSimArgs, setPath, UsageError, type SimArgs } from './args';
import { loadInputs } from './inputs';
import { domainCommand, inspectCommand } from './domain-commands';
import { initParquetNode } from './parquet-node';

const HELP = `Spindle Studio CLI — the same engine as the browser studio.

Usage:
  npm run -s sim -- list
  npm run -s sim -- describe <simulator>
  npm run -s sim -- <simulator> [--config file.json] [--set key=value]... [--seed N]
                     [--format parquet|csv|jsonl] [--out DIR] [--zip FILE] [--stats] [--threads N]
                     [--input DIR|DOMAIN:SCALE]   (input tables, for simulators that take them)

  npm run -s sim -- domain <retail|financial|iot> [--scale S] [--seed N] [--set startDate=YYYY-MM-DD]
                     [--set endDate=YYYY-MM-DD] [--format parquet|csv|jsonl] --out DIR|--zip FILE [--stats]
  npm run -s sim -- inspect --input DIR|DOMAIN:SCALE   (JSON: each table's name, rows and column types)

  --set key=value   camelCase or snake_case key, dotted for nested fields (transitions.0.probability);
                    the value is parsed as JSON when it parses, else taken as text
  --stats           print the run's stats as one JSON object on stdout (and nothing else)
  --zip FILE        the same bytes the browser downloads
  --threads N       threads that encode the files (default: the core count); same bytes for any N

Exit codes: 0 success, 2 bad arguments or config, 1 other failures.`;

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`--config: cannot read "${path}"`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--config: "${path}" is not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`--config: "${path}" must hold a JSON object`);
  return value as Record<string, unknown>;
}

function humanBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 ** 2).toFixed(1)} MB`;
}

async function runCommand(id: string, args: SimArgs): Promise<void> {
  const def = findSimulator(id);
  if (!def) throw new UsageError(`unknown simulator "${id}"; known: ${SIMULATORS.map((s) => s.id).join(', ')}`);
  if (!args.out && !args.zip && !args.stats) throw new UsageError('nothing to write: give --out DIR, --zip FILE or --stats');
  const raw = args.configFile ? readConfigFile(args.configFile) : {};
  for (const { key, value } of args.sets) setPath(raw, key, value);

  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  const began = process.hrtime.bigint();
  if (args.input && !def.inputs) throw new UsageError(`--input: ${def.id} takes no input tables (it generates everything itself)`);
  // input tables by name, for simulators that declare input roles (the same tables the page's data set holds)
  const inputs = args.input ? new Map((await loadInputs(args.input, args.seed)).tables.map((t) => [t.name, t] as const)) : undefined;
  // encoder threads load while the run simulates (process.exit ends them on any failure)
  const output = args.out || args.zip ? prepareOutput(args) : undefined;
  const run = await runSimulator(def, raw, {
    seed: args.seed,
    inputs,
    signal: abort.signal,
    yield: () => new Promise<void>((r) => setImmediate(r)),
  });
  if (output) {
    initParquetNode();
    const files = await output.write(runFiles(run, args.format), abort.signal);
    output.close();
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    const size = files.reduce((a, f) => a + f.bytes, 0);
    const where = [args.out && `${args.out}/`, args.zip].filter(Boolean).join(' and ');
    process.stderr.write(`${def.id}: ${files.length} files (${humanBytes(size)}) written to ${where} in ${seconds.toFixed(1)} s\n`);
  }
  if (args.stats) process.stdout.write(`${JSON.stringify(run.result.stats)}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${HELP}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === 'list') {
      process.stdout.write(SIMULATORS.map((s) => `${s.id}\n`).join(''));
      return 0;
    }
    if (command === 'domain') {
      await domainCommand(rest);
      return 0;
    }
    if (command === 'inspect') {
      await inspectCommand(rest);
      return 0;
    }
    if (command === 'describe') {
      const def = rest[0] ? findSimulator(rest[0]) : undefined;
      if (!def) throw new UsageError(`describe: unknown simulator "${rest[0] ?? ''}"; known: ${SIMULATORS.map((s) => s.id).join(', ')}`);
      const out = { id: def.id, title: def.title, summary: def.summary, fields: def.schema.describe() };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    await runCommand(command, parseSimArgs(rest));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      process.stderr.write(`error: ${e.issues.map(formatIssue).join('; ')}\n`);
      return 2;
    }
    if (e instanceof AbortError) {
      process.stderr.write('cancelled\n');
      return 130;
    }
    process.stderr.write(`error: ${(e as Error).message ?? String(e)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
