/**
 * A tap that changes the layout under the finger must not land on what moved there.
 *
 * A touchscreen tap reaches the page as pointerdown, pointerup and then, after the finger
 * has lifted, the compatibility mouse events (mousedown, mouseup) and the click, all at the
 * same point but hit-tested against the layout of that later moment. When the pointerdown
 * already changed the layout (the on-screen keyboard's "Done" acts on pointerdown and closes
 * the keyboard; focusing a field closes another field's keyboard above it), those later
 * events reach whatever slid under the finger: Done on First name focused Phone and opened
 * its keypad. So we remember what the pointer went down on and where it was on screen;
 * once that has moved or left the page, the rest of the same gesture is swallowed.
 *
 * Hand-written because no maintained library does this for arbitrary layout changes
 * (FastClick-era "ghost click busters" only dealt with the 300 ms delay).
 */

/** Further than this (CSS px) and the element has moved (a pressed button sinks by 1 px). */
const MOVED_PX = 4;

/** A gesture that never ends in a click (a drag, a scroll) is forgotten after this. */
const GESTURE_FORGET_MS = 1_500;

interface Gesture {
  readonly target: Element;
  readonly x: number;
  readonly y: number;
}

let gesture: Gesture | null = null;
let forgetTimer: number | undefined;
let afterQueue: Array<() => void> = [];

function hasMoved(g: Gesture): boolean {
  if (!g.target.isConnected) return true;
  const r = g.target.getBoundingClientRect();
  return Math.abs(r.left - g.x) > MOVED_PX || Math.abs(r.top - g.y) > MOVED_PX;
}

function endGesture(): void {
  gesture = null;
  window.clearTimeout(forgetTimer);
  const queued = afterQueue;
  afterQueue = [];
  // After the click's own handlers have run (the click is the gesture's last event).
  if (queued.length > 0) window.setTimeout(() => queued.forEach((fn) => fn()), 0);
}

function onPointerDown(e: PointerEvent): void {
  if (!e.isPrimary || !(e.target instanceof Element)) return;
  endGesture();
  const r = e.target.getBoundingClientRect();
  gesture = { target: e.target, x: r.left, y: r.top };
  forgetTimer = window.setTimeout(endGesture, GESTURE_FORGET_MS);
}

function swallowIfMoved(e: MouseEvent): void {
  // detail 0: a click from the keyboard (Enter, Space) or from script, not from this gesture.
  if (gesture === null || (e.type === 'click' && e.detail === 0)) return;
  if (hasMoved(gesture)) {
    e.preventDefault(); // on mousedown: no focus change either
    e.stopImmediatePropagation();
  }
  if (e.type === 'click') endGesture();
}

/**
 * Runs `fn` once the current tap or click has ended (right away when none is under way):
 * for layout changes that may wait, such as scrolling an opened keyboard into view, so
 * they cannot move anything under a finger that is still down.
 */
export function afterGesture(fn: () => void): void {
  if (gesture === null) window.setTimeout(fn, 0);
  else afterQueue.push(fn);
}

/** Installs the guard on the window (capture phase, before any of the app's own handlers). */
export function installTapGuard(): () => void {
  const opts = { capture: true } as const;
  window.addEventListener('pointerdown', onPointerDown, opts);
  window.addEventListener('pointercancel', endGesture, opts);
  window.addEventListener('keydown', endGesture, opts);
  for (const type of ['mousedown', 'mouseup', 'click'] as const) window.addEventListener(type, swallowIfMoved, opts);
  return () => {
    endGesture();
    window.removeEventListener('pointerdown', onPointerDown, opts);
    window.removeEventListener('pointercancel', endGesture, opts);
    window.removeEventListener('keydown', endGesture, opts);
    for (const type of ['mousedown', 'mouseup', 'click'] as const) window.removeEventListener(type, swallowIfMoved, opts);
  };
}
