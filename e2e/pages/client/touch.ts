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
