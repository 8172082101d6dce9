/**
 * The intake binding: a digest of the request a summary PDF was rendered from, written into the
 * PDF's Info dictionary (`/KioskIntakeBinding`) before signing, so the PAdES signature (whose
 * ByteRange covers the whole file) covers it. The clinic server recomputes it from a forwarded
 * request and refuses a PDF whose binding names other answers, another form version, language,
 * submission id or signing time (core/network/forward.ts; why a digest and not a re-render:
 * docs/NETWORK-MODE.md).
 *
 * Plain SHA-256, not keyed: the server must recompute it without the kiosk's secrets, and it
 * tells nothing the PDF's own pages do not already show. A custom Info key has no XMP
 * counterpart, so PDF/A-1b (6.7.3) asks nothing more of it.
 */
import { createHash } from 'node:crypto';
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { ParsedRequest } from '../../api/contract.ts';
import { canonicalJson } from '../audit/chain.ts';

export const BINDING_INFO_KEY = 'KioskIntakeBinding';
const PREFIX = 'kiosk-intake-v1:sha256:';

/** What the binding covers: the client's request as sent, and the kiosk's signing time (the visit time). */
export type BoundRequest = Pick<ParsedRequest<'intake:submit'>, 'submissionId' | 'formId' | 'formVersion' | 'language' | 'startedAt'> & {
  readonly answers: Readonly<Record<string, unknown>>;
};

export function intakeBinding(req: BoundRequest, signedAt: Date | string): string {
  const text = canonicalJson({
    submissionId: req.submissionId,
    formId: req.formId,
    formVersion: req.formVersion,
    language: req.language,
    startedAt: new Date(req.startedAt).toISOString(),
    answers: req.answers,
    signedAt: new Date(signedAt).toISOString(),
  });
  return PREFIX + createHash('sha256').update(text).digest('hex');
}

/** Puts `binding` into the document's Info dictionary (call before saving the unsigned PDF). */
export function writeBinding(doc: PDFDocument, binding: string): void {
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of(BINDING_INFO_KEY), PDFString.of(binding));
}

/** The binding a (signed) PDF carries; null when it has none or cannot be read. */
export async function readBinding(pdf: Uint8Array): Promise<string | null> {
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const info = doc.context.lookup(doc.context.trailerInfo.Info);
    if (!(info instanceof PDFDict)) return null;
    const value = info.lookup(PDFName.of(BINDING_INFO_KEY));
    return value instanceof PDFString ? value.decodeText() : null;
  } catch {
    return null;
  }
}
