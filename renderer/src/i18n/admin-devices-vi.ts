import type { adminDevicesEn } from './admin-devices-en.ts';
import type { Translation } from './translation-shape.ts';

/** Vietnamese Devices panel (made with machine help; see docs/TRANSLATIONS.md before clinical use). */
export const adminDevicesVi: Translation<typeof adminDevicesEn> = {
  tab: 'Thiết bị',
  title: 'Thiết bị đã ghép nối',
  intro: 'Máy tính bảng, máy tính và các ki-ốt tiếp đón khác chỉ truy cập được máy chủ phòng khám sau khi đã ghép nối. Mỗi mã ghép nối chỉ dùng được một lần, trong 10 phút.',
  pairBrowser: 'Ghép nối máy tính bảng hoặc máy tính',
  pairKiosk: 'Ghép nối ki-ốt',
  creating: 'Đang tạo mã ghép nối…',
  codeTitle: 'Mã ghép nối',
  codeFor: { browser: 'Cho máy tính bảng hoặc máy tính', kiosk: 'Cho ki-ốt tiếp đón' },
  expiresIn: 'Hết hạn sau {{time}}',
  expired: 'Mã này đã hết hạn. Hãy tạo mã mới nếu bạn vẫn cần.',
  instructions: {
    browser: 'Trên máy tính bảng hoặc máy tính, mở địa chỉ máy chủ phòng khám trong trình duyệt và nhập mã này ở trang ghép nối.',
    kiosk: 'Nhập mã này một lần trong phần thiết lập mạng phòng khám của ki-ốt (chế độ mạng). Sau đó ki-ốt nhận chứng chỉ ký riêng của mình từ phòng khám.',
  },
  doneWithCode: 'Xong',
  listTitle: 'Thiết bị',
  none: 'Chưa có thiết bị nào được ghép nối.',
  colName: 'Tên',
  colKind: 'Loại',
  colPaired: 'Ghép nối lúc',
  colLastSeen: 'Hoạt động gần nhất',
  colStatus: 'Trạng thái',
  colActions: 'Thao tác',
  kind: { browser: 'Máy tính bảng hoặc máy tính', kiosk: 'Ki-ốt' },
  neverSeen: 'Chưa có',
  active: '✓ Đã ghép nối',
  revokedOn: '✕ Đã thu hồi lúc {{date}}',
  revoke: 'Thu hồi…',
  revokeFor: '{{name}}',
  confirmTitle: 'Thu hồi {{name}}?',
  confirmText: 'Người đang đăng nhập trên thiết bị sẽ bị đăng xuất ngay, và thiết bị không thể truy cập máy chủ phòng khám nữa. Muốn dùng lại, hãy ghép nối bằng một mã mới.',
  confirmRevoke: 'Có, thu hồi',
  revokedStatus: 'Đã thu hồi {{name}}.',
};
