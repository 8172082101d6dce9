/**
 * What a client can actually see and touch, measured in the page: boxes inside the viewport,
 * clear of the sticky bottom bar, at least the 48 px target, their text not clipped.
 */
import type { Locator, Page } from '@playwright/test';

export const MIN_TARGET_PX = 48;

/** Problems with each element's box, as readable lines ("[data-skbtn=p] ends at 781 > 768"). */
export async function unreachable(targets: Locator, options: { readonly minPx?: number } = {}): Promise<string[]> {
  const minPx = options.minPx ?? MIN_TARGET_PX;
  return targets.evaluateAll((els, min) => {
    const nav = document.querySelector('.flow-nav');
    const bottomLimit = nav ? nav.getBoundingClientRect().top : window.innerHeight;
    const problems: string[] = [];
    for (const el of els) {
      const r = el.getBoundingClientRect();
      const name = el.getAttribute('data-skbtn') ?? el.textContent?.trim() ?? el.tagName;
      if (r.left < -0.5 || r.right > window.innerWidth + 0.5) problems.push(`${name}: ${Math.round(r.left)}..${Math.round(r.right)} is outside 0..${window.innerWidth}`);
      if (r.top < -0.5 || r.bottom > bottomLimit + 0.5) problems.push(`${name}: ${Math.round(r.top)}..${Math.round(r.bottom)} is outside 0..${Math.round(bottomLimit)} (above the bar)`);
      if (r.width < min - 0.5 || r.height < min - 0.5) problems.push(`${name}: ${Math.round(r.width)}x${Math.round(r.height)} is under ${min} px`);
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) problems.push(`${name}: its label is cut off`);
    }
    return problems;
  }, minPx);
}

/** The box of the focused element as the client sees it (a tile's hidden input is its tile). */
export async function focusedCoveredByBar(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const nav = document.querySelector('.flow-nav');
    if (!nav || nav.contains(el)) return null;
    const face = el.closest('label') ?? el;
    const r = face.getBoundingClientRect();
    const barTop = nav.getBoundingClientRect().top;
    const what = `${el.tagName.toLowerCase()}#${el.id || (el as HTMLInputElement).name || ''} "${(face.textContent ?? '').trim().slice(0, 30)}"`;
    if (r.bottom > barTop + 0.5) return `${what} ends at ${Math.round(r.bottom)}, under the bar from ${Math.round(barTop)}`;
    if (r.top < -0.5) return `${what} starts above the screen at ${Math.round(r.top)}`;
    return null;
  });
}

/** Sets the text size the way the 200% check does: the kiosk's own base size doubled. */
export async function setTextScale(page: Page, percent: 100 | 200): Promise<void> {
  await page.evaluate((p) => {
    if (p === 100) document.documentElement.style.removeProperty('font-size');
    else document.documentElement.style.setProperty('font-size', `${1.375 * p}%`);
  }, percent);
}
