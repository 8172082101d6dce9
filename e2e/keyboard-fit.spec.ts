/**
 * Issue 18/20: every on-screen keyboard layout fits. For each client language's text keyboard
 * (every layer: capitals, accents, Latin letters), the email keyboard and the phone and number
 * pads, at 768 px (100% and 200% text) and on the 1080 px kiosk at 200% text: each key's box is
 * inside the viewport and above the bottom bar, at least 48 px, its label not cut off, and no
 * key overlaps another or is covered by anything. Each layout at 768 px is saved under
 * artifacts/screens/keyboards/, and each language's keyboard is scanned by axe.
 */
import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { keyboardLayout, nextLayer, rowKeys, type KeyboardKind } from '../renderer/src/widgets/keyboard-layouts.ts';
import { test, expect } from './fixtures.ts';
import { setTextScale, unreachable } from './pages/client/geometry.ts';
import { IntakeFlow } from './pages/client/intake-flow.ts';
import { expectNoAxeViolations, PORTRAIT, SCREENS_DIR } from './pages/client/screens.ts';
import { fingerTap } from './pages/client/touch.ts';

test.use({ hasTouch: true, viewport: PORTRAIT });
test.describe.configure({ mode: 'parallel', timeout: 240_000 });

const SHOTS = join(SCREENS_DIR, 'keyboards');
const TABLET = { width: 768, height: 1024 } as const;
const CONDITIONS = [
  { label: '768 px, 100% text', size: TABLET, scale: 100, shots: true },
  { label: '768 px, 200% text', size: TABLET, scale: 200, shots: false },
  { label: '1080 px kiosk, 200% text', size: PORTRAIT, scale: 200, shots: false },
] as const;

const LANGUAGES = [
  { lang: 'en', native: 'English' },
  { lang: 'es', native: 'Español' },
  { lang: 'fr', native: 'Français' },
  { lang: 'zh', native: '中文' },
  { lang: 'vi', native: 'Tiếng Việt' },
  { lang: 'ko', native: '한국어' },
  { lang: 'ar', native: 'العربية' },
  { lang: 'ru', native: 'Русский' },
] as const;

/** The layer keys to press to get from layer `from` to `to` (breadth first over the layout's own keys). */
function layerPath(lang: string, kind: KeyboardKind, from: string, to: string): string[] {
  const layout = keyboardLayout(lang, kind);
  const paths = new Map<string, string[]>([[from, []]]);
  const queue = [from];
  for (let layer = queue.shift(); layer !== undefined; layer = queue.shift()) {
    for (const key of (layout[layer] ?? []).flatMap(rowKeys).filter((k) => k.startsWith('{'))) {
      const next = nextLayer(layer, key);
      if (!paths.has(next)) {
        paths.set(next, [...(paths.get(layer) ?? []), key]);
        queue.push(next);
      }
    }
  }
  const path = paths.get(to);
  if (!path) throw new Error(`${lang}/${kind}: layer ${to} cannot be reached from ${from}`);
  return path;
}

/** Keys that overlap one another or are covered by something else at their centre. */
async function overlapped(keys: Locator): Promise<string[]> {
  return keys.evaluateAll((els) => {
    const problems: string[] = [];
    const boxes = els.map((el) => ({ el, r: el.getBoundingClientRect(), name: el.getAttribute('data-skbtn') ?? '?' }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 0.5 && h > 0.5) problems.push(`${a.name} overlaps ${b.name}`);
      }
      const hit = document.elementFromPoint(a.r.left + a.r.width / 2, a.r.top + a.r.height / 2);
      if (hit?.closest('.hg-button') !== a.el) problems.push(`${a.name} is covered at its centre by ${hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing (off screen)'}`);
    }
    return problems;
  });
}

/** The layer simple-keyboard shows: it marks its root (the keyboard itself) hg-layout-<layer>. */
const currentLayer = (keyboard: Locator) => keyboard.evaluate((el) => /hg-layout-(\S+)/u.exec(el.className)?.[1] ?? 'default');

/** Opens `field`'s keyboard, checks every layer of it, closes it. */
async function checkKeyboard(page: Page, field: Locator, question: Locator, lang: string, kind: KeyboardKind, where: string, shots: boolean): Promise<void> {
  await fingerTap(field);
  const keyboard = question.getByTestId('on-screen-keyboard');
  await expect(keyboard, where).toBeVisible();
  for (const layer of Object.keys(keyboardLayout(lang, kind))) {
    for (const key of layerPath(lang, kind, await currentLayer(keyboard), layer)) await fingerTap(keyboard.locator(`[data-skbtn="${key}"]`).first());
    await expect.poll(() => currentLayer(keyboard), `${where}: layer ${layer}`).toBe(layer);
    const keys = keyboard.locator('.hg-button');
    const label = `${where}, ${kind}/${layer}`;
    if (shots) await page.screenshot({ path: join(SHOTS, `${lang}-${kind}-${layer}-768.png`) });
    await expect.poll(() => unreachable(keys), label).toEqual([]);
    await expect.poll(() => overlapped(keys), label).toEqual([]);
  }
  await fingerTap(keyboard.locator('[data-skbtn="{done}"]'));
  await expect(page.getByTestId('on-screen-keyboard'), where).toHaveCount(0);
}

for (const { lang, native } of LANGUAGES) {
  test(`${lang}: every key of every layer fits and stands clear, at 768 px and at 200% text`, async ({ kiosk }) => {
    mkdirSync(SHOTS, { recursive: true });
    const flow = new IntakeFlow(kiosk, `keyboard-fit-${lang}`, { record: false });
    const s = flow.step;
    await flow.attract.chooseLanguage(native);
    await flow.attract.start();
    const fields: readonly { id: string; kind: KeyboardKind }[] = [
      { id: 'first_name', kind: 'text' },
      // The shared email and phone pads, checked once (in English) at every size.
      ...(lang === 'en' ? [{ id: 'email', kind: 'email' as const }, { id: 'phone', kind: 'phone' as const }] : []),
    ];
    for (const c of CONDITIONS) {
      await kiosk.setViewportSize(c.size);
      await setTextScale(kiosk, c.scale);
      for (const f of fields) {
        const question = s.question(f.id);
        await checkKeyboard(kiosk, question.locator('input'), question, lang, f.kind, `${lang} ${c.label}`, c.shots);
      }
    }

    // One axe scan per language with its letters open, at 768 px.
    await setTextScale(kiosk, 100);
    await kiosk.setViewportSize(TABLET);
    await fingerTap(s.question('first_name').locator('input'));
    await expectNoAxeViolations(kiosk, `${lang} keyboard at 768 px`);
    await fingerTap(kiosk.locator('[data-skbtn="{done}"]'));

    if (lang === 'en') {
      // The number pad lives on the next step (sessions so far, after "muscle spasms: yes").
      await s.fill('first_name', 'Ana');
      await s.fill('last_name', 'Ruiz');
      await s.date('date_of_birth', '1980-03-04');
      await s.fill('phone', '5550100');
      await s.fill('emergency_name', 'Pat Doe');
      await s.fill('emergency_phone', '5550101');
      await s.next();
      await s.yesNo('muscle_spasms', true);
      for (const c of CONDITIONS) {
        await kiosk.setViewportSize(c.size);
        await setTextScale(kiosk, c.scale);
        const question = s.question('spasm_sessions');
        await checkKeyboard(kiosk, question.locator('input'), question, lang, 'number', `${lang} ${c.label}`, c.shots);
      }
    }
  });
}
