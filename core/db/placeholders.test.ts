import { describe, expect, it } from 'vitest';
import { scanPlaceholders } from './placeholders.ts';
import { withRetries } from './retry.ts';
import { StoreBusyError } from './errors.ts';

describe('scanPlaceholders: ? becomes $n only where it is a placeholder', () => {
  const CASES = [
    { label: 'plain', sql: 'SELECT a FROM t WHERE a = ? AND b = ?', out: 'SELECT a FROM t WHERE a = $1 AND b = $2', count: 2 },
    { label: 'in a string, with a doubled quote', sql: "SELECT 'it''s ?' , ?", out: "SELECT 'it''s ?' , $1", count: 1 },
    { label: 'in a quoted identifier', sql: 'SELECT "odd?col" FROM t WHERE x = ?', out: 'SELECT "odd?col" FROM t WHERE x = $1', count: 1 },
    { label: 'in a line comment', sql: 'SELECT ? -- why?\n, ?', out: 'SELECT $1 -- why?\n, $2', count: 2 },
    { label: 'in a block comment', sql: 'SELECT /* ? */ ?', out: 'SELECT /* ? */ $1', count: 1 },
    { label: 'in a dollar-quoted body', sql: "DO $body$ BEGIN RAISE NOTICE '?'; END $body$; SELECT ?", out: "DO $body$ BEGIN RAISE NOTICE '?'; END $body$; SELECT $1", count: 1 },
    { label: 'none', sql: 'SELECT 1', out: 'SELECT 1', count: 0 },
  ];
  it.each(CASES)('$label', ({ sql, out, count }) => {
    expect(scanPlaceholders(sql, true)).toEqual({ sql: out, count });
    expect(scanPlaceholders(sql, false)).toEqual({ sql, count });
  });
});

describe('withRetries', () => {
  const conflict = Object.assign(new Error('conflict'), { retry: true });
  const classify = (e: unknown) => ((e as { retry?: boolean }).retry ? 'serialization' : null);

  const CASES = [
    { label: 'succeeds after two conflicts: the caller sees the result', failures: 2, maxAttempts: 8, expected: { result: 'ok', attempts: 3 } },
    { label: 'keeps conflicting past the last attempt: StoreBusyError', failures: 99, maxAttempts: 3, expected: { error: StoreBusyError, attempts: 3 } },
  ] as const;
  it.each(CASES)('$label', async ({ failures, maxAttempts, expected }) => {
    let attempts = 0;
    const outcome = await withRetries(
      async () => {
        attempts += 1;
        if (attempts <= failures) throw conflict;
        return 'ok';
      },
      classify,
      { maxAttempts },
    ).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    expect(attempts).toBe(expected.attempts);
    if ('result' in expected) expect(outcome).toEqual({ result: expected.result });
    else expect((outcome as { error: unknown }).error).toBeInstanceOf(expected.error);
  });

  it('an error that is not a conflict is not retried', async () => {
    let attempts = 0;
    const bug = new Error('syntax error');
    await expect(
      withRetries(
        async () => {
          attempts += 1;
          throw bug;
        },
        classify,
        {},
      ),
    ).rejects.toBe(bug);
    expect(attempts).toBe(1);
  });
});
