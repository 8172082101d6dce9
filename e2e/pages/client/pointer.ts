import type { Locator } from '@playwright/test';

/**
 * How the page objects press things: a finger on the lobby touchscreen (the default), or a
 * mouse where the page has no touch (Playwright's _electron.launch gives no hasTouch, and
 * tap() needs it). Typing and signing are the same for both.
 */
export type Pointer = 'touch' | 'mouse';

export function press(target: Locator, pointer: Pointer): Promise<void> {
  return pointer === 'touch' ? target.tap() : target.click();
}
