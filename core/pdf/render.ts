/**
 * Lays out a SummaryModel as an A4 PDF with pdf-lib: page 1 opens with who, when, the
 * screening flags and the body map (a minor's parent or guardian right under the client); then
 * every answer by section, the consent text, the signatures (the client's and, for a minor, the
 * guardian's beside it) and the form's identity. The result is unsigned and saved without object
 * streams, ready for signPdf.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import { createFontSet } from './fonts.ts';
import { writeBinding } from './intake-binding.ts';
import { makePdfA1b, opaquePng } from './pdfa.ts';
import { treatmentVerdict } from '../../forms/engine/index.ts';
import { drawBodyMap, drawSeverityIcon, drawSignature, drawVerdictIcon, severityColors, verdictColor } from './draw.ts';
import {
  boxX,
  CONTENT_WIDTH,
  createFlow,
  drawLineAt,
  drawLineEnd,
  ensureSpace,
  fitLine,
  INK,
  lineHeight,
  MARGIN,
  measureParagraph,
  MUTED,
  PAGE,
  paragraph,
  pointX,
  RULE,
  wrapText,
  type Flow,
  type TextStyle,
} from './layout.ts';
import type { SummaryFlag, SummaryModel } from './summary-types.ts';

const PRODUCER = 'Clinic intake kiosk (pdf-lib)';

const H1: TextStyle = { size: 15, weight: 'bold' };
const NAME: TextStyle = { size: 20, weight: 'bold' };
const H2: TextStyle = { size: 12, weight: 'bold' };
const H3: TextStyle = { size: 10.5, weight: 'bold' };
const BODY: TextStyle = { size: 10 };
const SMALL: TextStyle = { size: 8.5, color: MUTED };
const LABEL: TextStyle = { size: 9, weight: 'bold', color: MUTED };

/**
 * Renders the unsigned summary PDF. No client data goes into the document metadata; `binding`,
 * when given, is the intake binding digest (intake-binding.ts) written into the Info dictionary.
 */
export async function renderSummaryPdf(model: SummaryModel, binding?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`${model.labels.documentTitle} ${model.visit.dateText}`);
  doc.setAuthor(model.clinic.name);
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(model.createdAt);
  doc.setModificationDate(model.createdAt);
  if (binding !== undefined) writeBinding(doc, binding);

  const fonts = await createFontSet(doc, [textOf(model)], model.language);
  const flow = createFlow(doc, fonts, model.direction === 'rtl');
  await drawLogo(doc, flow, model);
  drawTitleBlock(flow, model);
  drawFlags(flow, model);
  drawBodyAndKeyFacts(flow, model);
  drawSections(flow, model);
  drawConsentAndSignature(flow, model);
  drawPageChrome(flow, model);
  fonts.finish();
  makePdfA1b(doc);
  return doc.save({ useObjectStreams: false });
}

/** Every string that will be drawn, to decide which fallback fonts the document needs. */
function textOf(model: SummaryModel): string {
  return JSON.stringify({ ...model, clinic: { ...model.clinic, logo: null }, bodyMap: model.bodyMap?.legend ?? null, signatures: null });
}

function gap(flow: Flow, points: number): void {
  flow.y -= points;
}

function rule(flow: Flow, color = RULE, thickness = 0.6): void {
  flow.page.drawLine({ start: { x: MARGIN.left, y: flow.y }, end: { x: PAGE.width - MARGIN.right, y: flow.y }, thickness, color });
}

const LOGO_BOX = { width: 110, height: 34 };

/** The clinic logo, top right above the clinic name, scaled into a small box. A broken image is left out. */
async function drawLogo(doc: PDFDocument, flow: Flow, model: SummaryModel): Promise<void> {
  const logo = model.clinic.logo;
  if (!logo) return;
  try {
    const image = logo.kind === 'png' ? await doc.embedPng(opaquePng(logo.bytes)) : await doc.embedJpg(logo.bytes);
    const scale = Math.min(LOGO_BOX.width / image.width, LOGO_BOX.height / image.height, 1);
    const width = image.width * scale;
    const height = image.height * scale;
    flow.page.drawImage(image, { x: boxX(flow, PAGE.width - MARGIN.right - width, width), y: flow.y - height, width, height });
    flow.y -= height + 6;
  } catch {
    // A logo pdf-lib cannot read must not stop the summary from being made.
  }
}

