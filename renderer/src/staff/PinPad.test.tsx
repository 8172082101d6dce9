// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStaffI18n, initI18n } from '../i18n/index.ts';
import { PinPad } from './PinPad.tsx';

beforeAll(initI18n);
afterEach(cleanup);

const renderPad = (onSubmit: (pin: string) => void, canSubmit = true) =>
  render(
    <I18nextProvider i18n={createStaffI18n('en')}>
      <PinPad label="PIN (6-12 digits)" submitLabel="Add staff member" canSubmit={canSubmit} onSubmit={onSubmit} />
    </I18nextProvider>,
  );

const display = () => document.querySelector('.pinpad-display')?.textContent ?? '';

describe('PIN pad', () => {
  it('taps: six digits show as six dots, never the digits, and submit the PIN', () => {
    const onSubmit = vi.fn();
    renderPad(onSubmit);
    for (const d of '246801') fireEvent.click(screen.getByRole('button', { name: d }));
    expect(display()).toBe('●●●●●●');
    expect(display()).not.toMatch(/[0-9]/);
    fireEvent.click(screen.getByRole('button', { name: 'Add staff member' }));
    expect(onSubmit).toHaveBeenCalledWith('246801');
    // Empty again after it is sent.
    expect(display()).not.toContain('●');
  });

  it('a physical keyboard: digit keys and Backspace on a focused pad key type on the pad', () => {
    const onSubmit = vi.fn();
    renderPad(onSubmit);
    const one = screen.getByRole('button', { name: '1' });
    for (const key of ['9', '7', '5', '3', '1', '0', '8', 'Backspace']) fireEvent.keyDown(one, { key });
    expect(display()).toBe('●●●●●●');
    fireEvent.click(screen.getByRole('button', { name: 'Add staff member' }));
    expect(onSubmit).toHaveBeenCalledWith('975310');
  });

  it.each([
    { label: 'fewer than six digits', digits: '24680', canSubmit: true },
    { label: 'six digits but the form is not ready (no name yet)', digits: '246801', canSubmit: false },
  ])('does not submit with $label', ({ digits, canSubmit }) => {
    const onSubmit = vi.fn();
    renderPad(onSubmit, canSubmit);
    for (const d of digits) fireEvent.click(screen.getByRole('button', { name: d }));
    const submit = screen.getByRole('button', { name: 'Add staff member' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(submit);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
