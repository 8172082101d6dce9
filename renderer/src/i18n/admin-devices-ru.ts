import type { adminDevicesEn } from './admin-devices-en.ts';
import type { Translation } from './translation-shape.ts';

/** Russian Devices panel (made with machine help; see docs/TRANSLATIONS.md before clinical use). */
export const adminDevicesRu: Translation<typeof adminDevicesEn> = {
  tab: 'Устройства',
  title: 'Привязанные устройства',
  intro: 'Планшеты, компьютеры и другие киоски регистратуры получают доступ к серверу клиники только после привязки. Код привязки действует один раз в течение 10 минут.',
  pairBrowser: 'Привязать планшет или компьютер',
  pairKiosk: 'Привязать киоск',
  creating: 'Создаётся код привязки…',
  codeTitle: 'Код привязки',
  codeFor: { browser: 'Для планшета или компьютера', kiosk: 'Для киоска регистратуры' },
  expiresIn: 'Истекает через {{time}}',
  expired: 'Срок действия кода истёк. Создайте новый, если он ещё нужен.',
  instructions: {
    browser: 'На планшете или компьютере откройте в браузере адрес сервера клиники и введите этот код на странице привязки.',
    kiosk: 'Введите этот код один раз в настройке сети клиники на киоске (сетевой режим). После этого киоск получит от клиники собственный сертификат подписи.',
  },
  doneWithCode: 'Готово',
  listTitle: 'Устройства',
  none: 'Пока нет ни одного привязанного устройства.',
  colName: 'Название',
  colKind: 'Тип',
  colPaired: 'Привязано',
  colLastSeen: 'Последняя активность',
  colStatus: 'Состояние',
  colActions: 'Действия',
  kind: { browser: 'Планшет или компьютер', kiosk: 'Киоск' },
  neverSeen: 'Ещё нет',
  active: '✓ Привязано',
  revokedOn: '✕ Отозвано {{date}}',
  revoke: 'Отозвать…',
  revokeFor: '{{name}}',
  confirmTitle: 'Отозвать «{{name}}»?',
  confirmText: 'Вошедший на нём сотрудник сразу выходит из системы, а устройство больше не может обращаться к серверу клиники. Чтобы снова им пользоваться, привяжите его новым кодом.',
  confirmRevoke: 'Да, отозвать',
  revokedStatus: 'Устройство «{{name}}» отозвано.',
};
