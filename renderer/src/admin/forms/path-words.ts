/**
 * A definition path (`steps[2].questions[3].visibleIf`, `identity.name[0]`) as the place an
 * admin recognises ("Step 3, question 4"), counted from 1; null when the path names nothing
 * more specific than the form.
 */
export type Translate = (key: string, values?: Readonly<Record<string, string | number>>) => string;

export function pathInWords(path: string, t: Translate): string | null {
  const n = (s: string | undefined) => Number(s) + 1;
  let m = /^steps\[(\d+)\]\.questions\[(\d+)\]\.options\[(\d+)\]/.exec(path);
  if (m) return t('where.stepQuestionOption', { step: n(m[1]), question: n(m[2]), option: n(m[3]) });
  m = /^steps\[(\d+)\]\.questions\[(\d+)\]/.exec(path);
  if (m) return t('where.stepQuestion', { step: n(m[1]), question: n(m[2]) });
  m = /^steps\[(\d+)\]/.exec(path);
  if (m) return t('where.step', { step: n(m[1]) });
  m = /^rules\[(\d+)\]/.exec(path);
  if (m) return t('where.rule', { rule: n(m[1]) });
  m = /^identity\.name(?:\[(\d+)\])?/.exec(path);
  if (m) return t('where.identityName', { n: m[1] === undefined ? 1 : n(m[1]) });
  if (path.startsWith('identity.dateOfBirth')) return t('where.identityDob');
  return null;
}
