// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KioskApi, QueueItem, StaffSession, StaffStatus } from '../../../api/contract.ts';
import type { Result } from '../../../api/result.ts';
import { initI18n } from '../i18n/index.ts';
import { StaffApp } from './StaffApp.tsx';

beforeAll(initI18n);
afterEach(cleanup);

const THEO: StaffSession = { staffId: 's1', name: 'Theo Therapist', role: 'therapist', expiresAt: '2030-01-01T00:00:00.000Z' };
const ITEM: QueueItem = {
  submissionId: 'sub-1',
  clientName: 'Ana García',
  createdAt: new Date().toISOString(),
  status: 'new',
  formId: 'massage-intake',
  formVersion: 1,
  severities: { stop: 0, clearance: 0, modify: 1, info: 0 },
} as QueueItem;

/** A bridge where the session is live until `endSession()`; the queue answers `queue`. */
function fakeKiosk(queue: () => Result<{ items: QueueItem[] }>) {
  let session: StaffSession | null = THEO;
  const status = async (): Promise<Result<StaffStatus>> => ({ ok: true, value: { needsSetup: false, session } });
  const api = {
    staffStatus: vi.fn(status),
    touchStaffSession: vi.fn(async () => ({ ok: true as const, value: { expiresAt: THEO.expiresAt } })),
    staffRoster: vi.fn(async () => ({ ok: true as const, value: [{ staffId: 's1', name: THEO.name, role: 'therapist' as const }] })),
    listQueue: vi.fn(async () => {
      const answer = queue();
      if (!answer.ok && answer.error.code === 'unauthenticated') session = null;
      return answer;
    }),
  };
  return api as unknown as KioskApi;
}

/** StaffApp as App mounts it, with the fake as window.kiosk (the preload's object in the app). */
function renderStaff(api: KioskApi) {
  const onExit = vi.fn();
  Object.defineProperty(window, 'kiosk', { value: api, configurable: true });
  render(<StaffApp onExit={onExit} />);
  return { onExit };
}

const settle = () => act(async () => {});

describe('StaffApp: one place for the end of a session and for refusals', () => {
  it('a call refused as unauthenticated mid-work returns to the PIN screen, says why, and shows nothing of the session', async () => {
    renderStaff(fakeKiosk(() => ({ ok: false, error: { code: 'unauthenticated', message: 'Please sign in.' } })));
    await settle();
    await settle();
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Your session has ended. Please sign in again.');
    expect(screen.queryByText(/Signed in as/)).toBeNull();
    expect(screen.queryByText('Ana García')).toBeNull();
  });

  it('any other refusal shows main’s message as an alert and keeps the screen', async () => {
    renderStaff(fakeKiosk(() => ({ ok: false, error: { code: 'unavailable', message: 'The database is busy. Try again.' } })));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('The database is busy. Try again.');
    expect(screen.getByText('Signed in as Theo Therapist (therapist)')).toBeTruthy();
  });

  it('auto log-off: when main reports the session gone, staff mode closes (back to the attract screen)', async () => {
    const api = fakeKiosk(() => ({ ok: true, value: { items: [ITEM] } }));
    const answers: StaffStatus[] = [{ needsSetup: false, session: THEO }];
    // The first status opens the queue; the session watch's next one finds the session lapsed.
    vi.mocked(api.staffStatus).mockImplementation(async () => ({ ok: true, value: answers.shift() ?? { needsSetup: false, session: null } }));
    const { onExit } = renderStaff(api);
    await settle();
    await settle();
    expect(onExit).toHaveBeenCalled();
  });

  it('lists the queue when the calls succeed', async () => {
    const { onExit } = renderStaff(fakeKiosk(() => ({ ok: true, value: { items: [ITEM] } })));
    await settle();
    await settle();
    expect(screen.getByRole('button', { name: 'Ana García' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onExit).not.toHaveBeenCalled();
  });
});
