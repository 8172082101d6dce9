/**
 * Signature capture as vectors: signature_pad's point groups become the form engine's
 * signature answer `{ width, height, strokes: {x,y,t}[][] }` in CSS pixels. Whether a
 * drawing is enough to be a signature is the engine's rule (signatureProblem), so the
 * kiosk and main refuse the same ones.
 */
import type { SignatureValue } from '../../../forms/engine/index.ts';

/** The part of signature_pad's PointGroup we read. */
export interface PadPointGroup {
  readonly points: readonly { readonly x: number; readonly y: number; readonly time: number }[];
}

const round = (n: number) => Math.round(n * 10) / 10;

export function toSignatureValue(groups: readonly PadPointGroup[], width: number, height: number): SignatureValue {
  return {
    width: Math.round(width),
    height: Math.round(height),
    strokes: groups
      .filter((g) => g.points.length > 0)
      .map((g) => g.points.map((p) => ({ x: round(p.x), y: round(p.y), t: Math.round(p.time) }))),
  };
}

/** The inverse, to redraw a kept signature (e.g. after the pad is resized). */
export function toPointGroups(value: SignatureValue): { points: { x: number; y: number; time: number; pressure: number }[] }[] {
  return value.strokes.map((s) => ({ points: s.map((p) => ({ x: p.x, y: p.y, time: p.t, pressure: 0.5 })) }));
}
