import { describe, expect, it } from 'vitest';
import type { SignatureValue } from '../../../forms/engine/index.ts';
import { toPointGroups, toSignatureValue } from './signature.ts';

const line = (n: number, dx: number, dy = 0) => Array.from({ length: n }, (_, i) => ({ x: 10 + i * dx, y: 10 + i * dy, t: i * 16 }));

describe('toSignatureValue', () => {
  it('keeps every stroke as vectors in CSS pixels with times, dropping empty groups', () => {
    const value = toSignatureValue(
      [
        { points: [{ x: 1.234, y: 2.345, time: 1000.4 }, { x: 3, y: 4, time: 1016 }] },
        { points: [] },
        { points: [{ x: 5, y: 6, time: 1100 }] },
      ],
      600.4,
      199.6,
    );
    expect(value).toEqual({
      width: 600,
      height: 200,
      strokes: [
        [{ x: 1.2, y: 2.3, t: 1000 }, { x: 3, y: 4, t: 1016 }],
        [{ x: 5, y: 6, t: 1100 }],
      ],
    });
  });

  it('round-trips through point groups so a kept signature can be redrawn', () => {
    const value: SignatureValue = { width: 600, height: 200, strokes: [line(3, 10)] };
    const back = toSignatureValue(toPointGroups(value), 600, 200);
    expect(back).toEqual(value);
  });
});
