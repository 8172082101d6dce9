import type { adminDevicesEn } from './admin-devices-en.ts';
import type { Translation } from './translation-shape.ts';

/** Chinese (Simplified) Devices panel (made with machine help; see docs/TRANSLATIONS.md before clinical use). */
export const adminDevicesZh: Translation<typeof adminDevicesEn> = {
  tab: '设备',
  title: '已配对的设备',
  intro: '平板电脑、电脑和其他前台自助终端只有在配对之后才能访问诊所服务器。配对码只能使用一次，有效期为 10 分钟。',
  pairBrowser: '配对平板电脑或电脑',
  pairKiosk: '配对自助终端',
  creating: '正在生成配对码…',
  codeTitle: '配对码',
  codeFor: { browser: '用于平板电脑或电脑', kiosk: '用于前台自助终端' },
  expiresIn: '{{time}} 后失效',
  expired: '此配对码已失效。如仍需要，请重新生成。',
  instructions: {
    browser: '在平板电脑或电脑上，用浏览器打开诊所服务器的地址，然后在配对页面输入此配对码。',
    kiosk: '在自助终端的诊所网络设置（网络模式）中输入此配对码，只需一次。之后自助终端会从诊所获得自己的签名证书。',
  },
  doneWithCode: '完成',
  listTitle: '设备',
  none: '尚未配对任何设备。',
  colName: '名称',
  colKind: '类型',
  colPaired: '配对时间',
  colLastSeen: '最近活动',
  colStatus: '状态',
  colActions: '操作',
  kind: { browser: '平板电脑或电脑', kiosk: '自助终端' },
  neverSeen: '尚无',
  active: '✓ 已配对',
  revokedOn: '✕ 已于 {{date}} 吊销',
  revoke: '吊销…',
  revokeFor: '{{name}}',
  confirmTitle: '要吊销 {{name}} 吗？',
  confirmText: '在该设备上登录的人员会立即退出，该设备也将无法再访问诊所服务器。如需再次使用，请用新的配对码重新配对。',
  confirmRevoke: '是，吊销',
  revokedStatus: '已吊销 {{name}}。',
};
