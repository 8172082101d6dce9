import type { adminNetworkEn } from './admin-network-en.ts';
import type { Translation } from './translation-shape.ts';

/** Chinese Clinic server panel (made with machine help; see docs/TRANSLATIONS.md before clinical use). */
export const adminNetworkZh: Translation<typeof adminNetworkEn> = {
  tab: '诊所服务器',
  title: '诊所服务器',
  single: '此自助终端独立运行：登记表保存在本机。',
  joined: '已以“{{name}}”的名称接入诊所服务器 {{server}}。登记表会发送到那里。',
  joinedByConfig: '此自助终端的配置文件已将其接入诊所服务器 {{server}}。请在配置文件中修改。',
  waiting_one: '有 {{count}} 份登记表等待发送到服务器。',
  waiting_other: '有 {{count}} 份登记表等待发送到服务器。',
  nothingWaiting: '没有待发送的内容：所有登记表都已送达服务器。',
  cannotPair: '此自助终端无法接入诊所服务器。',
  joinTitle: '接入诊所服务器',
  joinIntro: '在诊所服务器上，管理员打开“管理 > 设备”，选择“配对自助终端”。请在这里输入该页面显示的内容。',
  serverUrl: '服务器地址',
  serverUrlHint: '以 https:// 开头，例如 https://clinic-server.local:8443',
  code: '配对码',
  fingerprint: '诊所证书指纹',
  fingerprintHint: '显示在服务器上的配对码旁边。至少输入前 8 组（每组四个字符）。它能证明此自助终端连接的是您诊所的服务器。',
  name: '此自助终端的名称',
  nameHint: '服务器设备列表中显示的名称，例如“前台自助终端”。',
  join: '接入诊所服务器',
  joining: '正在接入诊所服务器…',
  joinedStatus: '此自助终端已接入诊所服务器。',
  leave: '退出诊所服务器…',
  confirmTitle: '要退出诊所服务器吗？',
  confirmText: '此自助终端将重新独立运行，并把登记表保存在本机。请在服务器的“设备”中撤销它。仍有登记表等待发送时无法退出。',
  confirmLeave: '是的，退出',
  leftStatus: '此自助终端已退出诊所服务器，现在独立运行。',
};
