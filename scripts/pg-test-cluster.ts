/**
 * A throwaway PostgreSQL cluster on 127.0.0.1 for trying the clinic-wide store by hand or
 * benchmarking it (the unit tests start their own through vitest's global setup).
 *
 *   node scripts/pg-test-cluster.ts                 prints the URL, stops on Ctrl-C
 *   node scripts/pg-test-cluster.ts -- CMD ARGS...  runs CMD with KIOSK_DATABASE_URL set, then stops
 *
 * The URL carries the cluster's random superuser password: it is a test cluster, deleted on exit.
 */
import { spawnSync } from 'node:child_process';
import { findPostgresBin, startCluster, stopCluster } from '../core/db/testing/pg-cluster.ts';

const bin = findPostgresBin();
if (!bin) {
  console.error('PostgreSQL is not installed (apt-get install postgresql): no initdb in /usr/lib/postgresql/*/bin or PATH.');
  process.exit(1);
}
const cluster = await startCluster(bin);
const stop = () => stopCluster(bin, cluster.dir);
const dash = process.argv.indexOf('--');
if (dash >= 0 && process.argv[dash + 1]) {
  const [command, ...args] = process.argv.slice(dash + 1);
  const result = spawnSync(command!, args, { stdio: 'inherit', env: { ...process.env, KIOSK_DATABASE_URL: cluster.url } });
  stop();
  process.exit(result.status ?? 1);
}
console.log(cluster.url);
console.log('PostgreSQL test cluster running; Ctrl-C stops and deletes it.');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stop();
    process.exit(0);
  });
}
setInterval(() => undefined, 1 << 30);
