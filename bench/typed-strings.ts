/** What the soak's clients type, to look for in the renderer's heap after the kiosk's resets. */
import { EMERGENCY_CONTACT } from '../e2e/pages/client/intake-flow.ts';
import { CLIENTS } from './intake-driver.ts';

/** The name the walked-away client types before the idle reset. */
export const WALKAWAY_NAME = 'Walkaway';

/**
 * What the soak's clients type that nothing else on the page contains: last names, phone
 * numbers, the walk-away name, the emergency contact. (First names such as "Ruth" or "Ines"
 * also occur inside ordinary words, so they are matched whole.)
 */
export const TYPED_STRINGS = {
  inside: [...CLIENTS.flatMap((c) => [c.lastName, c.phone]), WALKAWAY_NAME, EMERGENCY_CONTACT.name, EMERGENCY_CONTACT.phone],
  whole: CLIENTS.map((c) => c.firstName),
} as const;

/** How many strings of a heap snapshot hold something a client typed. */
export function typedStringsIn(strings: readonly string[]): number {
  const whole = new Set<string>(TYPED_STRINGS.whole);
  return strings.filter((s) => whole.has(s) || TYPED_STRINGS.inside.some((t) => s.includes(t))).length;
}
