import type { adminDevicesEn } from './admin-devices-en.ts';
import type { Translation } from './translation-shape.ts';

/** Korean Devices panel (made with machine help; see docs/TRANSLATIONS.md before clinical use). */
export const adminDevicesKo: Translation<typeof adminDevicesEn> = {
  tab: '기기',
  title: '페어링된 기기',
  intro: '태블릿, PC, 다른 로비 키오스크는 페어링한 후에만 클리닉 서버에 연결할 수 있습니다. 페어링 코드는 10분 동안 한 번만 사용할 수 있습니다.',
  pairBrowser: '태블릿 또는 PC 페어링',
  pairKiosk: '키오스크 페어링',
  creating: '페어링 코드를 만드는 중…',
  codeTitle: '페어링 코드',
  codeFor: { browser: '태블릿 또는 PC용', kiosk: '로비 키오스크용' },
  expiresIn: '{{time}} 후 만료',
  expired: '이 코드는 만료되었습니다. 아직 필요하면 새 코드를 만드세요.',
  instructions: {
    browser: '태블릿이나 PC의 브라우저에서 클리닉 서버 주소를 열고 페어링 페이지에 이 코드를 입력하세요.',
    kiosk: '키오스크의 클리닉 네트워크 설정(네트워크 모드)에서 이 코드를 한 번 입력하세요. 그러면 키오스크가 클리닉에서 자체 서명 인증서를 받습니다.',
  },
  doneWithCode: '완료',
  listTitle: '기기',
  none: '아직 페어링된 기기가 없습니다.',
  colName: '이름',
  colKind: '종류',
  colPaired: '페어링 일시',
  colLastSeen: '마지막 사용',
  colStatus: '상태',
  colActions: '작업',
  kind: { browser: '태블릿 또는 PC', kiosk: '키오스크' },
  neverSeen: '아직 없음',
  active: '✓ 페어링됨',
  revokedOn: '✕ {{date}}에 해지됨',
  revoke: '해지…',
  revokeFor: '{{name}}',
  confirmTitle: '{{name}}을(를) 해지할까요?',
  confirmText: '이 기기에 로그인한 사람은 즉시 로그아웃되고, 기기는 더 이상 클리닉 서버에 연결할 수 없습니다. 다시 사용하려면 새 코드로 페어링하세요.',
  confirmRevoke: '예, 해지합니다',
  revokedStatus: '{{name}}을(를) 해지했습니다.',
};
