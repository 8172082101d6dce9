/**
 * A flag's words for the staff member reading it: the form carries every language's title,
 * guidance and trigger labels (DetailFlag.byLanguage); the staff screens show the reader's
 * staff language, and the form's default language where the form has none for it (or for a
 * flag the kiosk derived itself).
 */
import type { DetailFlag, FlagTexts } from '../../../api/contract.ts';

export interface ShownFlagTexts extends FlagTexts {
  /** The language the words are in (for the `lang` attribute: a screen reader speaks them in it). */
  readonly lang: string;
}

export function flagTextsFor(flag: DetailFlag, readerLanguage: string): ShownFlagTexts {
  const base = readerLanguage.split('-')[0] ?? readerLanguage;
  for (const lang of [readerLanguage, base]) {
    const own = flag.byLanguage[lang];
    if (own && own.title !== '') return { ...own, lang };
  }
  return { title: flag.title, guidance: flag.guidance, triggers: flag.triggers.map(({ question, answer }) => ({ question, answer })), lang: flag.language };
}
