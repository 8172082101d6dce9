/**
 * Signature capture as vectors: signature_pad's point groups become the form engine's
 * signature answer `{ width, height, strokes: {x,y,t}[][] }` in CSS pixels, and a drawn
 * signature is checked for being empty or too small to be a signature at all.
 */

export interface SignaturePoint {
  readonly x: number;
  readonly y: number;
  readonly t: number;
}

export interface SignatureValue {
  readonly width: number;
  readonly height: number;
  readonly strokes: readonly (readonly SignaturePoint[])[];
}

/** The part of signature_pad's PointGroup we read. */
export interface PadPointGroup {
  readonly points: readonly { readonly x: number; readonly y: number; readonly time: number }[];
}

/** Fewer points than this is a tap or a dot, not a signature. */
export const MIN_SIGNATURE_POINTS = 12;
/** The signature's bounding box must be at least this wide or tall (CSS px). */
export const MIN_SIGNATURE_EXTENT = 40;

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

export type SignatureProblem = 'empty' | 'trivial';

/** Why a signature cannot be accepted, or null when it can. */
export function signatureProblem(value: SignatureValue | null | undefined): SignatureProblem | null {
  const points = value?.strokes.flat() ?? [];
  if (points.length === 0) return 'empty';
  if (points.length < MIN_SIGNATURE_POINTS) return 'trivial';
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  return extent < MIN_SIGNATURE_EXTENT ? 'trivial' : null;
}

export function isSignatureValue(value: unknown): value is SignatureValue {
  return typeof value === 'object' && value !== null && 'strokes' in value && Array.isArray((value as { strokes: unknown }).strokes);
}
