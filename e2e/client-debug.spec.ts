import { test } from './fixtures.ts';
test.use({ hasTouch: true, viewport: { width: 1080, height: 1920 } });
test('debug', async ({ kiosk }) => {
  kiosk.on('console', (m) => console.log('CONSOLE', m.type(), m.text().slice(0, 500)));
  kiosk.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await kiosk.locator('.start-button').tap();
  await kiosk.locator('[data-question="first_name"] input').tap();
  await kiosk.waitForTimeout(500);
  console.log(await kiosk.evaluate(() => document.activeElement?.outerHTML.slice(0, 200)));
  console.log((await kiosk.content()).length, (await kiosk.locator('.osk').count()));
  await kiosk.screenshot({ path: 'artifacts/debug.png' });
});
