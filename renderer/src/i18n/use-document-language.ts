import { useLayoutEffect } from 'react';
import { languageDirection } from './direction.ts';

/**
 * Marks the whole document with `lang` and its direction while the calling screen is shown, and
 * puts back what was there when it leaves. The staff screens use it: opened from a kiosk whose
 * client was reading Arabic, the document must not stay right to left (scrollbars, anything
 * outside the staff root, `:dir()` styles) for an English reader, nor left to right for an Arabic
 * one; back in the client flow, the client's language and direction return. Before paint, so no
 * frame shows the other reader's direction.
 */
export function useDocumentLanguage(lang: string): void {
  useLayoutEffect(() => {
    const root = document.documentElement;
    const before = { lang: root.lang, dir: root.dir };
    return () => {
      root.lang = before.lang;
      root.dir = before.dir;
    };
  }, []);
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.lang = lang;
    root.dir = languageDirection(lang);
  }, [lang]);
}
