/**
 * `signature`: a drawn signature kept as vectors. A tap or a dot is not a signature: at
 * least 12 points spanning at least 40 px (width or height). The rule lives here so
 * main refuses a one-point "signature" from a renderer that skipped the check.
 */
import { z } from 'zod';
import { questionBase } from '../fields.ts';
import type { AnswerValue, DeepReadonly, SignatureValue } from '../ids.ts';
import { answerWord, isSignature } from './shared.ts';
import type { QuestionTypeSpec } from './spec.ts';

export const signatureSchema = z.strictObject({ ...questionBase, type: z.literal('signature') });
type SignatureQuestion = DeepReadonly<z.output<typeof signatureSchema>>;

/** Fewer points than this is a tap or a dot, not a signature. */
export const MIN_SIGNATURE_POINTS = 12;
/** The signature's bounding box must be at least this wide or tall (in the pad's CSS px). */
export const MIN_SIGNATURE_EXTENT = 40;

/** Why a signature cannot be accepted (`empty`: nothing drawn; `trivial`: too small), or null when it can. */
export function signatureProblem(value: SignatureValue | null | undefined): 'empty' | 'trivial' | null {
  const points = value?.strokes.flat() ?? [];
  if (points.length === 0) return 'empty';
  if (points.length < MIN_SIGNATURE_POINTS) return 'trivial';
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  return Math.max(maxX - minX, maxY - minY) < MIN_SIGNATURE_EXTENT ? 'trivial' : null;
}

const hasPoints = (v: AnswerValue): boolean => isSignature(v) && v.strokes.some((s) => s.length > 0);

export const signature = {
  label: 'Signature',
  valueKind: 'signature',
  requiredMessage: 'required_signature',
  isBlank: (v) => isSignature(v) && !hasPoints(v),
  check(_q, v) {
    if (!isSignature(v)) return { key: 'invalid' };
    return signatureProblem(v) === 'trivial' ? { key: 'signature_trivial' } : null;
  },
  normalize: (_q, v) => (hasPoints(v) ? true : null),
  format: (_q, v, ctx) => answerWord(hasPoints(v) ? 'signed' : 'unanswered', ctx),
  draft: { defaults: () => ({}), fields: [] },
} satisfies QuestionTypeSpec<SignatureQuestion>;
