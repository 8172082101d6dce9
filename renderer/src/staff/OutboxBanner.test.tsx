// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxStatus, QueueItem } from '../../../api/contract.ts';
import { createStaffI18n, initI18n } from '../i18n/index.ts';
import { ArrivalBadges } from './ArrivalBadges.tsx';
import { OutboxNotice } from './OutboxBanner.tsx';

beforeAll(initI18n);
afterEach(cleanup);

const base: OutboxStatus = { networkMode: true, waiting: 0, refused: 0, oldestAt: null, lastError: null };

function renderIn(language: string, node: React.ReactNode) {
  return render(<I18nextProvider i18n={createStaffI18n(language)}>{node}</I18nextProvider>);
}

describe('the kiosk staff home banner: intakes waiting for the clinic server', () => {
  it.each<[string, OutboxStatus]>([
    ['a single kiosk', { ...base, networkMode: false }],
    ['nothing waiting', base],
  ])('shows nothing for %s', (_label, status) => {
    const { container } = renderIn('en', <OutboxNotice status={status} />);
    expect(container.textContent).toBe('');
  });

  it('says how many wait, since when, and that the server cannot be reached', () => {
    renderIn('en', <OutboxNotice status={{ ...base, waiting: 3, oldestAt: '2025-06-15T10:30:00.000Z', lastError: { kind: 'unreachable', message: 'The clinic server could not be reached (timeout).', at: '2025-06-15T10:31:00.000Z' } }} />);
    const banner = screen.getByRole('status', { name: 'Intakes waiting for the clinic server' });
    expect(banner.textContent).toContain('3 intakes are waiting to reach the clinic server.');
    expect(banner.textContent).toContain('The oldest is from');
    expect(banner.textContent).toContain('cannot be reached just now');
    expect(banner.textContent).toContain('The clinic server could not be reached (timeout).');
  });

  it('names refused intakes, which stay on the kiosk', () => {
    renderIn('en', <OutboxNotice status={{ ...base, waiting: 1, refused: 1, oldestAt: '2025-06-15T10:30:00.000Z', lastError: { kind: 'refused', message: 'The signed PDF was not accepted.', at: '2025-06-15T10:31:00.000Z' } }} />);
    expect(screen.getByRole('status').textContent).toContain('One intake is waiting');
    expect(screen.getByRole('status').textContent).toContain('The clinic server refused one intake; it stays on this kiosk.');
  });

  it('a revoked kiosk: says the server no longer accepts it, that the intakes are kept, and to join it again', () => {
    const lastError = { kind: 'not_paired' as const, message: 'The clinic server no longer accepts this kiosk: This device is not paired with the clinic server.', at: '2025-06-15T10:31:00.000Z' };
    renderIn('en', <OutboxNotice status={{ ...base, waiting: 2, oldestAt: '2025-06-15T10:30:00.000Z', lastError }} />);
    const banner = screen.getByRole('status', { name: 'Intakes waiting for the clinic server' });
    expect(banner.querySelector('strong')?.textContent).toBe('The clinic server no longer accepts this kiosk (it was removed from its devices).');
    expect(banner.textContent).toContain('2 intakes are kept here safely.');
    expect(banner.textContent).toContain('Ask an admin to join this kiosk to the clinic server again (Admin > Clinic server).');
    expect(banner.textContent).not.toContain('cannot be reached');
  });

  it.each([
    ['es', 1, 'El servidor de la clínica ya no acepta este quiosco', 'Un formulario de ingreso se guarda aquí de forma segura.'],
    ['fr', 3, 'Le serveur de la clinique n’accepte plus cette borne', '3 fiches d’accueil sont conservées ici en sécurité.'],
    ['zh', 2, '诊所服务器已不再接受此终端', '有 2 份登记表安全地保存在这里。'],
    ['vi', 2, 'Máy chủ phòng khám không còn chấp nhận kiosk này', '2 phiếu tiếp nhận được lưu an toàn tại đây.'],
    ['ko', 4, '클리닉 서버가 더 이상 이 키오스크를 받아들이지 않습니다', '접수서 4건이 이곳에 안전하게 보관되어 있습니다.'],
    ['ar', 2, 'لم يعد خادم العيادة يقبل هذا الجهاز', 'استمارتان محفوظتان هنا بأمان.'],
    ['ru', 5, 'Сервер клиники больше не принимает этот киоск', '5 анкет надёжно хранятся здесь.'],
  ])('a revoked kiosk in %s (%i kept)', (language, waiting, headline, kept) => {
    renderIn(language, <OutboxNotice status={{ ...base, waiting, oldestAt: '2025-06-15T10:30:00.000Z', lastError: { kind: 'not_paired', message: 'x', at: '2025-06-15T10:31:00.000Z' } }} />);
    const text = screen.getByRole('status').textContent;
    expect(text).toContain(headline);
    expect(text).toContain(kept);
  });

  it.each([
    ['ru', 5, '5 анкет ждут отправки на сервер клиники.'],
    ['ar', 2, 'استمارتان تنتظران الإرسال إلى خادم العيادة.'],
    ['ko', 4, '접수서 4건이 클리닉 서버로 전송되기를 기다리고 있습니다.'],
  ])('in %s with the language’s plural form (%i waiting)', (language, waiting, words) => {
    renderIn(language, <OutboxNotice status={{ ...base, waiting, oldestAt: '2025-06-15T10:30:00.000Z' }} />);
    expect(screen.getByRole('status').textContent).toContain(words);
  });
});

describe('arrival badges in the clinic server’s queue', () => {
  it.each<[string, QueueItem['arrival'], string[]]>([
    ['not forwarded (a single kiosk)', undefined, []],
    ['forwarded on time', { late: false, clockSkewMinutes: null }, []],
    ['queued on the kiosk', { late: true, clockSkewMinutes: null }, ['Arrived late (queued on the kiosk)']],
    ['kiosk clock 7 minutes behind', { late: false, clockSkewMinutes: -7 }, ['Kiosk clock off by 7 min']],
    ['both', { late: true, clockSkewMinutes: 12 }, ['Arrived late (queued on the kiosk)', 'Kiosk clock off by 12 min']],
  ])('%s', (_label, arrival, words) => {
    const { container } = renderIn('en', <ArrivalBadges item={arrival ? { arrival } : {}} />);
    expect([...container.querySelectorAll('.arrival-badge')].map((b) => b.textContent)).toEqual(words);
  });

  it('in French', () => {
    const { container } = renderIn('fr', <ArrivalBadges item={{ arrival: { late: true, clockSkewMinutes: 3 } }} />);
    expect(container.textContent).toBe('Arrivée en retard (en attente sur la borne)Horloge de la borne décalée de 3 min');
  });
});
