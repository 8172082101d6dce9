// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KioskApi, PairedDevice, PairingCodeInfo } from '../../../api/contract.ts';
import { StaffDataProvider } from '../data/StaffDataProvider.tsx';
import { initI18n } from '../i18n/index.ts';
import { DevicesPanel } from './DevicesPanel.tsx';

beforeAll(initI18n);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const TABLET: PairedDevice = { id: 'd-1', name: 'Room 3 tablet', kind: 'browser', pairedAt: '2026-03-10T09:00:00.000Z', lastSeenAt: null, revokedAt: null };

function renderPanel() {
  let devices: PairedDevice[] = [TABLET];
  const api = {
    adminListDevices: vi.fn(async () => ({ ok: true as const, value: { devices } })),
    adminCreatePairingCode: vi.fn(async ({ kind }: { kind: 'browser' | 'kiosk' }) => ({
      ok: true as const,
      value: { code: 'K7QM-4TXD', kind, expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(), caFingerprint: kind === 'kiosk' ? 'AB12 CD34 EF56 7890' : null } satisfies PairingCodeInfo,
    })),
    adminRevokeDevice: vi.fn(async () => {
      devices = [{ ...TABLET, revokedAt: new Date().toISOString() }];
      return { ok: true as const, value: { devices } };
    }),
  };
  render(
    <StaffDataProvider api={api as unknown as KioskApi} onSessionEnded={vi.fn()}>
      <DevicesPanel />
    </StaffDataProvider>,
  );
  return api;
}

describe('DevicesPanel', () => {
  it('shows a new code with its expiry counting down, then says it expired after 10 minutes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    renderPanel();
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: 'Pair a kiosk' }));
    await act(async () => {});
    expect(screen.getByText('K7QM-4TXD')).toBeTruthy();
    // A kiosk code comes with the clinic CA's fingerprint the kiosk checks before it trusts the server.
    expect(screen.getByTestId('pairing-ca-fingerprint').textContent).toBe('AB12 CD34 EF56 7890');
    expect(screen.getByRole('timer').textContent).toBe('Expires in 10:00');
    await act(async () => {
      vi.advanceTimersByTime(61_000);
    });
    expect(screen.getByRole('timer').textContent).toBe('Expires in 8:59');
    await act(async () => {
      vi.advanceTimersByTime(9 * 60_000);
    });
    expect(screen.queryByText('K7QM-4TXD')).toBeNull();
    expect(screen.getByText(/This code has expired/)).toBeTruthy();
  });

  it('revokes only after the confirmation; Cancel makes no call', async () => {
    const api = renderPanel();
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: /Revoke… Room 3 tablet/ }));
    expect(screen.getByRole('alertdialog', { name: 'Revoke Room 3 tablet?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.adminRevokeDevice).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: /Revoke… Room 3 tablet/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, revoke' }));
    await act(async () => {});
    expect(api.adminRevokeDevice).toHaveBeenCalledWith({ deviceId: 'd-1' });
    expect(screen.getByRole('status').textContent).toBe('Room 3 tablet was revoked.');
    expect(screen.queryByRole('button', { name: /Revoke… Room 3 tablet/ })).toBeNull();
  });
});
