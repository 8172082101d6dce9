/**
 * The one way staff and admin screens load and change data through the bridge.
 *
 * Why our own ~150 lines rather than TanStack Query: these screens hold health data, and
 * a cache that outlives the screen that asked (TanStack keeps answers for gcTime, refetches
 * on focus, retries) is what the privacy rules forbid; we would spend its options turning
 * its features off. What we do need is small and is all here, once: answers to a screen that
 * has gone or whose inputs changed are dropped; a refused call shows the Result's message;
 * an `unauthenticated` answer inside a session ends the session (StaffApp returns to the
 * PIN screen); a rejected promise (the bridge itself failed) becomes the same kind of error.
 * Nothing is kept after the screen unmounts.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../../api/contract.ts';
import type { ApiError, Result } from '../../../api/result.ts';
import { useStaffData } from './staff-data-context.ts';

export type KioskCall<T> = (api: KioskApi) => Promise<Result<T>>;

export interface CallOptions {
  /**
   * For the calls made before anyone is signed in (roster, sign-in, first-run setup): there
   * `unauthenticated` means a wrong PIN, an answer to show, not a session that has ended.
   */
  readonly sessionless?: boolean;
}

export interface QueryOptions<T> extends CallOptions {
  /** False: make no call (the data already loaded stays). Default true. */
  readonly enabled?: boolean;
  /** Wait this long after the inputs change before calling (a check while the admin types). */
  readonly delayMs?: number;
  /** Load again at this interval while the screen is shown. */
  readonly refreshMs?: number;
  /** Each fresh answer, as it arrives (to seed an editable copy). Never called for a stale answer. */
  readonly onData?: (value: T) => void;
}

export interface KioskQuery<T> {
  /** The latest answer; kept while a reload or a change of inputs is on its way. */
  readonly data: T | undefined;
  /** The last call's refusal (cleared by the next success). */
  readonly error: ApiError | null;
  /** Nothing answered yet. */
  readonly isLoading: boolean;
  readonly reload: () => void;
  /** As reload(); resolves once that load has answered or been dropped (the live queue waits for it). */
  readonly refresh: () => Promise<void>;
  /** Replace the data locally after a change main has confirmed (an acknowledgement, a page more). */
  readonly setData: (update: (current: T) => T) => void;
}

export interface KioskAction<A extends readonly unknown[], T> {
  /**
   * Makes the call. Resolves to its Result; never settles when the answer no longer has anyone
   * to go to (the screen has gone, or the session has ended), so callers need no cancel flag.
   */
  readonly run: (...args: A) => Promise<Result<T>>;
  readonly isBusy: boolean;
  /** The last refusal, for <CallError>; cleared when the action runs again. */
  readonly error: ApiError | null;
  readonly clearError: () => void;
}

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/** A rejected promise (the bridge itself failed) becomes a Result like any refusal. */
async function settle<T>(pending: () => Promise<Result<T>>, unreachable: string): Promise<Result<T>> {
  try {
    return await pending();
  } catch {
    return { ok: false, error: { code: 'unavailable', message: unreachable } };
  }
}

interface QueryState<T> {
  readonly data: T | undefined;
  readonly error: ApiError | null;
  readonly hasAnswer: boolean;
}

/**
 * Loads with `call` when the screen mounts and whenever `deps` change (like useEffect's;
 * lint checks them), and on reload(). Only the newest call's answer is used.
 */
export function useKioskQuery<T>(call: KioskCall<T>, deps: DependencyList, options: QueryOptions<T> = {}): KioskQuery<T> {
  const { api, onSessionEnded } = useStaffData();
  const { t } = useTranslation('staff');
  const [state, setState] = useState<QueryState<T>>({ data: undefined, error: null, hasAnswer: false });
  const [reloads, setReloads] = useState(0);
  // Callbacks read when an answer arrives, so a re-render never restarts a call.
  const latest = useRef({ options, onSessionEnded, unreachable: t('errors.unreachable') });
  useEffect(() => {
    latest.current = { options, onSessionEnded, unreachable: t('errors.unreachable') };
  });
  // Numbers every call: an answer is used only if no newer call has started since.
  const sequence = useRef(0);
  // refresh() calls waiting for the next load to settle.
  const waiters = useRef<(() => void)[]>([]);
  const { enabled = true, delayMs = 0, refreshMs } = options;

  useEffect(() => {
    // This run's first load answers the refresh() calls made before it.
    const waiting = waiters.current.splice(0);
    const release = () => {
      for (const done of waiting.splice(0)) done();
    };
    if (!enabled) {
      release();
      return;
    }
    let isCurrent = true;
    let hasStarted = false;
    const load = () => {
      const isFirst = !hasStarted;
      hasStarted = true;
      const id = ++sequence.current;
      void settle(() => call(api), latest.current.unreachable).then((result) => {
        if (isFirst) release();
        if (!isCurrent || id !== sequence.current) return; // stale: the screen, its inputs or a newer call moved on
        const { options: now, onSessionEnded: ended } = latest.current;
        if (result.ok) {
          setState({ data: result.value, error: null, hasAnswer: true });
          now.onData?.(result.value);
        } else if (result.error.code === 'unauthenticated' && now.sessionless !== true) {
          ended();
        } else {
          const error = result.error;
          setState((s) => ({ ...s, error, hasAnswer: true }));
        }
      });
    };
    const timer = delayMs > 0 ? window.setTimeout(load, delayMs) : undefined;
    if (delayMs <= 0) load();
    const interval = refreshMs ? window.setInterval(load, refreshMs) : undefined;
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
      window.clearInterval(interval);
      if (!hasStarted) release(); // the delayed load never ran
    };
    // `deps` are the caller's inputs (checked at the call site: eslint.config.js names this hook
    // in react-hooks/exhaustive-deps); `call` is a new closure each render over exactly those inputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, enabled, delayMs, refreshMs, reloads, ...deps]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const refresh = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiters.current.push(resolve);
        setReloads((n) => n + 1);
      }),
    [],
  );
  const setData = useCallback((update: (current: T) => T) => setState((s) => (s.data === undefined ? s : { ...s, data: update(s.data) })), []);
  return { data: state.data, error: state.error, isLoading: enabled && !state.hasAnswer, reload, refresh, setData };
}

/** A call the person starts (save, acknowledge, publish): busy while it runs, its refusal kept for display. */
export function useKioskAction<A extends readonly unknown[], T>(call: (api: KioskApi, ...args: A) => Promise<Result<T>>, options: CallOptions = {}): KioskAction<A, T> {
  const { api, onSessionEnded } = useStaffData();
  const { t } = useTranslation('staff');
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const isMounted = useRef(false);
  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);
  const latest = useRef({ call, options, onSessionEnded, unreachable: t('errors.unreachable') });
  useEffect(() => {
    latest.current = { call, options, onSessionEnded, unreachable: t('errors.unreachable') };
  });

  const run = useCallback(
    async (...args: A): Promise<Result<T>> => {
      const { call: now, unreachable } = latest.current;
      setError(null);
      setPending((n) => n + 1);
      const result = await settle(() => now(api, ...args), unreachable);
      if (!isMounted.current) return never();
      setPending((n) => n - 1);
      if (!result.ok) {
        if (result.error.code === 'unauthenticated' && latest.current.options.sessionless !== true) {
          latest.current.onSessionEnded();
          return never();
        }
        setError(result.error);
      }
      return result;
    },
    [api],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, isBusy: pending > 0, error, clearError };
}
