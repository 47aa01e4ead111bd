import { runFiles, streamedRunFiles } from '../core/output/tree';
import { prepareOutput } from '../node/write-output';
import { SIMULATORS, findSimulator } from '../core/registry';
import { ConfigError, resolveConfig, runSimulator, streamableBytes, streamSimulator } from '../core/run';
import { formatIssue } from '../core/schema/config';
import { AbortError } from '../core/simulator';
import { parseSimArgs, UsageError, type SimArgs } from './args';
import { applySets } from './set-path';
import { readConfigFile } from './config-file';
import { loadInputs } from './inputs';
import { domainCommand, inspectCommand } from './domain-commands';
import { convertCommand } from './convert-command';
import { errorLine, infoCommand, isInfoCommand, usageLine } from './info';
import { failureLine } from './io-errors';
import { currentTarget, prepareTargets, releaseTargets } from './targets';
import { applySinkArgs, checkSinkHeaders, deliverStream, deliversStream, streamSettings } from './stream-sinks';
import type { StreamPlan } from '../core/simulators/stream-emit/stream-emit.plan';
import { installNativeHashes } from '../node/native-hash';
import { guardUnfinished } from './unfinished';
import { cancelledCode, cancelOnSignals } from './cancel';

installNativeHashes();

function humanBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 ** 2).toFixed(1)} MB`;
}

/**
 * `streamAboveBytes`: a run whose tables are expected to take more than this is streamed into
 * its files by a simulator that can (unless it sets its own `streamFromBytes`), holding a few
 * chunks rather than the run: workflow 5 M entities to Parquet here took the same 14 s, with a
 * peak of 0.83 GB rather than 2.0 GB; below the limit workflow is held (1 M entities: 0.4 s faster
 * held). Clickstream streams at any size (100,000 users: 3.3 s and 0.48 GB against 4.1 s and
 * 0.8 GB held). The page's worker streams above the same 512 MiB. Tests lower it.
 */
export const cliLimits = { streamAboveBytes: 512 << 20 };

/** Working memory a CLI run may take for faster paths (RunContext.scratchBytes): a process is not a tab. */
export const CLI_SCRATCH_BYTES = 512 << 20;

async function runCommand(id: string, args: SimArgs): Promise<void> {
  const def = findSimulator(id);
  if (!def) throw new UsageError(`unknown simulator "${id}"; known: ${SIMULATORS.map((s) => s.id).join(', ')}`);
  if (args.input && !def.inputs) throw new UsageError(`--input: ${def.id} takes no input tables (it generates everything itself)`);
  const raw = args.configFile ? readConfigFile(args.configFile) : {};
  applySets(raw, args.sets, def.schema);
  applySinkArgs(def.id, raw, args, def.schema);
  // refused before the disk is touched: a bad config, or a run larger than this engine holds (with its estimate)
  const resolved = resolveConfig(def, raw, args.seed);
  checkSinkHeaders(def.id, resolved, args);
  const delivers = deliversStream(def.id, resolved);
  if (!args.out && !args.zip && !args.stats && !delivers) throw new UsageError('nothing to write: give --out DIR, --zip FILE, --stats or a stream sink (--sink stdout|http)');
  if (delivers && args.stats && streamSettings(def.id, resolved)?.sinkType !== 'http') throw new UsageError('the stdout sink and --stats both write to stdout; give one of them');
  if (args.out || args.zip) prepareTargets(args);

  const abort = cancelOnSignals();
  const began = process.hrtime.bigint();
  // encoder threads load while the inputs are made and the run simulates (process.exit ends them on any failure)
  // result tables start encoding on them as soon as the run hands them over (ctx.publish)
  const writeOptions = { spreadsheetSafe: args.csvSafe };
  const output = args.out || args.zip ? prepareOutput(args, { format: args.format, options: writeOptions }) : undefined;
  // input tables by name, for simulators that declare input roles (the same tables the page's data set holds)
  const inputs = args.input ? new Map((await loadInputs(args.input, args.seed)).tables.map((t) => [t.name, t] as const)) : undefined;
  const hooks = {
    seed: args.seed,
    inputs,
    signal: abort.signal,
    yield: () => new Promise<void>((r) => setImmediate(r)),
    // nothing here draws charts: the run skips them
    charts: false,
    // a process has room a tab has not (clickstream 1 M users: 27–35 s against 35–46 s)
    scratchBytes: CLI_SCRATCH_BYTES,
  };
  // a large run (any run of some simulators) is streamed into its files, when it only writes files
  const streamed = output && !delivers && streamableBytes(def, resolved) > (def.streamFromBytes ?? cliLimits.streamAboveBytes) ? await streamSimulator(def, raw, hooks) : undefined;
  // a held run's files that are final as it runs (a landing zone's) go into --out meanwhile;
  // if the run fails or is cancelled they are removed again, as if nothing had been written
  const held = streamed
    ? undefined
    : await runSimulator(def, raw, { ...hooks, ...(output ? { encoder: output.encoder, onTable: output.onTable, onFile: output.onFile } : {}) }).catch(async (e: unknown) => {
        await output?.discard();
        throw e;
      });
  if (output) {
    const files = await output.write(streamed ? streamedRunFiles(streamed, args.format, writeOptions) : runFiles(held!, args.format, writeOptions), abort.signal);
    output.close();
    const seconds = Number(process.hrtime.bigint() - began) / 1e9;
    const size = files.reduce((a, f) => a + f.bytes, 0);
    const where = [args.out && `${args.out}/`, args.zip].filter(Boolean).join(' and ');
    process.stderr.write(`${def.id}: ${files.length} files (${humanBytes(size)}) written to ${where} in ${seconds.toFixed(1)} s\n`);
  }
  const config = streamed ? streamed.config : held!.config;
  const result = streamed ? streamed.result.finish() : held!.result;
  const delivered = await deliverStream(def.id, config, (result as { plan?: StreamPlan | null }).plan, args, abort.signal);
  if (delivered) process.stderr.write(`${delivered}\n`);
  if (args.stats) process.stdout.write(`${JSON.stringify(result.stats)}\n`);
  abort.release();
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (isInfoCommand(command)) return infoCommand(argv);
    if (command === 'domain') {
      await domainCommand(rest);
      return 0;
    }
    if (command === 'inspect') {
      await inspectCommand(rest);
      return 0;
    }
    if (command === 'convert') {
      await convertCommand(rest);
      return 0;
    }
    await runCommand(command, parseSimArgs(rest));
    return 0;
  } catch (e) {
    releaseTargets();
    if (e instanceof UsageError) {
      process.stderr.write(usageLine(e));
      return 2;
    }
    if (e instanceof ConfigError) {
      process.stderr.write(errorLine(e.issues.map(formatIssue).join('; ')));
      return 2;
    }
    if (e instanceof AbortError) {
      process.stderr.write('cancelled\n');
      return cancelledCode();
    }
    process.stderr.write(errorLine(failureLine(e, currentTarget())));
    return 1;
  }
}

// `tsx src/cli/main.ts …` (npm run sim) runs it; tests import `main`, and the bundled bin starts at entry.ts
if (process.argv[1]?.replace(/\\/g, '/').endsWith('src/cli/main.ts')) {
  guardUnfinished();
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
