import { describe, expect, it } from 'vitest';
import { signatureProblem, toPointGroups, toSignatureValue, type SignatureValue } from './signature.ts';

const line = (n: number, dx: number, dy = 0) => Array.from({ length: n }, (_, i) => ({ x: 10 + i * dx, y: 10 + i * dy, t: i * 16 }));

describe('signatureProblem', () => {
  const cases: readonly { label: string; value: SignatureValue | null; expected: ReturnType<typeof signatureProblem> }[] = [
    { label: 'nothing drawn -> empty', value: null, expected: 'empty' },
    { label: 'no strokes -> empty', value: { width: 600, height: 200, strokes: [] }, expected: 'empty' },
    { label: 'a single tap (1 point) -> trivial', value: { width: 600, height: 200, strokes: [line(1, 0)] }, expected: 'trivial' },
    { label: 'a short scribble of 20 points inside 20 px -> trivial', value: { width: 600, height: 200, strokes: [line(20, 1)] }, expected: 'trivial' },
    { label: 'a 5-point dash 200 px long -> trivial (too few points)', value: { width: 600, height: 200, strokes: [line(5, 50)] }, expected: 'trivial' },
    { label: 'a 30-point stroke 150 px wide -> accepted', value: { width: 600, height: 200, strokes: [line(30, 5)] }, expected: null },
    { label: 'two strokes that together span 60 px tall -> accepted', value: { width: 600, height: 200, strokes: [line(8, 0, 4), line(8, 0, 4).map((p) => ({ ...p, y: p.y + 30 }))] }, expected: null },
  ];
  it.each(cases)('$label', ({ value, expected }) => {
    expect(signatureProblem(value)).toBe(expected);
  });
});

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
