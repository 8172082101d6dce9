/**
 * The live queue's reload timing (use-queue-changes.ts), apart from React so the clinic bench's
 * tablets (bench/clinic-tablets.ts) reload as the web app does.
 */

/** A burst of live events within this is one reload (a new intake still shows well within 2 s). */
export const LIVE_RELOAD_WINDOW_MS = 300;
/** A reload still unanswered after this no longer holds back the next one. */
export const LIVE_RELOAD_MAX_WAIT_MS = 10_000;
