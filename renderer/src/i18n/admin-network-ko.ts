import type { adminNetworkEn } from './admin-network-en.ts';
import type { Translation } from './translation-shape.ts';

/** Korean Clinic server panel (made with machine help; see docs/TRANSLATIONS.md before clinical use). */
export const adminNetworkKo: Translation<typeof adminNetworkEn> = {
  tab: '클리닉 서버',
  title: '클리닉 서버',
  single: '이 키오스크는 단독으로 작동합니다. 접수서는 여기에 저장됩니다.',
  joined: '클리닉 서버 {{server}}에 “{{name}}”(으)로 연결되었습니다. 접수서는 그곳으로 보내집니다.',
  joinedByConfig: '이 키오스크의 구성 파일에 따라 클리닉 서버 {{server}}에 연결되어 있습니다. 구성 파일에서 변경하세요.',
  waiting_one: '접수서 {{count}}건이 서버로 전송되기를 기다리고 있습니다.',
  waiting_other: '접수서 {{count}}건이 서버로 전송되기를 기다리고 있습니다.',
  nothingWaiting: '기다리는 것이 없습니다. 모든 접수서가 서버에 도착했습니다.',
  cannotPair: '이 키오스크는 클리닉 서버에 연결할 수 없습니다.',
  joinTitle: '클리닉 서버에 연결',
  joinIntro: '클리닉 서버에서 관리자가 관리 > 기기를 열고 “키오스크 페어링”을 선택합니다. 그 화면에 표시된 내용을 여기에 입력하세요.',
  serverUrl: '서버 주소',
  serverUrlHint: 'https://로 시작합니다. 예: https://clinic-server.local:8443',
  code: '페어링 코드',
  fingerprint: '클리닉 인증서 지문',
  fingerprintHint: '서버에서 코드 옆에 표시됩니다. 네 글자씩 묶인 그룹 중 최소 앞 8개를 입력하세요. 이 키오스크가 클리닉의 서버와 통신하고 있음을 증명합니다.',
  name: '이 키오스크의 이름',
  nameHint: '서버의 기기 목록에 표시될 이름입니다. 예: “안내 데스크 키오스크”.',
  join: '클리닉 서버에 연결',
  joining: '클리닉 서버에 연결하는 중…',
  joinedStatus: '이 키오스크가 이제 클리닉 서버에 연결되었습니다.',
  leave: '클리닉 서버에서 나가기…',
  confirmTitle: '클리닉 서버에서 나가시겠습니까?',
  confirmText: '이 키오스크는 다시 단독으로 작동하며 접수서를 여기에 저장합니다. 서버의 기기에서 이 키오스크를 해지하세요. 전송을 기다리는 접수서가 있는 동안에는 나갈 수 없습니다.',
  confirmLeave: '예, 나갑니다',
  leftStatus: '이 키오스크는 클리닉 서버에서 나와 단독으로 작동합니다.',
};
