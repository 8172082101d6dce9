// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KioskApi, NetworkStatus } from '../../../api/contract.ts';
import { StaffDataProvider } from '../data/StaffDataProvider.tsx';
import { initI18n } from '../i18n/index.ts';
import { ClinicServerPanel } from './ClinicServerPanel.tsx';

beforeAll(initI18n);
afterEach(cleanup);

const SINGLE: NetworkStatus = { mode: 'single', source: null, serverUrl: null, deviceId: null, deviceName: null, pairedAt: null, waiting: 0, refused: 0, lastError: null, canPair: true };
const JOINED: NetworkStatus = { ...SINGLE, mode: 'network', source: 'paired', serverUrl: 'https://clinic-server.local:8443', deviceId: 'd-1', deviceName: 'Front desk kiosk', pairedAt: '2026-03-10T09:00:00.000Z' };

function renderPanel(initial: NetworkStatus) {
  const api = {
    networkStatus: vi.fn(async () => ({ ok: true as const, value: initial })),
    networkPair: vi.fn(async () => ({ ok: true as const, value: JOINED })),
    networkLeave: vi.fn(async () => ({ ok: false as const, error: { code: 'conflict' as const, message: '2 intakes on this kiosk have not reached the clinic server yet.' } })),
  };
  render(
    <StaffDataProvider api={api as unknown as KioskApi} onSessionEnded={vi.fn()}>
      <ClinicServerPanel />
    </StaffDataProvider>,
  );
  return api;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('ClinicServerPanel', () => {
  it.each([
    ['a single kiosk', SINGLE, 'This kiosk works on its own: intakes are stored here.'],
    ['joined, two waiting', { ...JOINED, waiting: 2 }, 'Joined to the clinic server https://clinic-server.local:8443 as “Front desk kiosk”. Intakes are sent there.2 intakes are waiting to reach the server.'],
    ['joined, one waiting', { ...JOINED, waiting: 1 }, '1 intake is waiting to reach the server.'],
    ['joined by the configuration file', { ...JOINED, source: 'config' as const }, 'by this kiosk’s configuration file'],
  ])('%s: says so', async (_label, status, text) => {
    renderPanel(status);
    await act(async () => {});
    expect(screen.getByTestId('network-status').textContent).toContain(text);
    // Leave is offered only for a pairing made here.
    expect(screen.queryByRole('button', { name: 'Leave the clinic server…' }) !== null).toBe(status.source === 'paired');
  });

  it('joins with what was typed (trimmed, no empty fingerprint sent) and shows the new status', async () => {
    const api = renderPanel(SINGLE);
    await act(async () => {});
    type('Server address', ' https://clinic-server.local:8443 ');
    type('Pairing code', 'K7QM-4TXD');
    type('Name of this kiosk', 'Front desk kiosk');
    fireEvent.click(screen.getByRole('button', { name: 'Join the clinic server' }));
    await act(async () => {});
    expect(api.networkPair).toHaveBeenCalledWith({ serverUrl: 'https://clinic-server.local:8443', code: 'K7QM-4TXD', name: 'Front desk kiosk' });
    expect(screen.getByTestId('network-status').textContent).toContain('Joined to the clinic server');
    expect(screen.getByRole('status').textContent).toBe('This kiosk is now joined to the clinic server.');
  });

  it('a kiosk the server no longer accepts: says so, offers joining again from the same address (no Leave), and joins', async () => {
    const revoked: NetworkStatus = { ...JOINED, waiting: 2, lastError: { kind: 'not_paired', message: 'The clinic server no longer accepts this kiosk.', at: '2026-03-11T09:00:00.000Z' } };
    const api = renderPanel(revoked);
    await act(async () => {});
    expect(screen.getByTestId('network-status').textContent).toContain('The clinic server no longer accepts this kiosk (it was removed from its devices). The intakes waiting stay here');
    expect(screen.queryByRole('button', { name: 'Leave the clinic server…' })).toBeNull();
    expect(screen.getByRole('form', { name: 'Join the clinic server again' })).toBeTruthy();
    expect((screen.getByLabelText('Server address') as HTMLInputElement).value).toBe('https://clinic-server.local:8443');
    type('Pairing code', 'N3WC-0DE2');
    type('Name of this kiosk', 'Front desk kiosk');
    fireEvent.click(screen.getByRole('button', { name: 'Join again' }));
    await act(async () => {});
    expect(api.networkPair).toHaveBeenCalledWith({ serverUrl: 'https://clinic-server.local:8443', code: 'N3WC-0DE2', name: 'Front desk kiosk' });
    expect(screen.getByRole('status').textContent).toBe('This kiosk is now joined to the clinic server.');
    expect(screen.queryByRole('form', { name: 'Join the clinic server again' })).toBeNull();
  });

  it('leaves only after the confirmation; a refusal is shown in main’s words', async () => {
    const api = renderPanel(JOINED);
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: 'Leave the clinic server…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.networkLeave).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Leave the clinic server…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, leave' }));
    await act(async () => {});
    expect(api.networkLeave).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toContain('2 intakes on this kiosk have not reached the clinic server yet.');
    expect(screen.getByTestId('network-status').textContent).toContain('Joined to the clinic server');
  });
});
