/**
 * The live queue's reloads under a stream of events (fake timers): a burst is one reload, one
 * reload at a time, events during it give exactly one more, a steady stream still reloads,
 * a hung reload does not stop live updates, and nothing starts after the screen has gone.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReloadCoalescer, type ReloadCoalescer } from './coalesce-reloads.ts';

const WINDOW_MS = 300;
const MAX_WAIT_MS = 10_000;

/** A reload whose answer the test gives when it chooses; counts starts and how many run at once. */
function reloads() {
  const pending: (() => void)[] = [];
  const state = { started: 0, running: 0, mostAtOnce: 0 };
  const reload = () => {
    state.started++;
    state.running++;
    state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
    return new Promise<void>((resolve) => {
      pending.push(() => {
        state.running--;
        resolve();
      });
    });
  };
  /** Answers the reload in flight. */
  const answer = async () => {
    pending.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { reload, answer, state };
}

let coalescer: ReloadCoalescer | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  coalescer?.dispose();
  vi.useRealTimers();
});

function setUp() {
  const r = reloads();
  coalescer = createReloadCoalescer({ reload: r.reload, windowMs: WINDOW_MS, maxWaitMs: MAX_WAIT_MS });
  return { ...r, changed: coalescer.changed };
}

describe('coalescing the live queue’s reloads', () => {
  it('a burst of events is one reload, after the short window', async () => {
    const { changed, state, answer } = setUp();
    for (let i = 0; i < 20; i++) changed();
    await vi.advanceTimersByTimeAsync(WINDOW_MS - 1);
    expect(state.started).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.started).toBe(1);
    await answer();
    await vi.advanceTimersByTimeAsync(WINDOW_MS * 10);
    expect(state.started).toBe(1);
  });

  it.each([1, 2, 50])('%i event(s) while a reload is in flight: exactly one more reload after it, never two at once', async (during) => {
    const { changed, state, answer } = setUp();
    changed();
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    expect(state.started).toBe(1);
    for (let i = 0; i < during; i++) changed();
    await vi.advanceTimersByTimeAsync(WINDOW_MS * 10); // still in flight: nothing new starts
    expect(state.started).toBe(1);
    await answer();
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    expect(state.started).toBe(2);
    await answer();
    await vi.advanceTimersByTimeAsync(WINDOW_MS * 10);
    expect(state).toMatchObject({ started: 2, mostAtOnce: 1 });
  });

  it('a steady stream of events (every 100 ms for 3 s) still reloads, each change shown within 2 s', async () => {
    const { changed, state, answer } = setUp();
    const shownAt: number[] = [];
    const startedAt = Date.now();
    for (let t = 0; t < 3_000; t += 100) {
      changed();
      await vi.advanceTimersByTimeAsync(50);
      // Each reload answers 50 ms after it starts.
      if (state.running > 0) {
        await answer();
        shownAt.push(Date.now() - startedAt);
      }
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(state.mostAtOnce).toBe(1);
    // Far fewer reloads than the 30 events, and never a gap of 2 s without one.
    expect(state.started).toBeLessThanOrEqual(10);
    const gaps = shownAt.map((at, i) => at - (i === 0 ? 0 : (shownAt[i - 1] ?? 0)));
    expect(Math.max(...gaps)).toBeLessThan(2_000);
  });

  it('a reload that never answers counts as over after the longest wait: live updates go on', async () => {
    const { changed, state } = setUp();
    changed();
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    changed();
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS - 1);
    expect(state.started).toBe(1);
    await vi.advanceTimersByTimeAsync(1 + WINDOW_MS);
    expect(state.started).toBe(2);
  });

  it('a reload that fails is over too: the next event reloads', async () => {
    let calls = 0;
    coalescer = createReloadCoalescer({ reload: () => { calls++; return Promise.reject(new Error('offline')); }, windowMs: WINDOW_MS, maxWaitMs: MAX_WAIT_MS });
    coalescer.changed();
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    coalescer.changed();
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    expect(calls).toBe(2);
  });

  it('idle: once nothing is in flight or waiting for its window', async () => {
    const { changed, answer } = setUp();
    let isIdle = false;
    await coalescer?.idle();
    changed();
    void coalescer?.idle().then(() => (isIdle = true));
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    changed();
    await answer();
    expect(isIdle).toBe(false); // the one owed is waiting for its window
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    await answer();
    expect(isIdle).toBe(true);
  });

  it('after the screen has gone, no reload starts: neither the pending one nor the one owed', async () => {
    const first = setUp();
    first.changed();
    coalescer?.dispose();
    await vi.advanceTimersByTimeAsync(WINDOW_MS * 2);
    expect(first.state.started).toBe(0);

    const second = setUp();
    second.changed();
    await vi.advanceTimersByTimeAsync(WINDOW_MS);
    second.changed();
    coalescer?.dispose();
    await second.answer();
    await vi.advanceTimersByTimeAsync(WINDOW_MS * 2);
    expect(second.state.started).toBe(1);
  });
});