function drawTitleBlock(flow: Flow, model: SummaryModel): void {
  const { page, fonts } = flow;
  const top = flow.y;
  drawLineAt(flow, page, model.labels.documentTitle, MARGIN.left, top - H1.size, H1);
  const end = PAGE.width - MARGIN.right;
  drawLineEnd(flow, page, fitLine(fonts, model.clinic.name, H3, 240), end, top - 11, H3);
  if (model.clinic.address) drawLineEnd(flow, page, fitLine(fonts, model.clinic.address, SMALL, 240), end, top - 23, SMALL);
  flow.y = top - 30;
  paragraph(flow, model.client.name, NAME);
  const facts = [
    model.client.dateOfBirth ? `${model.labels.dateOfBirth}: ${model.client.dateOfBirth}` : null,
    model.client.age !== null ? `${model.labels.age}: ${model.client.age}` : null,
    `${model.labels.visit}: ${model.visit.text}`,
  ].filter((s): s is string => s !== null);
  gap(flow, 2);
  paragraph(flow, facts.join('   ·   '), { size: 10.5 });
  // A minor's parent or guardian, who consented: right under the client, before any flag.
  if (model.guardian) {
    gap(flow, 2);
    paragraph(flow, `${model.labels.guardian}: ${model.guardian.line}`, { size: 10.5, weight: 'bold' });
  }
  gap(flow, 8);
  rule(flow, INK, 1);
  gap(flow, 10);
}

function drawFlags(flow: Flow, model: SummaryModel): void {
  const { labels, flags } = model;
  ensureSpace(flow, 60);
  paragraph(flow, flags.length > 0 ? `${labels.flagsHeading} (${flags.length})` : labels.flagsHeading, H2);
  gap(flow, 4);
  // "May I treat today?" answered in a full-width band above the list: the first thing the
  // eye meets on the page. The same verdict the detail screen shows (forms/engine/verdict.ts).
  const verdict = treatmentVerdict(flags);
  const style: TextStyle = { size: 12, weight: 'bold', color: rgb(1, 1, 1) };
  const lines = wrapText(flow.fonts, labels.verdicts[verdict], style, CONTENT_WIDTH - 44);
  const height = lines.length * lineHeight(style) + 12;
  ensureSpace(flow, height);
  flow.page.drawRectangle({ x: MARGIN.left, y: flow.y - height, width: CONTENT_WIDTH, height, color: verdictColor(verdict) });
  // A white disc behind the icon: the band has the icon's own colour.
  flow.page.drawCircle({ x: pointX(flow, MARGIN.left + 16), y: flow.y - height / 2, size: 11, color: rgb(1, 1, 1) });
  drawVerdictIcon(flow.page, verdict, pointX(flow, MARGIN.left + 16), flow.y - height / 2, 16);
  lines.forEach((line, i) => drawLineAt(flow, flow.page, line, MARGIN.left + 32, flow.y - 6 - (i + 1) * lineHeight(style) + 3, style));
  flow.y -= height + 4;
  if (flags.length === 0) {
    const height = 24;
    ensureSpace(flow, height);
    flow.page.drawRectangle({ x: MARGIN.left, y: flow.y - height, width: CONTENT_WIDTH, height, borderColor: RULE, borderWidth: 0.8 });
    drawLineAt(flow, flow.page, labels.noFlags, MARGIN.left + 10, flow.y - 16, BODY);
    flow.y -= height;
  }
  for (const flag of flags) drawFlag(flow, flag, labels.because);
  gap(flow, 14);
}

