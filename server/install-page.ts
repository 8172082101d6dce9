/**
 * The plain-HTTP port's one page: how to install the clinic CA on this device, in the device's
 * language (Accept-Language, or `?lang=` from the page's own language links), with `lang` and
 * `dir` set (Arabic right to left). Words from install-page-text.ts; every text and value is
 * HTML-escaped before the placeholders are filled with escaped values.
 */
import { createHash } from 'node:crypto';
import { STAFF_LANGUAGES, type StaffLanguage } from '../api/contract.ts';
import { INSTALL_PAGE_TEXT } from './install-page-text.ts';

export const CA_DOWNLOAD_PATH = '/clinic-ca.crt';

/** Each language's own name, for the language links. */
const LANGUAGE_NAMES: Readonly<Record<StaffLanguage, string>> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  zh: '中文',
  vi: 'Tiếng Việt',
  ko: '한국어',
  ar: 'العربية',
  ru: 'Русский',
};
const RTL: ReadonlySet<StaffLanguage> = new Set(['ar']);

const PAGE_STYLE =
  'body{font:18px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}a.button{display:inline-block;padding:.75rem 1.25rem;background:#0b5394;color:#fff;border-radius:.5rem;text-decoration:none}code{word-break:break-all}h2{margin-top:2rem}nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}nav a{color:#0b5394}';
/** No script at all, and only this page's one style block (by hash): the strict policy, for a static page. */
export const INSTALL_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'; img-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const isPageLanguage = (tag: string): tag is StaffLanguage => (STAFF_LANGUAGES as readonly string[]).includes(tag);

/**
 * The page language for a request: `?lang=` when it names one of ours, else the best of the
 * Accept-Language header (by q, then order; `es-MX` matches `es`; q=0 never), else English.
 */
export function pageLanguage(acceptLanguage: string | undefined, langParam?: string | null): StaffLanguage {
  const asked = langParam?.toLowerCase();
  if (asked && isPageLanguage(asked)) return asked;
  const ranges = (acceptLanguage ?? '')
    .slice(0, 1_000)
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { primary: range.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && Number.isFinite(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges.map((r) => r.primary).find(isPageLanguage) ?? 'en';
}

export interface InstallPageFacts {
  readonly clinicName: string;
  readonly caFingerprint: string;
  /** The HTTPS origin to continue to. */
  readonly origin: string;
}

export function installPage(facts: InstallPageFacts, lang: StaffLanguage): string {
  const t = INSTALL_PAGE_TEXT[lang];
  const clinic = escapeHtml(facts.clinicName.trim() || t.theClinic);
  const fingerprint = `<code dir="ltr">${escapeHtml(facts.caFingerprint)}</code>`;
  // Replacer functions: a `$&` in a clinic's name is text, not a replacement pattern.
  const fill = (text: string) =>
    escapeHtml(text)
      .replace('{clinic}', () => clinic)
      .replace('{fingerprint}', () => fingerprint);
  const steps = (list: readonly string[]) => `<ol>${list.map((s) => `<li>${fill(s)}</li>`).join('')}</ol>`;
  const links = STAFF_LANGUAGES.map((l) =>
    l === lang ? `<li><span lang="${l}" aria-current="page">${LANGUAGE_NAMES[l]}</span></li>` : `<li><a href="/?lang=${l}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a></li>`,
  ).join('');
  return `<!doctype html>
<html lang="${lang}" dir="${RTL.has(lang) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fill(t.title)}</title>
<style>${PAGE_STYLE}</style>
</head><body>
<nav aria-label="${escapeHtml(t.languageLabel)}"><ul>${links}</ul></nav>
<main>
<h1>${fill(t.title)}</h1>
<p>${fill(t.intro)}</p>
<p><a class="button" href="${CA_DOWNLOAD_PATH}" download="clinic-ca.crt">${fill(t.download)}</a></p>
<p>${fill(t.fingerprint)}</p>
<h2>${fill(t.iphoneHeading)}</h2>${steps(t.iphoneSteps)}
<h2>Android</h2>${steps(t.androidSteps)}
<h2>Windows</h2>${steps(t.windowsSteps)}
<h2>macOS</h2>${steps(t.macSteps)}
<h2>${fill(t.thenHeading)}</h2><p><a class="button" href="${escapeHtml(facts.origin)}/">${fill(t.continue)}</a></p>
<p>${fill(t.docsNote)}</p>
</main></body></html>`;
}
