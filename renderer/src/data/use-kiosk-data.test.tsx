// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createInstance } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KioskApi, RosterEntry } from '../../../api/contract.ts';
import type { ApiError, Result } from '../../../api/result.ts';
import { staffEn } from '../i18n/staff-en.ts';
import { CallError } from './CallError.tsx';
import { StaffDataProvider } from './StaffDataProvider.tsx';
import { useKioskAction, useKioskQuery } from './use-kiosk-data.ts';

afterEach(cleanup);

const i18n = createInstance();
void i18n.use(initReactI18next).init({ resources: { en: { staff: staffEn } }, lng: 'en', initAsync: false, interpolation: { escapeValue: false } });

/** A bridge call whose answer the test gives when it chooses. */
function deferred<T>() {
  let answer!: (r: Result<T>) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<Result<T>>((res, rej) => {
    answer = res;
    reject = rej;
  });
  return { promise, answer, reject };
}

const refusal = (code: ApiError['code'], message: string): Result<never> => ({ ok: false, error: { code, message } });
const roster = (...names: string[]): Result<RosterEntry[]> => ({ ok: true, value: names.map((name, i) => ({ staffId: `s${i}`, name, role: 'therapist' as const })) });

function setUp(api: Partial<KioskApi>) {
  const onSessionEnded = vi.fn();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <StaffDataProvider api={api as KioskApi} onSessionEnded={onSessionEnded}>
        {children}
      </StaffDataProvider>
    </I18nextProvider>
  );
  return { onSessionEnded, wrapper };
}

/** A screen as staff screens are written: loading line, the data, and <CallError>. */
function Roster({ filter, onData }: { readonly filter: string; readonly onData?: (names: readonly string[]) => void }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the test changes an input the fake call ignores
  const roster = useKioskQuery((api) => api.staffRoster({}), [filter], onData ? { onData: (r) => onData(r.map((e) => e.name)) } : {});
  return (
    <div>
      {roster.isLoading ? <p aria-busy="true">Loading…</p> : null}
      <CallError errors={[roster.error]} />
      <ul>{roster.data?.filter((e) => e.name.includes(filter)).map((e) => <li key={e.staffId}>{e.name}</li>)}</ul>
      <button type="button" onClick={roster.reload}>
        Reload
      </button>
    </div>
  );
}

const flush = () => act(async () => {});

