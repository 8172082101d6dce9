// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KioskApi, QueueItem, StaffSession, StaffStatus } from '../../../api/contract.ts';
import type { Result } from '../../../api/result.ts';
import { initI18n } from '../i18n/index.ts';
import { StaffApp } from './StaffApp.tsx';

beforeAll(initI18n);
afterEach(cleanup);

const THEO: StaffSession = { staffId: 's1', name: 'Theo Therapist', role: 'therapist', expiresAt: '2030-01-01T00:00:00.000Z', language: 'en' };
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
function fakeKiosk(queue: () => Result<{ items: QueueItem[] }>, signedIn: StaffSession | null = THEO, clinicLanguage = 'en') {
  let session: StaffSession | null = signedIn;
  const status = async (): Promise<Result<StaffStatus>> => ({ ok: true, value: { needsSetup: false, session, clinicLanguage } });
  const api = {
    staffStatus: vi.fn(status),
    touchStaffSession: vi.fn(async () => ({ ok: true as const, value: { expiresAt: THEO.expiresAt } })),
    staffRoster: vi.fn(async () => ({ ok: true as const, value: [{ staffId: 's1', name: THEO.name, role: 'therapist' as const }] })),
    staffLogin: vi.fn(async () => {
      session = signedIn && { ...signedIn };
      return session ? { ok: true as const, value: session } : { ok: false as const, error: { code: 'unauthenticated' as const, message: 'Please sign in.' } };
    }),
    staffSetLanguage: vi.fn(async ({ language }: { language: string | null }) => {
      if (!session) return { ok: false as const, error: { code: 'unauthenticated' as const, message: 'Please sign in.' } };
      session = { ...session, language: language ?? clinicLanguage };
      return { ok: true as const, value: session };
    }),
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
    const answers: StaffStatus[] = [{ needsSetup: false, session: THEO, clinicLanguage: 'en' }];
    // The first status opens the queue; the session watch's next one finds the session lapsed.
    vi.mocked(api.staffStatus).mockImplementation(async () => ({ ok: true, value: answers.shift() ?? { needsSetup: false, session: null, clinicLanguage: 'en' } }));
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

describe('StaffApp: each staff member reads the staff screens in their own language', () => {
  const queueOk = () => ({ ok: true as const, value: { items: [ITEM] } });
  const MIN: StaffSession = { ...THEO, staffId: 's2', name: '김민준', language: 'ko' };

  it.each([
    ['Korean', 'ko', 'ko', 'ltr', '오늘의 고객', '새로 고침'],
    ['Spanish', 'es', 'es', 'ltr', 'Clientes de hoy', 'Actualizar'],
    ['Arabic, right to left', 'ar', 'ar', 'rtl', 'عملاء اليوم', 'تحديث'],
    ['English', 'en', 'en', 'ltr', 'Today’s clients', 'Refresh'],
  ] as const)('a staff member with %s sees the queue in it', async (_label, language, lang, dir, heading, refresh) => {
    renderStaff(fakeKiosk(queueOk, { ...MIN, language }));
    await settle();
    await settle();
    expect(screen.getByRole('heading', { name: heading })).toBeTruthy();
    expect(screen.getByRole('button', { name: refresh })).toBeTruthy();
    const root = screen.getByRole('main');
    expect([root.getAttribute('lang'), root.getAttribute('dir')]).toEqual([lang, dir]);
    expect([document.documentElement.lang, document.documentElement.dir], 'the whole document').toEqual([lang, dir]);
  });

  it.each([
    { label: 'an Arabic client, an English staff member', client: 'ar', clientDir: 'rtl', staff: 'en', staffDir: 'ltr' },
    { label: 'an English client, an Arabic staff member', client: 'en', clientDir: 'ltr', staff: 'ar', staffDir: 'rtl' },
  ] as const)('$label: the document follows the staff language, and the client’s returns when staff mode closes', async ({ client, clientDir, staff, staffDir }) => {
    document.documentElement.lang = client;
    document.documentElement.dir = clientDir;
    renderStaff(fakeKiosk(queueOk, { ...MIN, language: staff }));
    await settle();
    await settle();
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual([staff, staffDir]);
    cleanup();
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual([client, clientDir]);
  });

  it('signing in as a staff member with ko switches to Korean; the PIN screen before it is in the clinic default', async () => {
    const api = fakeKiosk(queueOk, MIN, 'es');
    // Nobody signed in yet: the PIN screen in the clinic's default language (Spanish).
    vi.mocked(api.staffStatus).mockImplementationOnce(async () => ({ ok: true, value: { needsSetup: false, session: null, clinicLanguage: 'es' } }));
    renderStaff(api);
    await settle();
    expect(screen.getByRole('heading', { name: 'Iniciar sesión' })).toBeTruthy();
    expect(screen.getByRole('main').getAttribute('lang')).toBe('es');
    // Sign in: pick the name, six digits, OK.
    await act(async () => screen.getByRole('radio', { name: new RegExp(THEO.name) }).click());
    for (let i = 0; i < 6; i++) await act(async () => screen.getByRole('button', { name: '1' }).click());
    await act(async () => screen.getByRole('button', { name: 'Iniciar sesión' }).click());
    await settle();
    await settle();
    expect(screen.getByRole('heading', { name: '오늘의 고객' })).toBeTruthy();
    expect(screen.getByRole('main').getAttribute('lang')).toBe('ko');
  });

  it('choosing another language in the toolbar switches the screens at once and stores it for next time', async () => {
    const api = fakeKiosk(queueOk, MIN);
    renderStaff(api);
    await settle();
    await settle();
    const menu = screen.getByRole('combobox', { name: '화면 언어' });
    await act(async () => {
      (menu as HTMLSelectElement).value = 'ru';
      menu.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(api.staffSetLanguage).toHaveBeenCalledWith({ language: 'ru' });
    expect(screen.getByRole('heading', { name: 'Клиенты на сегодня' })).toBeTruthy();
  });

  it('when the session ends (lock elsewhere, time-out) the screens return to the clinic default', async () => {
    const answers: Result<{ items: QueueItem[] }>[] = [{ ok: false, error: { code: 'unauthenticated', message: 'Please sign in.' } }];
    renderStaff(fakeKiosk(() => answers.shift() ?? queueOk(), MIN, 'en'));
    await settle();
    await settle();
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('main').getAttribute('lang')).toBe('en');
    expect(screen.queryByText('오늘의 고객')).toBeNull();
  });
});
