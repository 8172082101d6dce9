/**
 * Where a line may break: the Unicode line breaking algorithm (UAX #14, the `linebreak`
 * package, as PDFKit uses it), which breaks between CJK characters and keeps punctuation
 * with its word. Thai, Lao, Khmer and Myanmar write words without spaces and UAX #14
 * leaves them to a dictionary (class SA): ICU's word segmenter (Intl.Segmenter) is that
 * dictionary, so its word boundaries are added inside such runs.
 */
import LineBreaker from 'linebreak';

const NEEDS_DICTIONARY = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** The paragraph cut at every break opportunity; each piece keeps its trailing spaces. */
export function breakTokens(paragraph: string): string[] {
  const positions = new Set<number>();
  const breaker = new LineBreaker(paragraph);
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) positions.add(bk.position);
  if (NEEDS_DICTIONARY.test(paragraph)) {
    for (const { index, segment } of segmenter.segment(paragraph)) {
      const before = paragraph[index - 1] ?? '';
      // Only between two dictionary-script characters: elsewhere UAX #14 already decided.
      if (index > 0 && NEEDS_DICTIONARY.test(before) && NEEDS_DICTIONARY.test(segment[0] ?? '')) positions.add(index);
    }
  }
  const sorted = [...positions].filter((p) => p > 0 && p <= paragraph.length).sort((a, b) => a - b);
  const out: string[] = [];
  let start = 0;
  for (const end of sorted) {
    out.push(paragraph.slice(start, end));
    start = end;
  }
  if (start < paragraph.length) out.push(paragraph.slice(start));
  return out;
}
