/**
 * A writer process for the concurrency and kill tests: each "intake" is one transaction that
 * writes a record, its three name tokens and the next link of a chain (a read-then-write on
 * one head row, like the audit log's), and prints `ack <id>` only after the commit returned.
 *
 *   node writer-child.ts sqlite|postgres <location> <count|forever> <prefix> [serialized|retried]
 *
 * serialized: the chain's writers queue on a named lock (as the audit log will); retried: they
 * only rely on SERIALIZABLE and the port's retries.
 */
import { openStore, type StoreConfig } from '../open-store.ts';
import { isStoreError } from '../errors.ts';
import { WRITER_SCHEMA } from './writer-schema.ts';

const [engine, location, count, prefix, mode] = process.argv.slice(2);
const config: StoreConfig = engine === 'postgres' ? { engine: 'postgres', url: location! } : { engine: 'sqlite', file: location! };
const total = count === 'forever' ? Infinity : Number(count);

const retries: Record<string, number> = {};
const onRetry = (_attempt: number, reason: string) => void (retries[reason] = (retries[reason] ?? 0) + 1);
const store = await openStore(config, WRITER_SCHEMA, { postgres: { onRetry }, sqlite: { onRetry } });
process.stdout.write('ready\n');
let failures = 0;
for (let i = 0; i < total; i += 1) {
  const id = `${prefix}-${i}`;
  try {
    await store.transaction(async (tx) => {
      await tx.exec('INSERT INTO intake (id, body) VALUES (?, ?)', [id, new Uint8Array(2048).fill(i % 251)]);
      for (let t = 0; t < 3; t += 1) await tx.exec('INSERT INTO intake_token (intake_id, token) VALUES (?, ?)', [id, `${id}:${t}`]);
      const head = await tx.one<{ n: number }>('SELECT n FROM chain_head WHERE singleton = 1');
      const seq = head!.n + 1;
      await tx.exec('INSERT INTO chain (seq, intake_id) VALUES (?, ?)', [seq, id]);
      await tx.exec('UPDATE chain_head SET n = ? WHERE singleton = 1', [seq]);
    }, mode === 'serialized' ? { serializeOn: 'chain' } : {});
    process.stdout.write(`ack ${id}\n`);
  } catch (error) {
    failures += 1;
    process.stdout.write(`fail ${id} ${isStoreError(error) ? error.code : error instanceof Error ? error.message : String(error)}\n`);
  }
}
process.stderr.write(`retries ${JSON.stringify(retries)}\n`);
await store.close();
process.exit(failures === 0 ? 0 : 1);
