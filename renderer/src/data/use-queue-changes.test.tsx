// @vitest-environment happy-dom
/**
 * A staff screen on the clinic server's live queue: a burst of events is one reload, one reload
 * at a time, events during it give exactly one more, and the newest answer is what shows.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { createInstance } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskApi, RosterEntry } from '../../../api/contract.ts';
import type { Result } from '../../../api/result.ts';
import { staffEn } from '../i18n/staff-en.ts';
import { StaffDataProvider } from './StaffDataProvider.tsx';
import { useKioskQuery } from './use-kiosk-data.ts';
import { LIVE_RELOAD_WINDOW_MS } from './live-reload-timing.ts';
import { useQueueChanges } from './use-queue-changes.ts';

const i18n = createInstance();
void i18n.use(initReactI18next).init({ resources: { en: { staff: staffEn } }, lng: 'en', initAsync: false, interpolation: { escapeValue: false } });

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const roster = (...names: string[]): Result<RosterEntry[]> => ({ ok: true, value: names.map((name, i) => ({ staffId: `s${i}`, name, role: 'therapist' as const })) });

function LiveList() {
  const list = useKioskQuery((api) => api.staffRoster({}), []);
  const isLive = useQueueChanges(list.refresh);
  return (
    <div>
      {isLive ? <p>live</p> : null}
      <ul>{list.data?.map((e) => <li key={e.staffId}>{e.name}</li>)}</ul>
    </div>
  );
}

/** A host that pushes changes; each list call waits for the test to answer it. */
function setUp() {
  const listeners = new Set<() => void>();
  const answers: ((r: Result<RosterEntry[]>) => void)[] = [];
  const staffRoster = vi.fn(() => new Promise<Result<RosterEntry[]>>((resolve) => answers.push(resolve)));
  const api = {
    staffRoster,
    onQueueChanged: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as KioskApi;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <StaffDataProvider api={api} onSessionEnded={vi.fn()}>
        {children}
      </StaffDataProvider>
    </I18nextProvider>
  );
  const events = (count: number) => {
    for (let i = 0; i < count; i++) for (const listener of [...listeners]) listener();
  };
  const answer = (...names: string[]) => act(async () => answers.shift()?.(roster(...names)));
  const wait = (ms: number) => act(async () => vi.advanceTimersByTimeAsync(ms));
  return { wrapper, staffRoster, events, answer, wait, listeners };
}

const shown = () => screen.queryAllByRole('listitem').map((li) => li.textContent);

describe('the live queue reloads coalesced', () => {
  it('a burst is one reload; events during it give exactly one more; the newest answer shows', async () => {
    const host = setUp();
    render(<LiveList />, { wrapper: host.wrapper });
    await host.answer('Ana');
    expect(screen.getByText('live')).toBeTruthy();
    expect(host.staffRoster).toHaveBeenCalledTimes(1);

    host.events(10);
    await host.wait(LIVE_RELOAD_WINDOW_MS);
    expect(host.staffRoster).toHaveBeenCalledTimes(2);
    host.events(5); // while that reload is on its way
    await host.wait(LIVE_RELOAD_WINDOW_MS * 5);
    expect(host.staffRoster).toHaveBeenCalledTimes(2);
    await host.answer('Ana', 'Bea');
    expect(shown()).toEqual(['Ana', 'Bea']);
    await host.wait(LIVE_RELOAD_WINDOW_MS);
    expect(host.staffRoster).toHaveBeenCalledTimes(3);
    await host.answer('Ana', 'Bea', 'Cy');
    await host.wait(LIVE_RELOAD_WINDOW_MS * 5);
    expect(host.staffRoster).toHaveBeenCalledTimes(3);
    expect(shown()).toEqual(['Ana', 'Bea', 'Cy']);
  });

  it('stops listening when the screen goes', async () => {
    const host = setUp();
    const view = render(<LiveList />, { wrapper: host.wrapper });
    await host.answer('Ana');
    view.unmount();
    expect(host.listeners.size).toBe(0);
    host.events(3);
    await host.wait(LIVE_RELOAD_WINDOW_MS * 2);
    expect(host.staffRoster).toHaveBeenCalledTimes(1);
  });
});
