/**
 * How long the front-desk done screen waits when nobody dismisses it. It must outlast a
 * client gathering their things and reading it twice, and a busy front desk coming over,
 * yet not greet the next client: five minutes. A constant rather than a setting: the
 * clinic's "done screen" seconds (doneResetMs) are about the ordinary thank-you screen.
 */
export const FRONT_DESK_HOLD_MS = 5 * 60_000;
