/**
 * PDF/A-1b (ISO 19005-1, level B) for the summary: what a pdf-lib document lacks to be an
 * archive file. render.ts calls makePdfA1b just before saving; sign.ts's re-save keeps
 * every part of it (catalog entries, the trailer /ID, the Info dictionary it mirrors).
 *
 * - XMP metadata with pdfaid part 1 / conformance B, mirroring the Info dictionary
 *   (title, author, creator tool, producer, dates), unfiltered as 6.7.2 asks.
 * - An sRGB OutputIntent (GTS_PDFA1), since every colour is DeviceRGB (6.2.2).
 * - A trailer /ID (6.1.3), random: nothing about the client goes into it.
 * - No transparency (6.4): a logo PNG with an alpha channel is flattened onto white
 *   before embedding, so pdf-lib writes no /SMask; nothing else sets opacity or blend.
 * Fonts are embedded by fonts.ts; the signature widget (@signpdf's placeholder) is
 * invisible, printable and has an appearance stream, as 6.5.3 asks.
 */
import { randomBytes } from 'node:crypto';
import UPNG from '@pdf-lib/upng';
import { PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { srgbIccProfile, SRGB_OUTPUT_CONDITION } from './srgb-icc.ts';

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** XMP dates as pdf-lib writes Info dates (UTC, whole seconds), so the two agree exactly. */
function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface ArchiveMetadata {
  readonly title: string;
  readonly author: string;
  readonly creatorTool: string;
  readonly producer: string;
  readonly createdAt: Date;
  readonly modifiedAt: Date;
}

/** The XMP packet (XMP spec part 1, 7.3) for `meta`. */
export function xmpPacket(meta: ArchiveMetadata): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>1</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>${escapeXml(meta.creatorTool)}</xmp:CreatorTool>
   <xmp:CreateDate>${xmpDate(meta.createdAt)}</xmp:CreateDate>
   <xmp:ModifyDate>${xmpDate(meta.modifiedAt)}</xmp:ModifyDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${escapeXml(meta.producer)}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** What the Info dictionary says, which the XMP must repeat (6.7.3); a missing entry is an error. */
export function infoMetadata(doc: PDFDocument): ArchiveMetadata {
  const title = doc.getTitle();
  const author = doc.getAuthor();
  const creatorTool = doc.getCreator();
  const producer = doc.getProducer();
  const createdAt = doc.getCreationDate();
  const modifiedAt = doc.getModificationDate();
  if (title === undefined || author === undefined || creatorTool === undefined || producer === undefined || !createdAt || !modifiedAt) {
    throw new Error('PDF/A needs title, author, creator, producer and both dates set first');
  }
  return { title, author, creatorTool, producer, createdAt, modifiedAt };
}

/**
 * Makes `doc` PDF/A-1b: XMP that mirrors its Info dictionary (set those first), the sRGB
 * OutputIntent and a trailer /ID. Call once, after drawing, before save.
 */
export function makePdfA1b(doc: PDFDocument): void {
  const meta = infoMetadata(doc);
  const { context, catalog } = doc;

  const metadata = context.stream(new TextEncoder().encode(xmpPacket(meta)), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(metadata));

  const profile = context.flateStream(srgbIccProfile(), { N: 3 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_OUTPUT_CONDITION),
    Info: PDFString.of(SRGB_OUTPUT_CONDITION),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(profile),
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));

  const id = PDFHexString.of(randomBytes(16).toString('hex'));
  context.trailerInfo.ID = context.obj([id, id]);
}

/**
 * A PNG with any transparency composited onto white, re-encoded without an alpha channel:
 * PDF/A-1 forbids the soft mask pdf-lib would otherwise write for it. Opaque PNGs come back as they are.
 */
export function opaquePng(bytes: Uint8Array): Uint8Array {
  const image = UPNG.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const [frame] = UPNG.toRGBA8(image);
  if (!frame) return bytes;
  const rgba = new Uint8Array(frame);
  let hasAlpha = false;
  for (let i = 3; i < rgba.length; i += 4) {
    const alpha = rgba[i] ?? 255;
    if (alpha === 255) continue;
    hasAlpha = true;
    for (let c = i - 3; c < i; c += 1) rgba[c] = Math.round(((rgba[c] ?? 0) * alpha + 255 * (255 - alpha)) / 255);
    rgba[i] = 255;
  }
  return hasAlpha ? new Uint8Array(UPNG.encode([rgba.buffer], image.width, image.height, 0)) : bytes;
}
