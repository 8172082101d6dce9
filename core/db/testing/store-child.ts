/**
 * A child process for the multi-process tests: opens the store named on the command line
 * (migrating it), prints one line, `open` or `refused <code> <message>`, then holds the store
 * until its stdin closes (or it is killed).
 *
 *   node store-child.ts sqlite <file> [--no-single-writer] | postgres <url>
 */
import { openStore, type StoreConfig } from '../open-store.ts';
import { isStoreError } from '../errors.ts';
import { CHILD_SCHEMA } from './child-schema.ts';

const [engine, location, flag] = process.argv.slice(2);
const config: StoreConfig = engine === 'postgres' ? { engine: 'postgres', url: location! } : { engine: 'sqlite', file: location! };

try {
  const store = await openStore(config, CHILD_SCHEMA, { sqlite: { singleWriter: flag !== '--no-single-writer' } });
  process.stdout.write('open\n');
  process.stdin.resume();
  process.stdin.on('end', () => {
    void store.close().then(() => process.exit(0));
  });
} catch (error) {
  process.stdout.write(isStoreError(error) ? `refused ${error.code} ${error.message}\n` : `error ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
