// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KioskApi } from '../../../api/contract.ts';
import { StaffDataProvider } from '../data/StaffDataProvider.tsx';
import { initI18n } from '../i18n/index.ts';
import { LoginScreen } from './LoginScreen.tsx';

beforeAll(initI18n);
afterEach(cleanup);

const ROSTER = [
  { staffId: 's1', name: 'Theo Therapist', role: 'therapist' as const },
  { staffId: 's2', name: 'Ada Admin', role: 'admin' as const },
];

async function renderLogin() {
  const api = { staffRoster: vi.fn(async () => ({ ok: true as const, value: ROSTER })), staffLogin: vi.fn() };
  render(
    <StaffDataProvider api={api as unknown as KioskApi} onSessionEnded={vi.fn()}>
      <LoginScreen onDone={vi.fn()} />
    </StaffDataProvider>,
  );
  await act(async () => {});
}

const tile = (name: RegExp) => screen.getByRole('radio', { name }).closest('label') as HTMLElement;

describe('LoginScreen: who is signing in, as large tiles', () => {
  it.each([
    ['therapist', /Theo Therapist/, 'Therapist'],
    ['administrator', /Ada Admin/, 'Administrator'],
  ])('the %s tile shows the name and the role in words', async (_label, name, role) => {
    await renderLogin();
    expect(within(tile(name)).getByText(role)).toBeTruthy();
  });

  it('choosing a tile (tap or keyboard) marks it "Selected" in words, only that one, and opens the PIN pad', async () => {
    await renderLogin();
    expect(screen.queryByText('Selected')).toBeNull();
    expect(screen.queryByText('Your PIN')).toBeNull();
    fireEvent.click(tile(/Ada Admin/));
    expect(screen.getByRole('radio', { name: /Ada Admin/ })).toHaveProperty('checked', true);
    expect(within(tile(/Ada Admin/)).getByText('Selected')).toBeTruthy();
    expect(within(tile(/Theo Therapist/)).queryByText('Selected')).toBeNull();
    expect(screen.getAllByText('Your PIN').length).toBeGreaterThan(0);
  });

  it('the tiles are one radio group, so keyboard users reach them with Tab and move with the arrow keys', async () => {
    await renderLogin();
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('name'))).toEqual(['staff', 'staff']);
    expect(screen.getByRole('group', { name: 'Who are you?' })).toBeTruthy();
  });
});