describe('useKioskQuery', () => {
  it('shows loading until the answer, then the data', async () => {
    const call = deferred<RosterEntry[]>();
    const { wrapper } = setUp({ staffRoster: () => call.promise });
    render(<Roster filter="" />, { wrapper });
    expect(screen.getByText('Loading…')).toBeTruthy();
    await act(async () => call.answer(roster('Theo', 'Olivia')));
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Theo', 'Olivia']);
  });

  it.each([
    ['a refusal shows its own message as an alert', refusal('unavailable', 'The database is busy. Try again.'), 'The database is busy. Try again.'],
    ['a forbidden answer is shown, not treated as the session ending', refusal('forbidden', 'Only an administrator can do that.'), 'Only an administrator can do that.'],
  ] as const)('%s', async (_label, answer, message) => {
    const { wrapper, onSessionEnded } = setUp({ staffRoster: async () => answer });
    render(<Roster filter="" />, { wrapper });
    await flush();
    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('a bridge that throws reads as a message a person can act on, never the exception', async () => {
    const { wrapper } = setUp({ staffRoster: () => Promise.reject(new Error('ipc: channel closed at Object.<anonymous>')) });
    render(<Roster filter="" />, { wrapper });
    await flush();
    expect(screen.getByRole('alert').textContent).toBe(staffEn.errors.unreachable);
  });

  it('unauthenticated ends the session once and shows no error', async () => {
    const { wrapper, onSessionEnded } = setUp({ staffRoster: async () => refusal('unauthenticated', 'Please sign in.') });
    render(<Roster filter="" />, { wrapper });
    await flush();
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('ignores a stale answer: inputs changed while it was on its way', async () => {
    const first = deferred<RosterEntry[]>();
    const second = deferred<RosterEntry[]>();
    const calls = [first, second];
    const onData = vi.fn();
    const { wrapper } = setUp({ staffRoster: () => calls.shift()!.promise });
    const view = render(<Roster filter="" onData={onData} />, { wrapper });
    view.rerender(<Roster filter="a" onData={onData} />);
    await act(async () => second.answer(roster('Ana', 'Bea')));
    await act(async () => first.answer(roster('Zed')));
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ana', 'Bea']);
    expect(onData).toHaveBeenCalledTimes(1);
    expect(onData).toHaveBeenCalledWith(['Ana', 'Bea']);
  });

  it('ignores an older reload answering after a newer one', async () => {
    const first = deferred<RosterEntry[]>();
    const second = deferred<RosterEntry[]>();
    const calls = [first, second];
    const { wrapper } = setUp({ staffRoster: () => calls.shift()!.promise });
    render(<Roster filter="" />, { wrapper });
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await act(async () => second.answer(roster('New')));
    await act(async () => first.answer(roster('Old')));
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['New']);
  });

  it('drops the answer when the screen has gone: no data callback, no session end', async () => {
    const call = deferred<RosterEntry[]>();
    const onData = vi.fn();
    const { wrapper, onSessionEnded } = setUp({ staffRoster: () => call.promise });
    const view = render(<Roster filter="" onData={onData} />, { wrapper });
    view.unmount();
    await act(async () => call.answer(refusal('unauthenticated', 'Please sign in.')));
    expect(onSessionEnded).not.toHaveBeenCalled();
    expect(onData).not.toHaveBeenCalled();
  });

  it('keeps the data while a reload fails, and shows why', async () => {
    const answers = [roster('Theo'), refusal('unavailable', 'Try again in a moment.')];
    const { wrapper } = setUp({ staffRoster: async () => answers.shift()! });
    render(<Roster filter="" />, { wrapper });
    await flush();
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await flush();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Theo']);
    expect(screen.getByRole('alert').textContent).toBe('Try again in a moment.');
  });

  it('waits delayMs after the inputs change and calls once for a burst of changes', async () => {
    vi.useFakeTimers();
    try {
      const staffRoster = vi.fn(async () => roster('Theo'));
      const { wrapper } = setUp({ staffRoster });
      function Typing({ text }: { readonly text: string }) {
        // eslint-disable-next-line react-hooks/exhaustive-deps -- the test changes an input the fake call ignores
        const q = useKioskQuery((api) => api.staffRoster({}), [text], { delayMs: 250 });
        return <p>{q.data ? 'checked' : 'waiting'}</p>;
      }
      const view = render(<Typing text="a" />, { wrapper });
      view.rerender(<Typing text="ab" />);
      view.rerender(<Typing text="abc" />);
      expect(staffRoster).not.toHaveBeenCalled();
      await act(async () => vi.advanceTimersByTimeAsync(250));
      expect(staffRoster).toHaveBeenCalledTimes(1);
      expect(screen.getByText('checked')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});

/** An action as the screens use it: a button, busy while it runs, <CallError>, an outcome line. */
function SignIn({ sessionless = false }: { readonly sessionless?: boolean }) {
  const login = useKioskAction((api, pin: string) => api.staffLogin({ staffId: 's1', pin }), { sessionless });
  return (
    <div>
      <button type="button" disabled={login.isBusy} onClick={() => void login.run('135792').then((r) => r.ok && document.body.setAttribute('data-done', r.value.name))}>
        Sign in
      </button>
      <CallError errors={[login.error]} />
    </div>
  );
}

describe('useKioskAction', () => {
  const session = { staffId: 's1', name: 'Theo', role: 'therapist' as const, expiresAt: '2026-03-04T10:00:00.000Z', language: 'en' };

  it('is busy while the call runs, then gives its answer', async () => {
    const call = deferred<typeof session>();
    const { wrapper } = setUp({ staffLogin: () => call.promise });
    render(<SignIn />, { wrapper });
    const button = screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement;
    fireEvent.click(button);
    expect(button.disabled).toBe(true);
    await act(async () => call.answer({ ok: true, value: session }));
    expect(button.disabled).toBe(false);
    expect(document.body.getAttribute('data-done')).toBe('Theo');
  });

  it.each([
    ['inside a session, unauthenticated ends it and shows nothing', false, 1, null],
    ['before sign-in (sessionless), unauthenticated is a wrong PIN to show', true, 0, 'That PIN did not work.'],
  ] as const)('%s', async (_label, sessionless, ended, shown) => {
    const { wrapper, onSessionEnded } = setUp({ staffLogin: async () => refusal('unauthenticated', 'That PIN did not work.') });
    render(<SignIn sessionless={sessionless} />, { wrapper });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await flush();
    expect(onSessionEnded).toHaveBeenCalledTimes(ended);
    expect(screen.queryByRole('alert')?.textContent ?? null).toBe(shown);
  });

  it('running again clears the last refusal', async () => {
    const answers: Result<typeof session>[] = [refusal('locked_out', 'Too many wrong PINs.'), { ok: true, value: session }];
    const { wrapper } = setUp({ staffLogin: async () => answers.shift()! });
    render(<SignIn sessionless />, { wrapper });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await flush();
    expect(screen.getByRole('alert').textContent).toBe('Too many wrong PINs.');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await flush();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('an answer after the screen has gone never reaches the caller', async () => {
    const call = deferred<typeof session>();
    const { wrapper, onSessionEnded } = setUp({ staffLogin: () => call.promise });
    let settled = false;
    function Probe() {
      const login = useKioskAction((api) => api.staffLogin({ staffId: 's1', pin: '1' }));
      return (
        <button type="button" onClick={() => void login.run().finally(() => (settled = true))}>
          Go
        </button>
      );
    }
    const view = render(<Probe />, { wrapper });
    fireEvent.click(screen.getByRole('button', { name: 'Go' }));
    view.unmount();
    await act(async () => call.answer(refusal('unauthenticated', 'Please sign in.')));
    expect(settled).toBe(false);
    expect(onSessionEnded).not.toHaveBeenCalled();
  });
});