function drawFlag(flow: Flow, flag: SummaryFlag, because: string): void {
  const textX = MARGIN.left + 34;
  const width = CONTENT_WIDTH - 44;
  const word: TextStyle = { size: 8.5, weight: 'bold', color: severityColors(flag.severity).strong };
  const title: TextStyle = { size: 10.5, weight: 'bold' };
  const body: TextStyle = { size: 9.5 };
  const small: TextStyle = { size: 8, color: MUTED };
  const triggers = flag.triggers.length > 0 ? `${because}: ${flag.triggers.join('; ')}` : '';
  const blocks: { text: string; style: TextStyle }[] = [
    { text: flag.severityWord, style: word },
    { text: flag.title, style: title },
    { text: flag.guidance, style: body },
    ...(triggers ? [{ text: triggers, style: small }] : []),
  ].filter((b) => b.text !== '');
  const lines = blocks.flatMap((b) => wrapText(flow.fonts, b.text, b.style, width).map((text) => ({ text, style: b.style })));
  const height = lines.reduce((sum, l) => sum + lineHeight(l.style), 0) + 10;
  ensureSpace(flow, height + 3);
  const { strong, tint } = severityColors(flag.severity);
  const isUrgent = flag.severity === 'stop' || flag.severity === 'clearance';
  const y = flow.y - height;
  flow.page.drawRectangle({ x: MARGIN.left, y, width: CONTENT_WIDTH, height, color: tint, borderColor: isUrgent ? strong : RULE, borderWidth: isUrgent ? 1.5 : 0.6 });
  flow.page.drawRectangle({ x: boxX(flow, MARGIN.left, 5), y, width: 5, height, color: strong });
  drawSeverityIcon(flow.page, flag.severity, pointX(flow, MARGIN.left + 19), flow.y - 15, 16);
  let cursor = flow.y - 5;
  for (const line of lines) {
    cursor -= lineHeight(line.style);
    drawLineAt(flow, flow.page, line.text, textX, cursor + lineHeight(line.style) - line.style.size, line.style);
  }
  flow.y = y - 3;
}

const FULL_FIGURE_HEIGHT = 190;
const MIN_FIGURE_HEIGHT = 130;

function drawBodyAndKeyFacts(flow: Flow, model: SummaryModel): void {
  const { labels, bodyMap, keyFacts } = model;
  // Many flags leave little room on page 1; a smaller figure that stays on page 1 beats a full-size one on page 2.
  const fixedHeight = bodyMap ? lineHeight(H2) + 6 + 16 + Math.max(bodyMap.legend.length, 1) * lineHeight({ size: 9 }) : 0;
  const room = flow.y - MARGIN.bottom - fixedHeight;
  const figureHeight = flow.pages.length === 1 ? Math.max(MIN_FIGURE_HEIGHT, Math.min(FULL_FIGURE_HEIGHT, room)) : FULL_FIGURE_HEIGHT;
  const mapWidth = bodyMap ? 2 * (bodyMap.viewBox.width * (figureHeight / bodyMap.viewBox.height)) + 14 : 0;
  const columnX = bodyMap ? MARGIN.left + mapWidth + 24 : MARGIN.left;
  const columnWidth = PAGE.width - MARGIN.right - columnX;
  const factsHeight = keyFacts.reduce(
    (sum, f) => sum + lineHeight(LABEL) + measureParagraph(flow.fonts, f.value, BODY, columnWidth) + 4,
    lineHeight(H2) + 6,
  );
  const legendLines = bodyMap ? Math.max(bodyMap.legend.length, 1) : 0;
  const mapHeight = bodyMap ? lineHeight(H2) + 6 + figureHeight + 16 + legendLines * lineHeight({ size: 9 }) : 0;
  const available = PAGE.height - MARGIN.top - MARGIN.bottom;
  // Side by side when it fits on one page (always, in practice); otherwise facts flow below the map.
  const isSideBySide = Math.max(factsHeight, mapHeight) <= available;
  ensureSpace(flow, isSideBySide ? Math.max(factsHeight, mapHeight) : mapHeight);
  const top = flow.y;

  if (bodyMap) {
    drawLineAt(flow, flow.page, labels.bodyMap, MARGIN.left, top - H2.size, H2);
    // The figures themselves are never mirrored: the client's left stays on the figure's left.
    drawBodyMap(flow.page, flow.fonts, bodyMap, boxX(flow, MARGIN.left, mapWidth), top - lineHeight(H2) - 6, figureHeight);
    let y = top - lineHeight(H2) - 6 - figureHeight - 16;
    const legend = bodyMap.legend.length > 0 ? bodyMap.legend.map((l) => `${l.marker}  ${l.label}`) : [labels.noRegions];
    for (const entry of legend) {
      drawLineAt(flow, flow.page, fitLine(flow.fonts, entry, { size: 9 }, mapWidth + 10), MARGIN.left, y, { size: 9 });
      y -= lineHeight({ size: 9 });
    }
  }
  if (isSideBySide) {
    flow.y = top;
    paragraph(flow, labels.keyFacts, H2, columnX, columnWidth);
    gap(flow, 6);
    for (const fact of keyFacts) {
      paragraph(flow, fact.label, LABEL, columnX, columnWidth);
      paragraph(flow, fact.value, BODY, columnX, columnWidth);
      gap(flow, 4);
    }
    flow.y = Math.min(flow.y, top - mapHeight);
  } else {
    flow.y = top - mapHeight;
    paragraph(flow, labels.keyFacts, H2);
    for (const fact of keyFacts) {
      paragraph(flow, fact.label, LABEL);
      paragraph(flow, fact.value, BODY);
    }
  }
  gap(flow, 12);
}

