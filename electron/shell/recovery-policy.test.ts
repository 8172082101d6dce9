import { describe, expect, it } from 'vitest';
import { createRecoveryPolicy, type FailureReason } from './recovery-policy.ts';

const limits = { maxReloads: 3, windowMs: 60_000 };

describe('createRecoveryPolicy', () => {
  it.each([
    ['a crash', 'crashed', { kind: 'reload' }],
    ['out of memory', 'oom', { kind: 'reload' }],
    ['killed by the OS', 'killed', { kind: 'reload' }],
    ['an abnormal exit', 'abnormal-exit', { kind: 'reload' }],
    ['a failed launch', 'launch-failed', { kind: 'reload' }],
    ['a hang crashes the renderer first (its exit is then counted once)', 'unresponsive', { kind: 'crash-renderer' }],
    ['a clean exit (quitting) does nothing', 'clean-exit', { kind: 'ignore' }],
    ['a code-integrity failure shows the fault page at once', 'integrity-failure', { kind: 'show-fault' }],
  ] as const)('%s', (_label, reason, action) => {
    expect(createRecoveryPolicy(limits).onFailure(reason, 0)).toEqual(action);
  });

  it('stops reloading after the cap within the window and shows the fault page', () => {
    const policy = createRecoveryPolicy(limits);
    const actions = [0, 1_000, 2_000, 3_000].map((t) => policy.onFailure('crashed', t).kind);
    expect(actions).toEqual(['reload', 'reload', 'reload', 'show-fault']);
  });

  it('reloads again once old failures have left the window', () => {
    const policy = createRecoveryPolicy(limits);
    for (const t of [0, 1_000, 2_000]) policy.onFailure('crashed', t);
    expect(policy.onFailure('crashed', 61_000).kind).toBe('reload');
  });

  it('does not count hangs until their forced crash comes back', () => {
    const policy = createRecoveryPolicy(limits);
    const reasons: FailureReason[] = ['unresponsive', 'killed', 'unresponsive', 'killed', 'unresponsive', 'killed'];
    const actions = reasons.map((r, i) => policy.onFailure(r, i * 1_000).kind);
    expect(actions).toEqual(['crash-renderer', 'reload', 'crash-renderer', 'reload', 'crash-renderer', 'reload']);
    expect(policy.onFailure('killed', 7_000).kind).toBe('show-fault');
  });
});
