/**
 * Where a form definition's problem is, in words (admin namespace, key `where`), in every
 * staff screen language: "Step 3, question 4" instead of `steps[2].questions[3]`.
 * renderer/src/admin/forms/path-words.ts reads the path.
 */
import type { StaffLanguage } from '../../../api/contract.ts';
import type { Translation } from './translation-shape.ts';

const whereEn = {
  step: 'Step {{step}}',
  stepQuestion: 'Step {{step}}, question {{question}}',
  stepQuestionOption: 'Step {{step}}, question {{question}}, option {{option}}',
  rule: 'Rule {{rule}}',
  identityName: 'The client’s name (answer {{n}} of the name)',
  identityDob: 'The client’s date of birth',
  form: 'The form itself',
} as const;

export const WHERE_TEXT: Readonly<Record<StaffLanguage, Translation<typeof whereEn>>> = {
  en: whereEn,
  es: {
    step: 'Paso {{step}}',
    stepQuestion: 'Paso {{step}}, pregunta {{question}}',
    stepQuestionOption: 'Paso {{step}}, pregunta {{question}}, opción {{option}}',
    rule: 'Regla {{rule}}',
    identityName: 'El nombre del cliente (respuesta {{n}} del nombre)',
    identityDob: 'La fecha de nacimiento del cliente',
    form: 'El formulario en sí',
  },
  fr: {
    step: 'Étape {{step}}',
    stepQuestion: 'Étape {{step}}, question {{question}}',
    stepQuestionOption: 'Étape {{step}}, question {{question}}, option {{option}}',
    rule: 'Règle {{rule}}',
    identityName: 'Le nom du client (réponse {{n}} du nom)',
    identityDob: 'La date de naissance du client',
    form: 'Le formulaire lui-même',
  },
  zh: {
    step: '第 {{step}} 步',
    stepQuestion: '第 {{step}} 步，第 {{question}} 题',
    stepQuestionOption: '第 {{step}} 步，第 {{question}} 题，第 {{option}} 个选项',
    rule: '第 {{rule}} 条规则',
    identityName: '客户姓名（姓名的第 {{n}} 个回答）',
    identityDob: '客户出生日期',
    form: '表单本身',
  },
  vi: {
    step: 'Bước {{step}}',
    stepQuestion: 'Bước {{step}}, câu hỏi {{question}}',
    stepQuestionOption: 'Bước {{step}}, câu hỏi {{question}}, lựa chọn {{option}}',
    rule: 'Quy tắc {{rule}}',
    identityName: 'Tên khách hàng (câu trả lời {{n}} của tên)',
    identityDob: 'Ngày sinh của khách hàng',
    form: 'Chính biểu mẫu',
  },
  ko: {
    step: '{{step}}단계',
    stepQuestion: '{{step}}단계, {{question}}번 질문',
    stepQuestionOption: '{{step}}단계, {{question}}번 질문, {{option}}번 선택지',
    rule: '{{rule}}번 규칙',
    identityName: '고객 이름(이름의 {{n}}번째 답)',
    identityDob: '고객 생년월일',
    form: '양식 자체',
  },
  ar: {
    step: 'الخطوة {{step}}',
    stepQuestion: 'الخطوة {{step}}، السؤال {{question}}',
    stepQuestionOption: 'الخطوة {{step}}، السؤال {{question}}، الخيار {{option}}',
    rule: 'القاعدة {{rule}}',
    identityName: 'اسم العميل (الإجابة {{n}} من الاسم)',
    identityDob: 'تاريخ ميلاد العميل',
    form: 'الاستمارة نفسها',
  },
  ru: {
    step: 'Шаг {{step}}',
    stepQuestion: 'Шаг {{step}}, вопрос {{question}}',
    stepQuestionOption: 'Шаг {{step}}, вопрос {{question}}, вариант {{option}}',
    rule: 'Правило {{rule}}',
    identityName: 'Имя клиента (ответ {{n}} из имени)',
    identityDob: 'Дата рождения клиента',
    form: 'Сама анкета',
  },
};
