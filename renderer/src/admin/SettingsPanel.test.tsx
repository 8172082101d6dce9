// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AdminSettings, KioskApi } from '../../../api/contract.ts';
import { StaffDataProvider } from '../data/StaffDataProvider.tsx';
import { initI18n } from '../i18n/index.ts';
import { SettingsPanel } from './SettingsPanel.tsx';

beforeAll(initI18n);
afterEach(cleanup);

const SETTINGS: AdminSettings = {
  clinicName: 'Back in Balance',
  clinicAddress: '',
  logoDataUrl: null,
  idleWarningSeconds: 90,
  idleCountdownSeconds: 30,
  doneResetSeconds: 20,
  autoLogoffMinutes: 5,
  exportFolder: null,
  retentionDays: 2557,
  ageOfConsent: 18,
  languages: ['en', 'es'],
  defaultLanguage: 'es',
};

async function renderSettings() {
  const adminUpdateSettings = vi.fn(async (next: AdminSettings) => ({ ok: true as const, value: next }));
  const api = { adminGetSettings: vi.fn(async () => ({ ok: true as const, value: SETTINGS })), adminUpdateSettings };
  render(
    <StaffDataProvider api={api as unknown as KioskApi} onSessionEnded={vi.fn()}>
      <SettingsPanel />
    </StaffDataProvider>,
  );
  await act(async () => {});
  return { adminUpdateSettings };
}

const save = async () => {
  fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
  await act(async () => {});
};
const sent = (call: ReturnType<typeof vi.fn>) => call.mock.calls[0]?.[0] as AdminSettings;

describe('SettingsPanel: retention in years and months, languages by name', () => {
  it('shows 2557 days as 7 years 0 months and saves it unchanged when untouched', async () => {
    const { adminUpdateSettings } = await renderSettings();
    expect((screen.getByLabelText('Years') as HTMLInputElement).value).toBe('7');
    expect((screen.getByLabelText('Months') as HTMLInputElement).value).toBe('0');
    await save();
    expect(sent(adminUpdateSettings)).toMatchObject({ retentionDays: 2557, languages: ['en', 'es'], defaultLanguage: 'es' });
  });

  it.each([
    ['10 years', { years: '10', months: '0' }, 3653],
    ['1 month, the shortest', { years: '0', months: '1' }, 30],
    ['years above 99 are held at 99', { years: '150', months: '11' }, 36_495],
  ])('%s is sent as days', async (_label, { years, months }, days) => {
    const { adminUpdateSettings } = await renderSettings();
    fireEvent.change(screen.getByLabelText('Years'), { target: { value: years } });
    fireEvent.change(screen.getByLabelText('Months'), { target: { value: months } });
    await save();
    expect(sent(adminUpdateSettings).retentionDays).toBe(days);
  });

  it('lists languages by their own and English names; ticking adds the code, and the default is chosen among the ticked', async () => {
    const { adminUpdateSettings } = await renderSettings();
    const spanish = screen.getByRole('checkbox', { name: /Español.*Spanish/ });
    const french = screen.getByRole('checkbox', { name: /Français.*French/ });
    expect(spanish).toHaveProperty('checked', true);
    expect(french).toHaveProperty('checked', false);
    fireEvent.click(french);
    const options = Array.from((screen.getByLabelText('Default language') as HTMLSelectElement).options).map((o) => o.textContent);
    expect(options).toEqual(['English', 'Español (Spanish)', 'Français (French)']);
    // Unticking the default language moves the default to one still offered.
    fireEvent.click(spanish);
    await save();
    expect(sent(adminUpdateSettings)).toMatchObject({ languages: ['en', 'fr'], defaultLanguage: 'en' });
  });

  it('shows the age of consent in years with its range, and saves a changed age', async () => {
    const { adminUpdateSettings } = await renderSettings();
    const age = screen.getByLabelText('Age of consent (years)') as HTMLInputElement;
    expect(age.value).toBe('18');
    expect(age.getAttribute('aria-describedby')).toBe('setting-ageOfConsent-hint');
    expect(screen.getByText(/From 14 to 21 years/)).toBeTruthy();
    fireEvent.change(age, { target: { value: '16' } });
    await save();
    expect(sent(adminUpdateSettings).ageOfConsent).toBe(16);
  });
});