const QUESTION_WIDTH = CONTENT_WIDTH * 0.44;
const ANSWER_X = MARGIN.left + QUESTION_WIDTH + 12;
const ANSWER_WIDTH = PAGE.width - MARGIN.right - ANSWER_X;
const Q_STYLE: TextStyle = { size: 9, color: MUTED };
const A_STYLE: TextStyle = { size: 9.5 };

function drawSections(flow: Flow, model: SummaryModel): void {
  if (model.sections.length === 0) return;
  ensureSpace(flow, 80);
  rule(flow, INK, 1);
  gap(flow, 6);
  paragraph(flow, model.labels.answers, H2);
  for (const section of model.sections) {
    gap(flow, 8);
    // Keep a section title with its first row.
    ensureSpace(flow, lineHeight(H3) + 3 * lineHeight(A_STYLE));
    paragraph(flow, section.title, H3);
    gap(flow, 2);
    for (const item of section.items) drawAnswerRow(flow, item.label, item.value);
  }
  gap(flow, 10);
}

/** A two-column row; it may break across pages line by line (a long answer, say). */
function drawAnswerRow(flow: Flow, question: string, answer: string): void {
  const questionLines = wrapText(flow.fonts, question, Q_STYLE, QUESTION_WIDTH);
  const answerLines = wrapText(flow.fonts, answer, A_STYLE, ANSWER_WIDTH);
  const step = lineHeight(A_STYLE);
  ensureSpace(flow, Math.min(questionLines.length, 3) * step + 4);
  flow.page.drawLine({ start: { x: MARGIN.left, y: flow.y }, end: { x: PAGE.width - MARGIN.right, y: flow.y }, thickness: 0.4, color: RULE });
  flow.y -= 3;
  const rows = Math.max(questionLines.length, answerLines.length);
  for (let i = 0; i < rows; i += 1) {
    ensureSpace(flow, step);
    flow.y -= step;
    const baseline = flow.y + step - A_STYLE.size;
    const q = questionLines[i];
    const a = answerLines[i];
    if (q) drawLineAt(flow, flow.page, q, MARGIN.left, baseline, Q_STYLE);
    if (a) drawLineAt(flow, flow.page, a, ANSWER_X, baseline, A_STYLE);
  }
  flow.y -= 2;
}

const SIGNATURE_BOX = { width: 240, height: 90 } as const;

function drawConsentAndSignature(flow: Flow, model: SummaryModel): void {
  const { labels } = model;
  if (model.consents.length > 0) {
    ensureSpace(flow, 60);
    rule(flow, INK, 1);
    gap(flow, 6);
    paragraph(flow, labels.consent, H2);
    for (const consent of model.consents) {
      gap(flow, 6);
      paragraph(flow, consent.title, H3);
      gap(flow, 2);
      paragraph(flow, consent.text, { size: 9.5, leading: 1.4 });
      gap(flow, 2);
      paragraph(flow, consent.answer, { size: 10, weight: 'bold' });
    }
    gap(flow, 10);
  }
  drawSignatures(flow, model);
  gap(flow, 12);
  paragraph(
    flow,
    `${labels.form}: ${model.form.title} (${model.form.id}) · ${labels.version} ${model.form.version} · ${labels.language}: ${model.language} · ${labels.submission}: ${model.submissionId}`,
    SMALL,
  );
}

