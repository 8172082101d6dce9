/**
 * The plain-HTTP install page in the device's language: every language complete and translated
 * (parity with English), Accept-Language and `?lang=` pick the language, `lang` and `dir` are
 * right (Arabic right to left), and the clinic's name cannot inject markup in any language.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_LANGUAGES } from '../api/contract.ts';
import { installPage, pageLanguage } from './install-page.ts';
import { INSTALL_PAGE_TEXT } from './install-page-text.ts';
import { createPlainHttpServer } from './plain-http.ts';

const EN = INSTALL_PAGE_TEXT.en;
const OTHERS = STAFF_LANGUAGES.filter((l) => l !== 'en');
const placeholders = (text: string) => [...text.matchAll(/\{[a-z]+\}/g)].map((m) => m[0]).sort();
const FACTS = { clinicName: 'Harbour Clinic', caFingerprint: 'AB:CD:EF', origin: 'https://clinic.test:8443' };

describe('the install page texts', () => {
  it.each(OTHERS)('%s: every entry there, not empty, not the English text, same placeholders and number of steps', (lang) => {
    const text = INSTALL_PAGE_TEXT[lang];
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
      const english = EN[key];
      const translated = text[key];
      if (typeof english === 'string') {
        expect(typeof translated, key).toBe('string');
        expect((translated as string).trim(), key).not.toBe('');
        expect(translated, key).not.toBe(english);
        expect(placeholders(translated as string), key).toEqual(placeholders(english));
      } else {
        const list = translated as readonly string[];
        expect(list, key).toHaveLength(english.length);
        list.forEach((step, i) => {
          expect(step.trim(), `${key}[${i}]`).not.toBe('');
          expect(step, `${key}[${i}]`).not.toBe(english[i]);
          expect(placeholders(step), `${key}[${i}]`).toEqual(placeholders(english[i] ?? ''));
        });
      }
    }
    expect(Object.keys(text).sort()).toEqual(Object.keys(EN).sort());
  });
});

describe('choosing the language', () => {
  it.each([
    ['es-MX,es;q=0.9,en;q=0.8', undefined, 'es'],
    ['fr-CA', undefined, 'fr'],
    ['zh-CN,zh;q=0.9', undefined, 'zh'],
    ['de-DE, ko;q=0.5, en;q=0.4', undefined, 'ko'],
    ['ru;q=0.1, vi;q=0.9', undefined, 'vi'],
    ['AR-eg', undefined, 'ar'],
    ['es;q=0, fr;q=0.2', undefined, 'fr'],
    ['de, *;q=0.5', undefined, 'en'],
    ['', undefined, 'en'],
    [undefined, undefined, 'en'],
    ['q=garbage;;,', undefined, 'en'],
    ['fr', 'ko', 'ko'],
    ['fr', 'xx', 'fr'],
  ])('Accept-Language %j, ?lang=%s -> %s', (header, param, expected) => {
    expect(pageLanguage(header, param)).toBe(expected);
  });
});

describe('the page', () => {
  it.each(STAFF_LANGUAGES)('%s: lang and dir on the document, its own title, steps and button', (lang) => {
    const html = installPage(FACTS, lang);
    expect(html).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
    const t = INSTALL_PAGE_TEXT[lang];
    expect(html).toContain(`<h1>${t.title.replace('{clinic}', 'Harbour Clinic')}</h1>`);
    expect(html).toContain('<code dir="ltr">AB:CD:EF</code>');
    expect(html).toContain('href="https://clinic.test:8443/"');
    expect((html.match(/<li>/g) ?? []).length).toBeGreaterThanOrEqual(9);
  });

  it.each(STAFF_LANGUAGES)('%s: the clinic name and fingerprint are escaped', (lang) => {
    const html = installPage({ clinicName: `<script>alert("x")</script> & 'Co' $& $1`, caFingerprint: '<b>', origin: 'https://clinic.test"><x' }, lang);
    expect(html).not.toMatch(/<script|<b>|"><x/);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;Co&#39; $&#38; $1');
  });

  it('an empty clinic name reads as "the clinic" in the page language', () => {
    expect(installPage({ ...FACTS, clinicName: ' ' }, 'es')).toContain('<h1>Conecte este dispositivo a la clínica</h1>');
  });
});

describe('over plain HTTP', () => {
  const server = createPlainHttpServer({ caPem: 'PEM', clinicName: () => 'Harbour Clinic', names: ['127.0.0.1'], httpsPort: 8443, caFingerprint: 'AB:CD' });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, acceptLanguage: string) =>
    new Promise<{ headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers: { 'accept-language': acceptLanguage } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('an Arabic browser gets the page right to left, and says which language it got', async () => {
    const { headers, body } = await get('/', 'ar-EG,ar;q=0.9,en;q=0.5');
    expect(headers['content-language']).toBe('ar');
    expect(headers['vary']).toBe('Accept-Language');
    expect(body).toContain('<html lang="ar" dir="rtl">');
    expect(body).toContain(INSTALL_PAGE_TEXT.ar.download);
  });

  it('a language link (?lang=) wins over the browser language', async () => {
    const { body } = await get('/?lang=ko', 'fr');
    expect(body).toContain('<html lang="ko" dir="ltr">');
    expect(body).toContain('<span lang="ko" aria-current="page">한국어</span>');
    expect(body).toContain('<a href="/?lang=fr" lang="fr" hreflang="fr">Français</a>');
  });
});
