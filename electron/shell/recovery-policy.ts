/**
 * Crash and hang recovery for the kiosk window. When the renderer dies
 * (render-process-gone) or hangs (unresponsive), the kiosk reloads the attract
 * screen: whatever the client had typed is gone, which is the privacy reset we want
 * anyway. If it keeps failing, reloading in a tight loop helps nobody; after
 * `maxReloads` failures within `windowMs` it stops and shows the static fault page.
 */
import { assertNever } from '../../forms/engine/index.ts';

/** Electron's RenderProcessGoneDetails['reason'], plus our own 'unresponsive'. */
export type FailureReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction'
  | 'unresponsive';

export type RecoveryAction =
  /** Nothing to do (the renderer exited on purpose, e.g. while quitting). */
  | { readonly kind: 'ignore' }
  /** Reload the attract screen. */
  | { readonly kind: 'reload' }
  /**
   * The renderer hangs: crash it (webContents.forcefullyCrashRenderer). Its
   * render-process-gone ('killed') then comes back here and is counted as one failure,
   * so a hang is not counted twice.
   */
  | { readonly kind: 'crash-renderer' }
  /** Stop reloading; show the fault page until staff restart the kiosk. */
  | { readonly kind: 'show-fault' };

export interface RecoveryLimits {
  readonly maxReloads: number;
  readonly windowMs: number;
}

export const DEFAULT_RECOVERY_LIMITS: RecoveryLimits = { maxReloads: 3, windowMs: 5 * 60_000 };

export interface RecoveryPolicy {
  /** Decide what to do about one failure at time `nowMs` (milliseconds, from the caller's clock). */
  onFailure(reason: FailureReason, nowMs: number): RecoveryAction;
}

export function createRecoveryPolicy(limits: RecoveryLimits = DEFAULT_RECOVERY_LIMITS): RecoveryPolicy {
  let reloads: number[] = [];
  const reloadOrGiveUp = (nowMs: number): RecoveryAction => {
    reloads = reloads.filter((t) => nowMs - t < limits.windowMs);
    if (reloads.length >= limits.maxReloads) return { kind: 'show-fault' };
    reloads.push(nowMs);
    return { kind: 'reload' };
  };
  return {
    onFailure(reason, nowMs) {
      switch (reason) {
        case 'clean-exit':
          return { kind: 'ignore' };
        // A code-integrity failure (Windows) will fail the same way again: do not loop.
        case 'integrity-failure':
          return { kind: 'show-fault' };
        case 'unresponsive':
          return { kind: 'crash-renderer' };
        case 'abnormal-exit':
        case 'killed':
        case 'crashed':
        case 'oom':
        case 'launch-failed':
        case 'memory-eviction':
          return reloadOrGiveUp(nowMs);
        default:
          return assertNever(reason, 'failure reason');
      }
    },
  };
}
