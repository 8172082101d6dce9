/**
 * Which transaction the running code is inside, per store. A call on the store itself from
 * inside `transaction(fn)` joins that transaction (so a repository that is handed the store,
 * not the `tx`, still writes atomically with its caller, and a pooled PostgreSQL store never
 * deadlocks against its own open transaction on a second connection).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Queryable } from './port.ts';

export interface OpenTransaction {
  readonly owner: object;
  readonly tx: Queryable;
  /** Set when the transaction committed or rolled back: late async work falls back to the store. */
  isDone: boolean;
}

const context = new AsyncLocalStorage<OpenTransaction>();

/** The open transaction of `owner` the caller is inside, if any. */
export function currentTransaction(owner: object): Queryable | undefined {
  const open = context.getStore();
  return open && open.owner === owner && !open.isDone ? open.tx : undefined;
}

export async function runInTransaction<T>(owner: object, tx: Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const open: OpenTransaction = { owner, tx, isDone: false };
  try {
    return await context.run(open, () => fn(tx));
  } finally {
    open.isDone = true;
  }
}

/**
 * Runs `fn` outside every open transaction's context: late work started from inside a
 * transaction (a checkpoint hint after an audit append) then reads what is committed, on its
 * own connection, instead of joining a transaction that may yet roll back or be rerun.
 */
export function outsideTransactions<T>(fn: () => T): T {
  return context.exit(fn);
}
