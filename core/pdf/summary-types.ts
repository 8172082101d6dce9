/**
 * The summary PDF's view model: plain, already-localized data. buildSummaryModel makes
 * it from a form and answers; renderSummaryPdf only lays it out, so layout never needs
 * to know about languages, visibility rules or answer formats.
 */
import type { Severity, SignatureValue, TreatmentVerdict } from '../../forms/engine/index.ts';

/** A label and its human-readable value. */
export interface SummaryField {
  readonly label: string;
  readonly value: string;
}

export interface SummaryFlag {
  readonly severity: Severity;
  /** "STOP", "CLEARANCE"...: printed next to the icon so severity never rests on colour. */
  readonly severityWord: string;
  readonly title: string;
  readonly guidance: string;
  /** "Question: answer" lines for the answers that raised it. */
  readonly triggers: readonly string[];
}

export interface SummaryBodyMapRegion {
  readonly id: string;
  readonly path: string;
  /** Legend number when the client marked this region, else null. */
  readonly marker: number | null;
}

export interface SummaryBodyMapView {
  readonly key: 'front' | 'back';
  readonly label: string;
  readonly outline: string;
  readonly regions: readonly SummaryBodyMapRegion[];
}

export interface SummaryBodyMap {
  readonly viewBox: { readonly width: number; readonly height: number };
  readonly views: readonly SummaryBodyMapView[];
  /** Marked regions in words, numbered as on the figures. */
  readonly legend: readonly { readonly marker: number; readonly label: string }[];
}

export interface SummarySection {
  readonly title: string;
  readonly items: readonly SummaryField[];
}

export interface SummarySignature {
  readonly role: 'client' | 'guardian';
  /** "Client's signature" / "Parent or guardian's signature", in the staff language. */
  readonly label: string;
  /** Who signed: the client's name, or the guardian's name as they typed it. */
  readonly signer: string;
  readonly value: SignatureValue;
}

export interface SummaryGuardian {
  /** The guardian's answers (name, relationship, phone) in the staff language, as on page 1. */
  readonly fields: readonly SummaryField[];
  /** One line for page 1: "Marta García · Parent · +1 555 010 0144". */
  readonly line: string;
}

export interface SummaryConsent {
  readonly title: string;
  /** The consent text exactly as shown to the client, in their language. */
  readonly text: string;
  readonly answer: string;
}

/** Staff-facing words, in the form's default language (core/pdf/label-texts.ts: every shipped language). */
export interface SummaryLabels {
  readonly documentTitle: string;
  readonly flagsHeading: string;
  readonly noFlags: string;
  /** The "May I treat today?" banner, one line per treatmentVerdict (forms/engine/verdict.ts). */
  readonly verdicts: Readonly<Record<TreatmentVerdict, string>>;
  /** Printed next to each flag's icon ("STOP"...), so severity never rests on colour. */
  readonly severity: Readonly<Record<Severity, string>>;
  /** 0, 1-3, 4-6, 7-10 on the pain scale. */
  readonly pain: readonly [string, string, string, string];
  /** The body-map figures. */
  readonly front: string;
  readonly back: string;
  readonly dateOfBirth: string;
  readonly age: string;
  readonly visit: string;
  readonly bodyMap: string;
  readonly noRegions: string;
  readonly keyFacts: string;
  readonly answers: string;
  readonly consent: string;
  readonly signature: string;
  readonly noSignature: string;
  readonly form: string;
  readonly version: string;
  readonly submission: string;
  readonly language: string;
  readonly because: string;
  /** The parent or guardian who consented for a minor (page 1 and the signatures). */
  readonly guardian: string;
  readonly guardianSignature: string;
  readonly clientSignature: string;
  /** With `{n}` and `{m}` placeholders. */
  readonly pageOf: string;
}

export interface SummaryLogo {
  readonly kind: 'png' | 'jpeg';
  readonly bytes: Uint8Array;
}

export interface SummaryModel {
  readonly labels: SummaryLabels;
  /** The labels' writing direction: an Arabic summary is laid out right to left (the body map is never mirrored). */
  readonly direction: 'ltr' | 'rtl';
  readonly clinic: { readonly name: string; readonly address: string | null; readonly logo: SummaryLogo | null };
  readonly client: { readonly name: string; readonly dateOfBirth: string | null; readonly age: number | null };
  readonly visit: { readonly iso: string; readonly text: string; readonly dateText: string };
  /** Most severe first. */
  readonly flags: readonly SummaryFlag[];
  readonly bodyMap: SummaryBodyMap | null;
  /** Pain, duration, cause and preferences, for page 1. */
  readonly keyFacts: readonly SummaryField[];
  /** Every visible answered question, by step, with the question text the client saw. */
  readonly sections: readonly SummarySection[];
  readonly consents: readonly SummaryConsent[];
  /** Every drawn signature in form order: the client's, then a guardian's for a minor. */
  readonly signatures: readonly SummarySignature[];
  /** The parent or guardian's answers (name, relationship, phone) when the form asked for them; else null. */
  readonly guardian: SummaryGuardian | null;
  readonly form: { readonly id: string; readonly version: number; readonly title: string };
  /** The client's language (name as well as code), e.g. "es (Spanish)". */
  readonly language: string;
  readonly submissionId: string;
  /** PDF metadata creation date. */
  readonly createdAt: Date;
}
