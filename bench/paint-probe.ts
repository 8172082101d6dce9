/**
 * In-page instrumentation for the renderer benchmark, added with page.addInitScript so it
 * runs before the app. It times, on the page's own performance timeline:
 *   attract  navigation start -> "Tap to start" present and painted
 *   start    tap on "Tap to start" -> first step painted
 *   next     tap on "Next" -> the next step (or the review) painted
 *   key      tap on an on-screen key -> the character in the field painted
 *   submit   tap on "Submit" -> done screen painted (the handler stored the signed PDF first)
 * A tap starts when the event that acts on it is dispatched: pointerdown for on-screen keys
 * (simple-keyboard types on pointerdown), click for buttons (React acts on click). The clock is
 * read in a capture listener on the document, before the app's own handler runs. (event.timeStamp
 * is not used: for a click Chromium stamps the touch-down time, and the gap between Playwright's
 * touchStart and touchEnd messages is not something a client feels.) "Painted" is the double-rAF rule: the change is first seen in a rAF callback (so the
 * frame being produced contains it) and the time is read in the following rAF, which runs only
 * after that frame was presented. Each figure is also left as a Performance measure.
 *
 * The function is serialised into the page: it must not close over anything outside itself.
 */

/** One timed interaction, read back by the benchmark with {@link drainSamplesScript}. */
export interface PaintSample {
  readonly kind: 'attract' | 'start' | 'next' | 'next-error' | 'key' | 'submit' | 'submit-error';
  /** For "next": "<step title> -> <next title>"; for "key": the key; otherwise empty. */
  readonly label: string;
  readonly ms: number;
}

export function installPaintProbe(): void {
  const GIVE_UP_MS = 30_000;
  const samples: PaintSample[] = [];
  Object.defineProperty(window, '__benchSamples', { value: samples });

  const record = (kind: PaintSample['kind'], label: string, start: number, end: number) => {
    samples.push({ kind, label, ms: end - start });
    try {
      performance.measure(`bench:${kind}`, { start, end });
    } catch {
      // measure() refuses a start before timeOrigin on some versions; the sample is what counts.
    }
  };

  /** Resolves with the time after the first frame in which `seen()` is true has been painted. */
  const afterPaint = (seen: () => boolean, done: (paintedAt: number) => void) => {
    const started = performance.now();
    const check = () => {
      if (seen()) {
        requestAnimationFrame(() => done(performance.now()));
        return;
      }
      if (performance.now() - started < GIVE_UP_MS) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  };

  const text = (selector: string) => document.querySelector(selector)?.textContent ?? null;
  const title = () => text('#step-title') ?? text('#review-title');
  const has = (selector: string) => document.querySelector(selector) !== null;

  afterPaint(
    () => has('.start-button'),
    (paintedAt) => record('attract', '', 0, paintedAt),
  );

  // Keys that switch the keyboard's layer type nothing.
  const LAYER_KEYS = new Set(['{shift}', '{accents}', '{abc}', '{done}', '{lock}']);

  document.addEventListener(
    'pointerdown',
    (event) => {
      const start = performance.now();
      const target = event.target instanceof Element ? event.target : null;
      const key = target?.closest('[data-skbtn]')?.getAttribute('data-skbtn');
      if (!key || LAYER_KEYS.has(key)) return;
      const field = document.activeElement;
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
      const before = field.value;
      afterPaint(
        () => field.value !== before,
        (paintedAt) => record('key', key, start, paintedAt),
      );
    },
    { capture: true },
  );

  document.addEventListener(
    'click',
    (event) => {
      const start = performance.now();
      const target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      if (target.closest('[data-testid="next"]')) {
        const before = title();
        const errorsBefore = document.querySelectorAll('[data-testid="error-summary"]').length;
        afterPaint(
          () => title() !== before || document.querySelectorAll('[data-testid="error-summary"]').length > errorsBefore,
          (paintedAt) => {
            const after = title();
            if (after !== before) record('next', `${before ?? '?'} -> ${after ?? '?'}`, start, paintedAt);
            else record('next-error', before ?? '?', start, paintedAt);
          },
        );
        return;
      }
      if (target.closest('[data-testid="submit"]')) {
        afterPaint(
          () => has('.done h1') || has('[data-testid="submit-problem"]'),
          (paintedAt) => record(has('.done h1') ? 'submit' : 'submit-error', '', start, paintedAt),
        );
        return;
      }
      if (target.closest('.start-button')) {
        afterPaint(
          () => has('#step-title'),
          (paintedAt) => record('start', '', start, paintedAt),
        );
      }
    },
    { capture: true },
  );
}

/** Page function: removes and returns the samples recorded so far. */
export function drainSamplesScript(): PaintSample[] {
  const samples = (window as unknown as { __benchSamples?: PaintSample[] }).__benchSamples;
  return samples ? samples.splice(0) : [];
}

/** Page function: how many samples of `kind` are waiting. */
export function countSamplesScript(kind: PaintSample['kind']): number {
  const samples = (window as unknown as { __benchSamples?: PaintSample[] }).__benchSamples ?? [];
  return samples.filter((s) => s.kind === kind).length;
}
