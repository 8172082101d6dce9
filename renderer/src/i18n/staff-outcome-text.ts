/**
 * The acknowledgement outcome's text (staff namespace, key `outcome`) in every staff screen
 * language, kept in one file beside the feature; staff-resources.ts joins it into `staff`.
 * Codes are the contract's OUTCOME_CODES.
 */
import type { StaffLanguage } from '../../../api/contract.ts';
import type { Translation } from './translation-shape.ts';

const outcomeEn = {
  legend: 'What happened with this client?',
  hint: 'Needed for a stop or clearance flag. The audit log keeps the choice, not the note.',
  codes: {
    not_treated_referred: 'Not treated, referred',
    rebooked: 'Rebooked',
    clearance_seen: 'Physician clearance seen',
    treated_with_changes: 'Treated with changes',
    other: 'Other',
  },
  noteLabel: 'Short note: what happened',
  chooseHint: 'Choose what happened with this client to acknowledge.',
  noteHint: 'Write a short note for “Other” to acknowledge.',
  recorded: 'Outcome: {{outcome}}',
  recordedWithNote: 'Outcome: {{outcome}}. Note: {{note}}',
} as const;

export const OUTCOME_TEXT: Readonly<Record<StaffLanguage, Translation<typeof outcomeEn>>> = {
  en: outcomeEn,
  es: {
    legend: '¿Qué pasó con este cliente?',
    hint: 'Necesario con un aviso de parada o de autorización. El registro de auditoría guarda la opción, no la nota.',
    codes: {
      not_treated_referred: 'No tratado, derivado',
      rebooked: 'Cita cambiada',
      clearance_seen: 'Autorización médica vista',
      treated_with_changes: 'Tratado con cambios',
      other: 'Otro',
    },
    noteLabel: 'Nota breve: qué pasó',
    chooseHint: 'Elija qué pasó con este cliente para confirmar.',
    noteHint: 'Escriba una nota breve para «Otro» para confirmar.',
    recorded: 'Resultado: {{outcome}}',
    recordedWithNote: 'Resultado: {{outcome}}. Nota: {{note}}',
  },
  fr: {
    legend: 'Que s’est-il passé avec ce client ?',
    hint: 'Obligatoire pour une alerte d’arrêt ou d’autorisation. Le journal d’audit garde le choix, pas la note.',
    codes: {
      not_treated_referred: 'Non traité, orienté',
      rebooked: 'Rendez-vous reporté',
      clearance_seen: 'Autorisation médicale vue',
      treated_with_changes: 'Traité avec adaptations',
      other: 'Autre',
    },
    noteLabel: 'Note courte : ce qui s’est passé',
    chooseHint: 'Choisissez ce qui s’est passé avec ce client pour confirmer.',
    noteHint: 'Écrivez une note courte pour « Autre » pour confirmer.',
    recorded: 'Suite donnée : {{outcome}}',
    recordedWithNote: 'Suite donnée : {{outcome}}. Note : {{note}}',
  },
  zh: {
    legend: '这位客户后来怎么处理？',
    hint: '有“停止”或“需医生许可”提示时必须填写。审计日志只记录所选项，不记录备注。',
    codes: {
      not_treated_referred: '未治疗，已转诊',
      rebooked: '已改约',
      clearance_seen: '已查看医生许可',
      treated_with_changes: '调整后已治疗',
      other: '其他',
    },
    noteLabel: '简短备注：发生了什么',
    chooseHint: '请选择这位客户的处理结果后再确认。',
    noteHint: '选择“其他”时请写一条简短备注后再确认。',
    recorded: '处理结果：{{outcome}}',
    recordedWithNote: '处理结果：{{outcome}}。备注：{{note}}',
  },
  vi: {
    legend: 'Khách hàng này đã được xử lý thế nào?',
    hint: 'Bắt buộc khi có cảnh báo dừng hoặc cần bác sĩ cho phép. Nhật ký kiểm tra chỉ lưu lựa chọn, không lưu ghi chú.',
    codes: {
      not_treated_referred: 'Không điều trị, đã chuyển tuyến',
      rebooked: 'Đã đặt lại lịch',
      clearance_seen: 'Đã xem giấy phép của bác sĩ',
      treated_with_changes: 'Đã điều trị có điều chỉnh',
      other: 'Khác',
    },
    noteLabel: 'Ghi chú ngắn: chuyện gì đã xảy ra',
    chooseHint: 'Chọn cách xử lý khách hàng này để xác nhận.',
    noteHint: 'Viết một ghi chú ngắn cho “Khác” để xác nhận.',
    recorded: 'Kết quả: {{outcome}}',
    recordedWithNote: 'Kết quả: {{outcome}}. Ghi chú: {{note}}',
  },
  ko: {
    legend: '이 고객은 어떻게 되었나요?',
    hint: '중단 또는 의사 승인 경고가 있으면 필수입니다. 감사 로그에는 선택한 항목만 남고 메모는 남지 않습니다.',
    codes: {
      not_treated_referred: '치료하지 않고 의뢰함',
      rebooked: '예약 변경',
      clearance_seen: '의사 승인서 확인',
      treated_with_changes: '조정하여 치료함',
      other: '기타',
    },
    noteLabel: '짧은 메모: 무슨 일이 있었나요',
    chooseHint: '확인하려면 이 고객의 처리 결과를 선택하세요.',
    noteHint: '확인하려면 “기타”에 짧은 메모를 쓰세요.',
    recorded: '처리 결과: {{outcome}}',
    recordedWithNote: '처리 결과: {{outcome}}. 메모: {{note}}',
  },
  ar: {
    legend: 'ماذا حدث مع هذا العميل؟',
    hint: 'مطلوب عند وجود تنبيه إيقاف أو تنبيه إذن طبي. يحفظ سجل التدقيق الاختيار فقط، لا الملاحظة.',
    codes: {
      not_treated_referred: 'لم يُعالَج، أُحيل',
      rebooked: 'أُعيد الحجز',
      clearance_seen: 'تم الاطلاع على إذن الطبيب',
      treated_with_changes: 'عولج مع تعديلات',
      other: 'غير ذلك',
    },
    noteLabel: 'ملاحظة قصيرة: ماذا حدث',
    chooseHint: 'اختر ما حدث مع هذا العميل لتأكيد الاطلاع.',
    noteHint: 'اكتب ملاحظة قصيرة عند اختيار «غير ذلك» لتأكيد الاطلاع.',
    recorded: 'النتيجة: {{outcome}}',
    recordedWithNote: 'النتيجة: {{outcome}}. ملاحظة: {{note}}',
  },
  ru: {
    legend: 'Что было с этим клиентом?',
    hint: 'Обязательно при флаге «стоп» или «нужно разрешение врача». В журнал аудита попадает выбор, но не заметка.',
    codes: {
      not_treated_referred: 'Не принят, направлен к врачу',
      rebooked: 'Запись перенесена',
      clearance_seen: 'Разрешение врача предъявлено',
      treated_with_changes: 'Принят с изменениями',
      other: 'Другое',
    },
    noteLabel: 'Короткая заметка: что произошло',
    chooseHint: 'Выберите, что было с клиентом, чтобы подтвердить.',
    noteHint: 'Для «Другое» напишите короткую заметку, чтобы подтвердить.',
    recorded: 'Итог: {{outcome}}',
    recordedWithNote: 'Итог: {{outcome}}. Заметка: {{note}}',
  },
};
