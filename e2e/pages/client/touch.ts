import { expect, type Locator } from '@playwright/test';

/**
 * A real finger tap at the centre of what the client sees: CDP touch events through
 * Playwright's touchscreen, so the browser itself produces the pointer events and the
 * compatibility mouse events and click that follow, hit-tested where they land. (Not
 * element.click(), which would skip exactly the events a layout change misdirects.)
 */
export async function fingerTap(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await expect(target).toBeVisible();
  const box = await target.boundingBox();
  if (!box) throw new Error('Nothing to tap: the element has no box.');
  await target.page().touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * A finger drawing a wave across `target` (a signature pad): CDP touchStart, touchMoves and
 * touchEnd, so the page gets the pointer events a real finger makes (pointerType "touch").
 * The finger comes to rest before it lifts, as a signing finger does: lifted while still
 * moving fast (CDP sends the moves a millisecond apart), the browser takes the stroke for a
 * fling, and the next tap on the page (Next) only stops that fling and never clicks
 * (Chromium's tap suppression after a fling is cancelled).
 */
export async function fingerDraw(target: Locator, points = 30): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await expect(target).toBeVisible();
  const box = await target.boundingBox();
  if (!box) throw new Error('Nothing to draw on: the element has no box.');
  const page = target.page();
  const cdp = await page.context().newCDPSession(page);
  const at = (i: number) => ({ x: box.x + box.width * (0.15 + (0.7 * i) / points), y: box.y + box.height * (0.5 + 0.25 * Math.sin(i / 2.5)) });
  try {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(0)] });
    for (let i = 1; i <= points; i += 1) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(i)] });
    // At rest for longer than the browser's velocity window (100 ms), then lifted.
    await page.waitForTimeout(150);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(points)] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
}