const SIGNATURE_GAP = CONTENT_WIDTH - 2 * SIGNATURE_BOX.width;

/**
 * The drawn signatures, two to a row: the client's, then (for a minor) the guardian's beside it,
 * each under its label ("Client's signature", "Parent or guardian's signature") and over who signed.
 */
function drawSignatures(flow: Flow, model: SummaryModel): void {
  const { labels, signatures } = model;
  const captionWidth = SIGNATURE_BOX.width;
  const rowHeight = lineHeight(LABEL) + 4 + SIGNATURE_BOX.height + 4 + 2 * lineHeight(SMALL);
  ensureSpace(flow, lineHeight(H2) + 4 + (signatures.length > 0 ? rowHeight : lineHeight(BODY)));
  paragraph(flow, labels.signature, H2);
  gap(flow, 4);
  if (signatures.length === 0) {
    paragraph(flow, labels.noSignature, BODY);
    return;
  }
  for (let i = 0; i < signatures.length; i += 2) {
    ensureSpace(flow, rowHeight);
    const top = flow.y;
    let bottom = top;
    signatures.slice(i, i + 2).forEach((signature, column) => {
      const x = MARGIN.left + column * (SIGNATURE_BOX.width + SIGNATURE_GAP);
      flow.y = top;
      paragraph(flow, fitLine(flow.fonts, signature.label, LABEL, captionWidth), LABEL, x, captionWidth);
      gap(flow, 4);
      flow.y -= SIGNATURE_BOX.height;
      drawSignature(flow.page, signature.value, boxX(flow, x, SIGNATURE_BOX.width), flow.y, SIGNATURE_BOX.width, SIGNATURE_BOX.height);
      gap(flow, 4);
      paragraph(flow, [signature.signer, model.visit.text].filter((t) => t !== '').join(' · '), SMALL, x, captionWidth);
      bottom = Math.min(bottom, flow.y);
    });
    flow.y = bottom;
    gap(flow, 6);
  }
}

/** Header (clinic, client, visit date) and footer ("Page N of M") on every page. */
function drawPageChrome(flow: Flow, model: SummaryModel): void {
  const total = flow.pages.length;
  const headerStyle: TextStyle = { size: 8, color: MUTED };
  const header = `${model.clinic.name}  ·  ${model.client.name}  ·  ${model.visit.dateText}`;
  flow.pages.forEach((page, index) => {
    drawLineAt(flow, page, fitLine(flow.fonts, header, headerStyle, CONTENT_WIDTH), MARGIN.left, PAGE.height - 32, headerStyle);
    page.drawLine({ start: { x: MARGIN.left, y: PAGE.height - 38 }, end: { x: PAGE.width - MARGIN.right, y: PAGE.height - 38 }, thickness: 0.5, color: RULE });
    page.drawLine({ start: { x: MARGIN.left, y: MARGIN.bottom - 14 }, end: { x: PAGE.width - MARGIN.right, y: MARGIN.bottom - 14 }, thickness: 0.5, color: RULE });
    // Identifiers only (form id, version, submission), the same in every language.
    const footer = `${model.form.id} v${model.form.version} · ${model.submissionId}`;
    drawLineAt(flow, page, fitLine(flow.fonts, footer, headerStyle, CONTENT_WIDTH - 120), MARGIN.left, MARGIN.bottom - 26, headerStyle);
    const pageText = model.labels.pageOf.replace('{n}', String(index + 1)).replace('{m}', String(total));
    drawLineEnd(flow, page, pageText, PAGE.width - MARGIN.right, MARGIN.bottom - 26, { size: 8.5, weight: 'bold' });
  });
}

