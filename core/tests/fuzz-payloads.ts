/**
 * Deterministic generator of hostile IPC payloads for fuzz.test.ts: random JSON-ish values,
 * prototype-pollution shapes, oversized and odd strings, and mutations of a valid payload
 * per channel (a key dropped, added, retyped or replaced), so that the schema's every
 * branch is hit, not only the "not an object" one.
 */

/** Put into generated values (not keys); a value must never come back in an error message. */
export const MARKER = 'Zyxwv-Marker-Ω';

const ODD_STRINGS = [
  '',
  ' ',
  MARKER,
  `${MARKER}\u0000`,
  '__proto__',
  'constructor',
  '../../etc/passwd',
  "'; DROP TABLE submissions; --",
  '%s%n%x',
  '\u202eevil',
  '😀'.repeat(50),
  '9'.repeat(7),
  '000000',
  '123456',
  'a'.repeat(5_001),
  'b'.repeat(120_000),
  '2025-03-10T09:00:00.000Z',
  '2025-13-45',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  'en',
  'xx-YY',
  'javascript:alert(1)',
];

const ODD_NUMBERS = [0, -0, 1, -1, 0.5, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, 1e308];

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

export function randomValue(rand: () => number, depth = 0): unknown {
  const r = rand();
  if (depth > 3 || r < 0.15) return pick(rand, [null, undefined, true, false]);
  if (r < 0.35) return pick(rand, ODD_NUMBERS);
  if (r < 0.6) return rand() < 0.7 ? pick(rand, ODD_STRINGS) : `${MARKER}-${Math.floor(rand() * 1e9).toString(36)}`;
  if (r < 0.75) return Array.from({ length: Math.floor(rand() * 5) }, () => randomValue(rand, depth + 1));
  if (r < 0.85) {
    // Prototype-pollution shapes: parsed JSON can carry an own "__proto__" key.
    return JSON.parse(`{"__proto__": {"polluted": "${MARKER}"}, "constructor": {"prototype": {"polluted": 1}}}`);
  }
  const obj: Record<string, unknown> = {};
  const n = Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) obj[pick(rand, ['name', 'pin', 'staffId', 'status', 'limit', 'answers', 'x', 'unknownKey', ''])] = randomValue(rand, depth + 1);
  return obj;
}

/** One payload for a channel, given a valid example of its request. */
export function fuzzPayload(rand: () => number, valid: Readonly<Record<string, unknown>>): unknown {
  const r = rand();
  if (r < 0.3) return randomValue(rand);
  const copy: Record<string, unknown> = structuredClone({ ...valid });
  const keys = Object.keys(copy);
  const mutations = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < mutations; i++) {
    const m = rand();
    const key = keys.length > 0 ? pick(rand, keys) : 'x';
    if (m < 0.25) delete copy[key];
    else if (m < 0.45) copy[pick(rand, ['extra', 'unknownKey', '__proto__', 'toString'])] = randomValue(rand);
    else copy[key] = randomValue(rand);
  }
  return copy;
}
