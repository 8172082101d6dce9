// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DataKeyRotation, KioskApi } from '../../../api/contract.ts';
import type { Result } from '../../../api/result.ts';
import { StaffDataProvider } from '../data/StaffDataProvider.tsx';
import { initI18n } from '../i18n/index.ts';
import { DataKeyPanel } from './DataKeyPanel.tsx';

beforeAll(initI18n);
afterEach(cleanup);

function renderPanel(answer: Result<DataKeyRotation>) {
  const adminRotateDataKey = vi.fn(async () => answer);
  render(
    <StaffDataProvider api={{ adminRotateDataKey } as unknown as KioskApi} onSessionEnded={vi.fn()}>
      <DataKeyPanel />
    </StaffDataProvider>,
  );
  return { adminRotateDataKey };
}

const ROTATED: DataKeyRotation = { previousKeyId: 'aa11bb22', keyId: 'cc33dd44', resealed: 42 };

describe('DataKeyPanel: replacing the data key', () => {
  it('asks to confirm first; Cancel makes no call', () => {
    const { adminRotateDataKey } = renderPanel({ ok: true, value: ROTATED });
    fireEvent.click(screen.getByRole('button', { name: 'Replace the data key…' }));
    expect(screen.getByText(/Replace the data key now\?/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(adminRotateDataKey).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Replace the data key…' })).toBeTruthy();
  });

  it('after confirming, rotates once and says how many values were re-encrypted under which key', async () => {
    const { adminRotateDataKey } = renderPanel({ ok: true, value: ROTATED });
    fireEvent.click(screen.getByRole('button', { name: 'Replace the data key…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, replace the data key' }));
    await act(async () => {});
    expect(adminRotateDataKey).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe('The data key was replaced (new key cc33dd44). 42 stored values were encrypted again.');
  });

  it('a refusal shows main’s message and no success', async () => {
    renderPanel({ ok: false, error: { code: 'conflict', message: 'A value is still sealed under the old key; nothing was changed.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Replace the data key…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, replace the data key' }));
    await act(async () => {});
    expect(screen.getByRole('alert').textContent).toBe('A value is still sealed under the old key; nothing was changed.');
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
