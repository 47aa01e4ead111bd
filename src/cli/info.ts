/**
 * The commands that need no engine: help, `list` and `describe`. They read only the catalog
 * (simulator specs and schemas), so the bundled bin answers them without loading the engines,
 * Arrow or parquet-wasm (`spindle list` starts in about a tenth of a second).
 */
import { CATALOG, findSpec } from '../core/catalog';
import { UsageError } from './args';

export const HELP = `Spindle Studio CLI — the same engine as the browser studio.

Usage (\`npx spindle …\`, or \`npm run -s sim -- …\`):
  spindle list                          one simulator id per line
  spindle describe <simulator>          the config schema as JSON
  spindle <simulator> [--config file.json] [--set key=value]... [--seed N]
                      [--format parquet|csv|jsonl] [--out DIR [--force]] [--zip FILE] [--stats] [--threads N]
                      [--input DIR|DOMAIN:SCALE]   (input tables, for simulators that take them)

  spindle domain <retail|financial|iot> [--scale S] [--seed N] [--set startDate=YYYY-MM-DD]
                      [--set endDate=YYYY-MM-DD] [--format parquet|csv|jsonl] --out DIR|--zip FILE [--stats]
  spindle inspect --input DIR|DOMAIN:SCALE   (JSON: each table's name, rows and column types)
  spindle convert --input DIR --format parquet|csv|jsonl --out DIR|--zip FILE
                      [--set table.column=type]...   (every file typed as the Data sources page reads it)

  --set key=value   camelCase or snake_case key, dotted for nested fields (transitions.0.probability);
                    the value is parsed as JSON when it parses, else taken as text. A list index
                    names an item that exists (the preset's, the config file's) or the next one.
  --out DIR         a new or empty folder; --force writes into a folder that already holds files
  --zip FILE        the same bytes the browser downloads
  --stats           print the run's stats as one JSON object on stdout (and nothing else)
  --threads N       threads that encode the files (default: the cores but one; 1: this thread);
                    the same bytes for any N
  --csv-safe        CSV for spreadsheets: text cells starting with = + - @ get a leading ' (default: verbatim)
  Each option except --set is given at most once.

Exit codes: 0 success; 2 refused before running (bad arguments or config, a run too large for
this engine, an --out folder that holds files); 1 a failure while running or writing (the
message says what could not be written where); 130 cancelled (Ctrl-C).`;

const known = () => CATALOG.map((s) => s.id).join(', ');

/** True when `command` is one this module answers (no engine needed). */
export function isInfoCommand(command: string | undefined): boolean {
  return command === undefined || command === '--help' || command === '-h' || command === 'help' || command === 'list' || command === 'describe';
}

/** Run help, `list` or `describe`; returns the exit code. Throws {@link UsageError} for bad arguments. */
export function infoCommand(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('give a command: list, describe <simulator>, <simulator> [options], domain, inspect, convert (see: spindle --help)');
  if (command === '--help' || command === '-h' || command === 'help') {
    if (rest.length) throw new UsageError(`${command}: takes no arguments (got "${rest[0]}")`);
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (command === 'list') {
    if (rest.length) throw new UsageError(`list: takes no arguments (got "${rest[0]}")`);
    process.stdout.write(CATALOG.map((s) => `${s.id}\n`).join(''));
    return 0;
  }
  if (command === 'describe') {
    const spec = rest[0] ? findSpec(rest[0]) : undefined;
    if (!spec) throw new UsageError(`describe: unknown simulator "${rest[0] ?? ''}"; known: ${known()}`);
    if (rest.length > 1) throw new UsageError(`describe: takes one simulator id (got also "${rest[1]}")`);
    const out = { id: spec.id, title: spec.title, summary: spec.summary, fields: spec.schema.describe() };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  throw new UsageError(`unknown command "${command}"`);
}

/**
 * The one line printed for an error: control characters (a newline in a message, bytes of a
 * binary file echoed by JSON.parse) become spaces, so it stays one line on any terminal.
 */
export function errorLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  return `error: ${message.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()}\n`;
}

/** The one line printed for a refused command line (exit code 2). */
export function usageLine(e: UsageError): string {
  return errorLine(e.message);
}
