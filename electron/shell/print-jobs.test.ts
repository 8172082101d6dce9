import { describe, expect, it } from 'vitest';
import { createPrintJobs, printTokenOf } from './print-jobs.ts';

const TOKEN = 'A'.repeat(42) + 'b';

function jobs(tokens: string[] = [TOKEN, `${'B'.repeat(42)}c`]) {
  let now = 1_000;
  const queue = [...tokens];
  const store = createPrintJobs({ randomToken: () => queue.shift() ?? '', now: () => now, ttlMs: 60_000 });
  return { store, advance: (ms: number) => (now += ms) };
}

const PDF = new TextEncoder().encode('%PDF-1.7 summary');

describe('print jobs', () => {
  it('add gives an app:// URL, never file://, whose token is good for exactly one take', () => {
    const { store } = jobs();
    const { token, url } = store.add(PDF);
    expect(url).toBe(`app://kiosk/__print/${TOKEN}.pdf`);
    expect(store.take(token)).toBe(PDF);
    expect(store.take(token)).toBeNull();
    expect(store.size).toBe(0);
  });

  it.each([
    { label: 'expired after the time to live', act: (s: ReturnType<typeof jobs>, token: string) => (s.advance(60_001), s.store.take(token)) },
    { label: 'revoked when the job ended', act: (s: ReturnType<typeof jobs>, token: string) => (s.store.revoke(token), s.store.take(token)) },
    { label: 'an unknown token', act: (s: ReturnType<typeof jobs>) => s.store.take(`${'C'.repeat(42)}d`) },
  ])('$label -> nothing served, nothing held', ({ act }) => {
    const s = jobs();
    const { token } = s.store.add(PDF);
    expect(act(s, token)).toBeNull();
    s.advance(60_001);
    expect(s.store.size).toBe(0);
  });

  it.each([
    { label: 'too short', tokens: ['abc'] },
    { label: 'not base64url', tokens: [`${'A'.repeat(42)}/`] },
    { label: 'the same token twice', tokens: [TOKEN, TOKEN] },
  ])('a token that is not 32 fresh random bytes is refused: $label', ({ tokens }) => {
    const { store } = jobs(tokens);
    if (tokens.length === 2) store.add(PDF);
    expect(() => store.add(PDF)).toThrow(/random/);
  });
});

describe('printTokenOf', () => {
  it.each([
    ['a print path', `/__print/${TOKEN}.pdf`, TOKEN],
    ['no .pdf suffix', `/__print/${TOKEN}`, null],
    ['a short token', '/__print/abc.pdf', null],
    ['a traversal attempt', `/__print/../${TOKEN}.pdf`, null],
    ['another path', '/index.html', null],
  ])('%s', (_label, path, expected) => {
    expect(printTokenOf(path)).toBe(expected);
  });
});
