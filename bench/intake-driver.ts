/**
 * One complete intake of the default form, by touch, with the e2e page objects
 * (e2e/pages/client/): attract -> five steps -> review -> submit -> done screen.
 */
import type { Page } from '@playwright/test';
import { IntakeFlow, type Client } from '../e2e/pages/client/intake-flow.ts';

/** Invented clients; the flow alternates between them so names and lengths vary. */
export const CLIENTS: readonly Client[] = [
  { firstName: 'Mara', lastName: 'Quinlan', dateOfBirth: '1984-03-07', phone: '5550101' },
  { firstName: 'Tomas', lastName: 'Varga', dateOfBirth: '1962-06-30', phone: '5550103' },
  { firstName: 'Ines', lastName: 'Okafor', dateOfBirth: '1991-11-23', phone: '5550102' },
  { firstName: 'Ruth', lastName: 'Abernathy', dateOfBirth: '1975-01-15', phone: '5550104' },
];

export function benchFlow(page: Page): IntakeFlow {
  // record: false -> no axe scans or screenshots, which would dominate the timings.
  return new IntakeFlow(page, 'bench', { record: false });
}

/** Walks intake number `n` from the attract screen to the done screen. */
export async function completeIntake(flow: IntakeFlow, n: number): Promise<void> {
  const client = CLIENTS[n % CLIENTS.length] ?? CLIENTS[0];
  if (!client) throw new Error('no bench client');
  await flow.attract.expectShown();
  await flow.attract.start();
  await flow.aboutYou(client);
  await flow.yourBack({ pain: 3 + (n % 4) });
  await flow.health(n % 3 === 0 ? { osteoporosis: true } : {});
  await flow.preferences(n % 2 === 0 ? 'medium' : 'light');
  await flow.consent();
  await flow.submitAndExpectDone();
}
