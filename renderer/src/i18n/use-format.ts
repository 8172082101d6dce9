import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createFormatter, resolveLocale, type Formatter } from './format.ts';

/** The formatter for whoever reads this screen: the language of the nearest i18n instance. */
export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => createFormatter(resolveLocale(language, typeof navigator === 'undefined' ? [] : navigator.languages)), [language]);
}
