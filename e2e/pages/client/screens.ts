/**
 * Evidence for every client screen: an axe-core scan (no violations allowed) and a
 * screenshot at the portrait kiosk size and at landscape, written to artifacts/screens/.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCREENS_DIR = fileURLToPath(new URL('../../../artifacts/screens', import.meta.url));

export const PORTRAIT = { width: 1080, height: 1920 } as const;
export const LANDSCAPE = { width: 1920, height: 1080 } as const;

/** Records screens for one intake under artifacts/screens/<flow>/. */
export class ScreenRecorder {
  private count = 0;
  private readonly page: Page;
  private readonly dir: string;
  private readonly isRecording: boolean;
  /** With `record: false` nothing is scanned or saved (flows that only exercise behaviour). */
  constructor(page: Page, flow: string, options: { readonly record?: boolean } = {}) {
    this.page = page;
    this.dir = join(SCREENS_DIR, flow);
    this.isRecording = options.record !== false;
    if (this.isRecording) mkdirSync(this.dir, { recursive: true });
  }

  /** Scans the screen with axe and saves it at both sizes; the page returns to portrait. */
  async capture(name: string, options: { readonly axe?: boolean } = {}): Promise<void> {
    if (!this.isRecording) return;
    this.count += 1;
    const stem = `${String(this.count).padStart(2, '0')}-${name}`;
    if (options.axe !== false) await expectNoAxeViolations(this.page, stem);
    for (const [label, size] of [['landscape', LANDSCAPE], ['portrait', PORTRAIT]] as const) {
      await this.page.setViewportSize(size);
      await this.page.screenshot({ path: join(this.dir, `${stem}-${label}.png`), fullPage: false });
    }
  }
}

export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe violations on "${where}"`).toEqual([]);
}
