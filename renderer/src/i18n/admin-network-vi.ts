import type { adminNetworkEn } from './admin-network-en.ts';
import type { Translation } from './translation-shape.ts';

/** Vietnamese Clinic server panel (made with machine help; see docs/TRANSLATIONS.md before clinical use). */
export const adminNetworkVi: Translation<typeof adminNetworkEn> = {
  tab: 'Máy chủ phòng khám',
  title: 'Máy chủ phòng khám',
  single: 'Ki-ốt này hoạt động độc lập: phiếu tiếp nhận được lưu tại đây.',
  joined: 'Đã kết nối với máy chủ phòng khám {{server}} với tên “{{name}}”. Phiếu tiếp nhận được gửi đến đó.',
  joinedByConfig: 'Đã kết nối với máy chủ phòng khám {{server}} theo tệp cấu hình của ki-ốt này. Hãy thay đổi trong tệp đó.',
  waiting_one: '{{count}} phiếu tiếp nhận đang chờ gửi đến máy chủ.',
  waiting_other: '{{count}} phiếu tiếp nhận đang chờ gửi đến máy chủ.',
  nothingWaiting: 'Không có gì đang chờ: mọi phiếu tiếp nhận đã đến máy chủ.',
  cannotPair: 'Ki-ốt này không thể kết nối với máy chủ phòng khám.',
  joinTitle: 'Kết nối với máy chủ phòng khám',
  joinIntro: 'Trên máy chủ phòng khám, quản trị viên mở Quản trị > Thiết bị và chọn “Ghép nối ki-ốt”. Hãy nhập tại đây những gì màn hình đó hiển thị.',
  serverUrl: 'Địa chỉ máy chủ',
  serverUrlHint: 'Bắt đầu bằng https://, ví dụ https://clinic-server.local:8443',
  code: 'Mã ghép nối',
  fingerprint: 'Dấu vân tay chứng chỉ của phòng khám',
  fingerprintHint: 'Hiển thị bên cạnh mã trên máy chủ. Nhập ít nhất 8 nhóm bốn ký tự đầu tiên. Nó chứng minh ki-ốt này đang nói chuyện với máy chủ của phòng khám bạn.',
  name: 'Tên của ki-ốt này',
  nameHint: 'Như danh sách thiết bị của máy chủ sẽ hiển thị, ví dụ “Ki-ốt quầy lễ tân”.',
  join: 'Kết nối với máy chủ phòng khám',
  joining: 'Đang kết nối với máy chủ phòng khám…',
  joinedStatus: 'Ki-ốt này đã được kết nối với máy chủ phòng khám.',
  leave: 'Rời máy chủ phòng khám…',
  confirmTitle: 'Rời máy chủ phòng khám?',
  confirmText: 'Ki-ốt này sẽ hoạt động độc lập trở lại và lưu phiếu tiếp nhận tại đây. Trên máy chủ, hãy thu hồi nó trong Thiết bị. Không thể rời khi vẫn còn phiếu tiếp nhận chờ gửi.',
  confirmLeave: 'Có, rời đi',
  leftStatus: 'Ki-ốt này đã rời máy chủ phòng khám và hoạt động độc lập.',
};
