/**
 * The entry of the bundled `spindle` bin (scripts/build-cli.mjs). help, `list` and `describe`
 * are answered from the engine-free catalog; everything else loads main.ts, whose engines the
 * bundle evaluates only on this dynamic import. (`npm run sim` runs main.ts itself under tsx.)
 */
import { UsageError } from './args';
import { infoCommand, isInfoCommand, usageLine } from './info';
import { guardUnfinished } from './unfinished';

async function run(argv: string[]): Promise<number> {
  if (isInfoCommand(argv[0])) {
    try {
      return infoCommand(argv);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      process.stderr.write(usageLine(e));
      return 2;
    }
  }
  const { main } = await import('./main');
  return main(argv);
}

guardUnfinished();
run(process.argv.slice(2)).then((code) => process.exit(code));
