/**
 * Turns a stream of "the queue changed" events into few reloads. On the clinic server every
 * tablet reloads its queue on each live event; with 10 kiosks and 20 tablets those reloads were
 * most of the server's work (bench/clinic-load.ts). Here:
 *
 * - at most one reload is in flight;
 * - events while it is in flight cause exactly one more reload after it;
 * - a burst of events within `windowMs` of the first is one reload. The window starts at the
 *   first event and is not pushed back by later ones, so a steady stream of events still
 *   reloads every `windowMs` (plus the reload's own time): a new intake shows within
 *   about 2 x windowMs + two reloads, never starved by a busy clinic.
 *
 * A reload that never settles (a hung connection) counts as over after `maxWaitMs`, so live
 * updates do not stop for good. Pure: no React, no DOM; timers are injectable for tests.
 */

export interface ReloadCoalescerOptions {
  /** Loads the queue again; resolves (or rejects) when its answer is in or dropped. */
  readonly reload: () => Promise<void>;
  readonly windowMs: number;
  readonly maxWaitMs: number;
  readonly timers?: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
}

export interface ReloadCoalescer {
  /** The host says the queue changed. */
  readonly changed: () => void;
  /** The screen has gone: no reload starts after this (one in flight is left to settle). */
  readonly dispose: () => void;
  /** Resolves when no reload is in flight or waiting for its window (the bench's tablets). */
  readonly idle: () => Promise<void>;
}

export function createReloadCoalescer(options: ReloadCoalescerOptions): ReloadCoalescer {
  const timers = options.timers ?? globalThis;
  let windowTimer: ReturnType<typeof setTimeout> | undefined;
  let isInFlight = false;
  let isDirty = false;
  let isDisposed = false;
  const idleWaiters: (() => void)[] = [];
  const isIdle = () => windowTimer === undefined && !isInFlight;
  const wakeIdle = () => {
    if (isIdle()) for (const done of idleWaiters.splice(0)) done();
  };

  const schedule = () => {
    if (windowTimer === undefined) windowTimer = timers.setTimeout(start, options.windowMs);
  };

  function start(): void {
    windowTimer = undefined;
    if (isDisposed) {
      wakeIdle();
      return;
    }
    isInFlight = true;
    isDirty = false;
    let isOver = false;
    const finish = () => {
      if (isOver) return;
      isOver = true;
      timers.clearTimeout(guard);
      isInFlight = false;
      if (isDirty && !isDisposed) schedule();
      wakeIdle();
    };
    const guard = timers.setTimeout(finish, options.maxWaitMs);
    // A reload that throws at once is over at once, like one that rejects.
    Promise.resolve()
      .then(options.reload)
      .then(finish, finish);
  }

  return {
    changed() {
      if (isDisposed) return;
      if (isInFlight) isDirty = true;
      else schedule();
    },
    dispose() {
      isDisposed = true;
      if (windowTimer !== undefined) timers.clearTimeout(windowTimer);
      windowTimer = undefined;
      wakeIdle();
    },
    idle: () => (isIdle() ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
  };
}
