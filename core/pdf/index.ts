/**
 * What create-core calls on submit: build the model, render, sign as the very last
 * step, and hash the final bytes (the hash and signing time are stored with the
 * submission, so a later copy can be checked against the record).
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../ports.ts';
import type { SigningIdentity } from '../signing/identity.ts';
import { signPdf } from '../signing/sign.ts';
import { intakeBinding, type BoundRequest } from './intake-binding.ts';
import { renderSummaryPdf } from './render.ts';
import { buildSummaryModel, type SummaryInput } from './summary-model.ts';

export type { SummaryInput, SummaryModel } from './summary-model.ts';
export { buildSummaryModel } from './summary-model.ts';
export { renderSummaryPdf } from './render.ts';
export { intakeBinding, readBinding, type BoundRequest } from './intake-binding.ts';
export { preloadFonts, preloadFontsInBackground, type FontPreload } from './fonts.ts';

export interface SignedSummary {
  readonly pdf: Uint8Array;
  /** Lower-case hex SHA-256 of `pdf`, the exact bytes stored and exported. */
  readonly sha256: string;
  /** ISO time written into the signature. */
  readonly signedAt: string;
}

/**
 * Renders and signs the therapist's summary for one submission. `request` is the client's
 * request as sent: its binding with the signing time goes into the signed PDF (intake-binding.ts),
 * so the signing time is taken before rendering.
 */
export async function createSignedSummary(input: SummaryInput, identity: SigningIdentity, clock: Clock, request: BoundRequest): Promise<SignedSummary> {
  const signingTime = clock.now();
  const unsigned = await renderSummaryPdf(buildSummaryModel(input), intakeBinding(request, signingTime));
  const pdf = await signPdf(unsigned, identity, signingTime);
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex'), signedAt: signingTime.toISOString() };
}
