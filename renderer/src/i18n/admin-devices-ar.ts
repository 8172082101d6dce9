import type { adminDevicesEn } from './admin-devices-en.ts';
import type { Translation } from './translation-shape.ts';

/** Arabic Devices panel (made with machine help; see docs/TRANSLATIONS.md before clinical use). */
export const adminDevicesAr: Translation<typeof adminDevicesEn> = {
  tab: 'الأجهزة',
  title: 'الأجهزة المقترنة',
  intro: 'لا تصل الأجهزة اللوحية وأجهزة الكمبيوتر وأكشاك الاستقبال الأخرى إلى خادم العيادة إلا بعد اقترانها. يصلح رمز الاقتران لمرة واحدة فقط، لمدة 10 دقائق.',
  pairBrowser: 'إقران جهاز لوحي أو كمبيوتر',
  pairKiosk: 'إقران كشك',
  creating: 'جارٍ إنشاء رمز اقتران…',
  codeTitle: 'رمز الاقتران',
  codeFor: { browser: 'لجهاز لوحي أو كمبيوتر', kiosk: 'لكشك الاستقبال' },
  expiresIn: 'تنتهي صلاحيته بعد {{time}}',
  expired: 'انتهت صلاحية هذا الرمز. أنشئ رمزًا جديدًا إذا كنت لا تزال تحتاج إليه.',
  instructions: {
    browser: 'على الجهاز اللوحي أو الكمبيوتر، افتح عنوان خادم العيادة في المتصفح واكتب هذا الرمز في صفحة الاقتران.',
    kiosk: 'أدخل هذا الرمز مرة واحدة في إعداد شبكة العيادة على الكشك (وضع الشبكة). بعد ذلك يحصل الكشك على شهادة التوقيع الخاصة به من العيادة.',
  },
  doneWithCode: 'تم',
  listTitle: 'الأجهزة',
  none: 'لا يوجد أي جهاز مقترن بعد.',
  colName: 'الاسم',
  colKind: 'النوع',
  colPaired: 'تاريخ الاقتران',
  colLastSeen: 'آخر نشاط',
  colStatus: 'الحالة',
  colActions: 'الإجراءات',
  kind: { browser: 'جهاز لوحي أو كمبيوتر', kiosk: 'كشك' },
  neverSeen: 'ليس بعد',
  active: '✓ مقترن',
  revokedOn: '✕ أُلغي في {{date}}',
  revoke: 'إلغاء…',
  revokeFor: '{{name}}',
  confirmTitle: 'إلغاء اقتران {{name}}؟',
  confirmText: 'يُسجَّل خروج من يستخدمه فورًا، ولن يتمكن الجهاز بعد ذلك من الوصول إلى خادم العيادة. لاستخدامه مجددًا، أقرنه برمز جديد.',
  confirmRevoke: 'نعم، ألغِ الاقتران',
  revokedStatus: 'أُلغي اقتران {{name}}.',
};
