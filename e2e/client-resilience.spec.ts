/**
 * What can go wrong at the kiosk: a failed or lost submit (retry, nothing stored twice,
 * double taps), refused signatures, 200% text, and the hidden staff entry.
 */
import { fail } from '../api/result.ts';
import type { Handler } from '../core/handler.ts';
import { test, expect } from './fixtures.ts';
import { IntakeFlow } from './pages/client/intake-flow.ts';
import { expectNoAxeViolations, PORTRAIT } from './pages/client/screens.ts';

test.use({ hasTouch: true, viewport: PORTRAIT });
test.describe.configure({ mode: 'parallel', timeout: 180_000 });

test('a failed submit keeps the answers, retries with the same id, and stores the intake once', async ({ kiosk, core }) => {
  const real: Handler<'intake:submit'> = core.handlers['intake:submit'];
  const seenIds: string[] = [];
  let call = 0;
  const flaky: Handler<'intake:submit'> = async (payload, ctx) => {
    call += 1;
    seenIds.push((payload as { submissionId: string }).submissionId);
    if (call === 1) throw new Error('disk full'); // the call itself rejects: nothing stored
    if (call === 2) {
      await real(payload, ctx); // stored, but the answer is lost on the way back
      return fail('unavailable', 'The disk is not answering.');
    }
    return real(payload, ctx);
  };
  // Test-only: replace the channel's handler in the table the page is bridged to.
  Object.defineProperty(core.handlers, 'intake:submit', { value: flaky });

  const flow = new IntakeFlow(kiosk, 'submit-retry');
  await flow.attract.start();
  await flow.aboutYou({ firstName: 'Odile', lastName: 'Brennan', dateOfBirth: '1970-02-14', phone: '5550106' });
  await flow.yourBack();
  await flow.health();
  await flow.preferences();
  await flow.consent({ tinyFirst: true });

  await flow.review.submit();
  await expect(kiosk.getByTestId('submit-problem')).toContainText('could not save');
  await expect(flow.review.section('about_you')).toContainText('Brennan');
  await flow.screens.capture('submit-failed');

  await flow.review.submit();
  await expect(kiosk.getByTestId('submit-problem')).toBeVisible();
  await expect(flow.review.submitButton()).toBeEnabled();

  // A double tap on "Try again" sends once.
  await flow.review.submitButton().evaluate((button: HTMLElement) => {
    button.click();
    button.click();
  });
  await flow.done.expectShown();
  expect(call).toBe(3);
  expect(new Set(seenIds).size).toBe(1);
  expect(await core.deps.submissions.count()).toBe(1);
  await flow.expectForgotten('Brennan', 'Odile');
});

test('at 200% text every control stays reachable and nothing is cut off sideways', async ({ kiosk }) => {
  const flow = new IntakeFlow(kiosk, 'text-200');
  // Twice the kiosk's own base size (137.5%), as a browser's text zoom would do.
  await kiosk.evaluate(() => document.documentElement.style.setProperty('font-size', '275%'));
  await flow.screens.capture('attract');
  await flow.attract.start();
  const fitsSideways = () => kiosk.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  expect(await fitsSideways()).toBe(true);
  await flow.step.nextExpectingErrors();
  await expect(kiosk.locator('#q-first_name-focus')).toBeFocused();
  await flow.screens.capture('about-you-errors');
  await flow.step.typeOnScreen('first_name', 'Lu');
  expect(await fitsSideways()).toBe(true);
  await flow.step.date('date_of_birth', '1950-12-01');
  await expect(flow.step.question('date_of_birth')).toContainText('1950');
  await kiosk.setViewportSize({ width: 1920, height: 1080 });
  expect(await fitsSideways()).toBe(true);
  const next = kiosk.getByTestId('next');
  await next.scrollIntoViewIfNeeded();
  await expect(next).toBeInViewport();
  await flow.screens.capture('about-you-partly-filled');
});

test('staff mode opens only by a 2-second press on the corner or Ctrl+Alt+Shift+S', async ({ kiosk }) => {
  await kiosk.clock.install();
  await kiosk.reload();
  const corner = kiosk.getByTestId('staff-corner');
  const box = await corner.boundingBox();
  if (!box) throw new Error('staff corner not rendered');
  const staffHeading = kiosk.getByRole('heading', { name: 'Staff', level: 1 });

  // A quick touch does nothing.
  await kiosk.mouse.move(box.x + 5, box.y + 5);
  await kiosk.mouse.down();
  await kiosk.clock.fastForward(500);
  await kiosk.mouse.up();
  await kiosk.clock.fastForward(3_000);
  await expect(staffHeading).toHaveCount(0);

  // Holding for two seconds opens staff mode.
  await kiosk.mouse.down();
  await kiosk.clock.fastForward(2_100);
  await kiosk.mouse.up();
  await expect(staffHeading).toBeVisible();
  await kiosk.getByRole('button', { name: 'Back to kiosk' }).click();
  await expect(kiosk.locator('.attract')).toBeVisible();

  await kiosk.keyboard.press('Control+Alt+Shift+KeyS');
  await expect(staffHeading).toBeVisible();
  await expectNoAxeViolations(kiosk, 'staff entry');
});

test.describe('without a touchscreen', () => {
  // A kiosk with a mouse (or Electron under Playwright, which has no touch): the same flow by clicks.
  test.use({ hasTouch: false });

  test('a client with a mouse completes an intake, on-screen keyboard and date panels included', async ({ kiosk, core }) => {
    expect(await kiosk.evaluate(() => navigator.maxTouchPoints)).toBe(0);
    const flow = new IntakeFlow(kiosk, 'mouse', { record: false, pointer: 'mouse' });
    await flow.attract.start();
    await flow.aboutYou({ firstName: 'Wim', lastName: 'Toivonen', dateOfBirth: '1958-09-02', phone: '5550107' });
    await flow.yourBack({ pain: 5 });
    await flow.health({ osteoporosis: true });
    await flow.preferences('light');
    await flow.consent();
    await expect(flow.review.section('about_you')).toContainText('Toivonen');
    await flow.submitAndExpectDone();
    expect(await core.deps.submissions.count()).toBe(1);
    await flow.done.finish();
    await flow.attract.expectShown();
    await flow.expectForgotten('Toivonen');
  });
});
