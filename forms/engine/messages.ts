/**
 * The engine's own client-facing words (validation messages, yes/no...) in the eight shipped
 * client languages (docs/TRANSLATIONS.md says how each was made); other languages fall back to
 * English through localize().
 */
import type { LocalizedText } from './text.ts';

export const BUILTIN_LANGUAGES = ['en', 'es', 'fr', 'zh', 'vi', 'ko', 'ar', 'ru'] as const;
type Lang = (typeof BUILTIN_LANGUAGES)[number];
type Template = Readonly<Record<Lang, string>>;

export const VALIDATION_MESSAGES = {
  required: {
    en: 'Please answer this question.', es: 'Por favor, responda a esta pregunta.',
    fr: 'Veuillez répondre à cette question.',
    zh: '请回答这个问题。',
    vi: 'Vui lòng trả lời câu hỏi này.',
    ko: '이 질문에 답해 주세요.',
    ar: 'يُرجى الإجابة عن هذا السؤال.',
    ru: 'Пожалуйста, ответьте на этот вопрос.',
  },
  required_choice: {
    en: 'Please choose an answer.', es: 'Por favor, elija una respuesta.',
    fr: 'Veuillez choisir une réponse.',
    zh: '请选择一个答案。',
    vi: 'Vui lòng chọn một câu trả lời.',
    ko: '답을 하나 골라 주세요.',
    ar: 'يُرجى اختيار إجابة.',
    ru: 'Пожалуйста, выберите ответ.',
  },
  required_body_map: {
    en: 'Please tap at least one area.', es: 'Por favor, toque al menos una zona.',
    fr: 'Veuillez toucher au moins une zone.',
    zh: '请至少点选一个部位。',
    vi: 'Vui lòng chạm vào ít nhất một vùng.',
    ko: '부위를 하나 이상 눌러 주세요.',
    ar: 'يُرجى لمس منطقة واحدة على الأقل.',
    ru: 'Пожалуйста, коснитесь хотя бы одной области.',
  },
  required_signature: {
    en: 'Please sign in the box.', es: 'Por favor, firme en el recuadro.',
    fr: 'Veuillez signer dans le cadre.',
    zh: '请在框内签名。',
    vi: 'Vui lòng ký vào ô.',
    ko: '칸 안에 서명해 주세요.',
    ar: 'يُرجى التوقيع داخل المربع.',
    ru: 'Пожалуйста, распишитесь в рамке.',
  },
  required_consent: {
    en: 'Please accept to continue.', es: 'Por favor, acepte para continuar.',
    fr: 'Veuillez accepter pour continuer.',
    zh: '请同意后继续。',
    vi: 'Vui lòng đồng ý để tiếp tục.',
    ko: '계속하려면 동의해 주세요.',
    ar: 'يُرجى الموافقة للمتابعة.',
    ru: 'Пожалуйста, примите условия, чтобы продолжить.',
  },
  invalid: {
    en: 'This answer is not valid. Please check it.', es: 'Esta respuesta no es válida. Por favor, revísela.',
    fr: "Cette réponse n'est pas valide. Veuillez la vérifier.",
    zh: '这个答案无效，请检查。',
    vi: 'Câu trả lời này không hợp lệ. Vui lòng kiểm tra lại.',
    ko: '올바르지 않은 답입니다. 확인해 주세요.',
    ar: 'هذه الإجابة غير صالحة. يُرجى التحقق منها.',
    ru: 'Этот ответ недействителен. Пожалуйста, проверьте его.',
  },
  too_short: {
    en: 'Please enter at least {min} characters.', es: 'Por favor, escriba al menos {min} caracteres.',
    fr: 'Veuillez saisir au moins {min} caractères.',
    zh: '请至少输入 {min} 个字符。',
    vi: 'Vui lòng nhập ít nhất {min} ký tự.',
    ko: '{min}자 이상 입력해 주세요.',
    ar: 'يُرجى إدخال {min} أحرف على الأقل.',
    ru: 'Пожалуйста, введите не меньше {min} символов.',
  },
  too_long: {
    en: 'Please use {max} characters or fewer.', es: 'Por favor, use {max} caracteres como máximo.',
    fr: 'Veuillez utiliser {max} caractères au maximum.',
    zh: '请最多输入 {max} 个字符。',
    vi: 'Vui lòng dùng tối đa {max} ký tự.',
    ko: '{max}자 이하로 입력해 주세요.',
    ar: 'يُرجى استخدام {max} حرفاً أو أقل.',
    ru: 'Пожалуйста, используйте не больше {max} символов.',
  },
  pattern: {
    en: 'Please check the format of this answer.', es: 'Por favor, revise el formato de esta respuesta.',
    fr: 'Veuillez vérifier le format de cette réponse.',
    zh: '请检查这个答案的格式。',
    vi: 'Vui lòng kiểm tra định dạng của câu trả lời này.',
    ko: '답의 형식을 확인해 주세요.',
    ar: 'يُرجى التحقق من صيغة هذه الإجابة.',
    ru: 'Пожалуйста, проверьте формат этого ответа.',
  },
  email: {
    en: 'Please enter an email address like name@example.com.', es: 'Por favor, escriba un correo electrónico como nombre@ejemplo.com.',
    fr: 'Veuillez saisir une adresse e-mail comme nom@exemple.com.',
    zh: '请输入电子邮箱地址，例如 name@example.com。',
    vi: 'Vui lòng nhập địa chỉ email, ví dụ name@example.com.',
    ko: 'name@example.com과 같은 이메일 주소를 입력해 주세요.',
    ar: 'يُرجى إدخال بريد إلكتروني مثل name@example.com.',
    ru: 'Пожалуйста, введите адрес электронной почты, например name@example.com.',
  },
  phone: {
    en: 'Please enter a phone number with 7 to 15 digits.', es: 'Por favor, escriba un número de teléfono de 7 a 15 dígitos.',
    fr: 'Veuillez saisir un numéro de téléphone de 7 à 15 chiffres.',
    zh: '请输入 7 到 15 位数字的电话号码。',
    vi: 'Vui lòng nhập số điện thoại có từ 7 đến 15 chữ số.',
    ko: '7~15자리 전화번호를 입력해 주세요.',
    ar: 'يُرجى إدخال رقم هاتف من 7 إلى 15 رقماً.',
    ru: 'Пожалуйста, введите номер телефона из 7–15 цифр.',
  },
  date_invalid: {
    en: 'Please enter a real date.', es: 'Por favor, escriba una fecha válida.',
    fr: 'Veuillez saisir une date réelle.',
    zh: '请输入一个真实的日期。',
    vi: 'Vui lòng nhập một ngày có thật.',
    ko: '실제 날짜를 입력해 주세요.',
    ar: 'يُرجى إدخال تاريخ صحيح.',
    ru: 'Пожалуйста, введите существующую дату.',
  },
  date_future: {
    en: 'This date cannot be in the future.', es: 'Esta fecha no puede ser posterior a hoy.',
    fr: 'Cette date ne peut pas être dans le futur.',
    zh: '这个日期不能晚于今天。',
    vi: 'Ngày này không thể ở tương lai.',
    ko: '미래 날짜는 입력할 수 없습니다.',
    ar: 'لا يمكن أن يكون هذا التاريخ في المستقبل.',
    ru: 'Эта дата не может быть в будущем.',
  },
  date_past: {
    en: 'This date cannot be in the past.', es: 'Esta fecha no puede ser anterior a hoy.',
    fr: 'Cette date ne peut pas être dans le passé.',
    zh: '这个日期不能早于今天。',
    vi: 'Ngày này không thể ở quá khứ.',
    ko: '지난 날짜는 입력할 수 없습니다.',
    ar: 'لا يمكن أن يكون هذا التاريخ في الماضي.',
    ru: 'Эта дата не может быть в прошлом.',
  },
  date_min: {
    en: 'Please enter a date on or after {date}.', es: 'Por favor, escriba una fecha a partir del {date}.',
    fr: 'Veuillez saisir une date à partir du {date}.',
    zh: '请输入 {date} 或之后的日期。',
    vi: 'Vui lòng nhập ngày từ {date} trở đi.',
    ko: '{date} 또는 그 이후 날짜를 입력해 주세요.',
    ar: 'يُرجى إدخال تاريخ في {date} أو بعده.',
    ru: 'Пожалуйста, введите дату не раньше {date}.',
  },
  date_max: {
    en: 'Please enter a date on or before {date}.', es: 'Por favor, escriba una fecha hasta el {date}.',
    fr: "Veuillez saisir une date jusqu'au {date}.",
    zh: '请输入 {date} 或之前的日期。',
    vi: 'Vui lòng nhập ngày đến {date} là muộn nhất.',
    ko: '{date} 또는 그 이전 날짜를 입력해 주세요.',
    ar: 'يُرجى إدخال تاريخ في {date} أو قبله.',
    ru: 'Пожалуйста, введите дату не позже {date}.',
  },
  range: {
    en: 'Please choose a number from {min} to {max}.', es: 'Por favor, elija un número del {min} al {max}.',
    fr: 'Veuillez choisir un nombre de {min} à {max}.',
    zh: '请选择 {min} 到 {max} 之间的数字。',
    vi: 'Vui lòng chọn một số từ {min} đến {max}.',
    ko: '{min}부터 {max} 사이의 숫자를 골라 주세요.',
    ar: 'يُرجى اختيار رقم من {min} إلى {max}.',
    ru: 'Пожалуйста, выберите число от {min} до {max}.',
  },
  min: {
    en: 'Please enter {min} or more.', es: 'Por favor, escriba {min} o más.',
    fr: 'Veuillez saisir {min} ou plus.',
    zh: '请输入 {min} 或以上。',
    vi: 'Vui lòng nhập {min} trở lên.',
    ko: '{min} 이상을 입력해 주세요.',
    ar: 'يُرجى إدخال {min} أو أكثر.',
    ru: 'Пожалуйста, введите {min} или больше.',
  },
  max: {
    en: 'Please enter {max} or less.', es: 'Por favor, escriba {max} o menos.',
    fr: 'Veuillez saisir {max} ou moins.',
    zh: '请输入 {max} 或以下。',
    vi: 'Vui lòng nhập {max} trở xuống.',
    ko: '{max} 이하를 입력해 주세요.',
    ar: 'يُرجى إدخال {max} أو أقل.',
    ru: 'Пожалуйста, введите {max} или меньше.',
  },
  integer: {
    en: 'Please enter a whole number.', es: 'Por favor, escriba un número entero.',
    fr: 'Veuillez saisir un nombre entier.',
    zh: '请输入整数。',
    vi: 'Vui lòng nhập một số nguyên.',
    ko: '정수를 입력해 주세요.',
    ar: 'يُرجى إدخال عدد صحيح.',
    ru: 'Пожалуйста, введите целое число.',
  },
  min_selected: {
    en: 'Please choose at least {min}.', es: 'Por favor, elija al menos {min}.',
    fr: 'Veuillez en choisir au moins {min}.',
    zh: '请至少选择 {min} 项。',
    vi: 'Vui lòng chọn ít nhất {min}.',
    ko: '{min}개 이상 골라 주세요.',
    ar: 'يُرجى اختيار {min} على الأقل.',
    ru: 'Пожалуйста, выберите не меньше {min}.',
  },
  max_selected: {
    en: 'Please choose no more than {max}.', es: 'Por favor, elija {max} como máximo.',
    fr: 'Veuillez en choisir {max} au maximum.',
    zh: '最多只能选择 {max} 项。',
    vi: 'Vui lòng chọn tối đa {max}.',
    ko: '{max}개까지만 골라 주세요.',
    ar: 'يُرجى اختيار {max} كحدّ أقصى.',
    ru: 'Пожалуйста, выберите не больше {max}.',
  },
  exclusive: {
    en: '"{option}" cannot be combined with other answers.', es: '«{option}» no se puede combinar con otras respuestas.',
    fr: "« {option} » ne peut pas être combiné avec d'autres réponses.",
    zh: '“{option}”不能与其他答案同时选择。',
    vi: 'Không thể chọn “{option}” cùng với các câu trả lời khác.',
    ko: '‘{option}’은(는) 다른 답과 함께 고를 수 없습니다.',
    ar: 'لا يمكن الجمع بين «{option}» وإجابات أخرى.',
    ru: '«{option}» нельзя сочетать с другими ответами.',
  },
  signature_trivial: {
    en: 'Your signature is too short. Please sign your name or initials.', es: 'Su firma es demasiado corta. Firme con su nombre o sus iniciales.',
    fr: 'Votre signature est trop courte. Veuillez signer avec votre nom ou vos initiales.',
    zh: '您的签名太短。请签上您的姓名或姓名首字母。',
    vi: 'Chữ ký của bạn quá ngắn. Vui lòng ký tên hoặc viết tắt tên của bạn.',
    ko: '서명이 너무 짧습니다. 이름이나 이니셜로 서명해 주세요.',
    ar: 'توقيعك قصير جداً. يُرجى التوقيع باسمك أو بالأحرف الأولى منه.',
    ru: 'Подпись слишком короткая. Пожалуйста, распишитесь полностью или поставьте инициалы.',
  },
  unknown_question: {
    en: 'This question is not part of the form.', es: 'Esta pregunta no forma parte del formulario.',
    fr: 'Cette question ne fait pas partie du formulaire.',
    zh: '这个问题不属于本表格。',
    vi: 'Câu hỏi này không thuộc biểu mẫu.',
    ko: '이 질문은 양식에 없는 질문입니다.',
    ar: 'هذا السؤال ليس جزءاً من الاستمارة.',
    ru: 'Этого вопроса нет в анкете.',
  },
} as const satisfies Readonly<Record<string, Template>>;

export type MessageKey = keyof typeof VALIDATION_MESSAGES;

/** A parameter: the same in every language, or already translated. */
export type MessageParam = string | number | LocalizedText;

/** Fills a template in every built-in language. */
export function message(key: MessageKey, params: Readonly<Record<string, MessageParam>> = {}): LocalizedText {
  const out: Record<string, string> = {};
  for (const lang of BUILTIN_LANGUAGES) {
    const template: string = VALIDATION_MESSAGES[key][lang];
    out[lang] = template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const p = params[name];
      if (p === undefined) return whole;
      if (typeof p === 'object') return p[lang] ?? p.en ?? '';
      return String(p);
    });
  }
  return out;
}

/** Words formatAnswer() needs. */
export const ANSWER_WORDS = {
  yes: {
    en: 'Yes', es: 'Sí',
    fr: 'Oui',
    zh: '是',
    vi: 'Có',
    ko: '예',
    ar: 'نعم',
    ru: 'Да',
  },
  no: {
    en: 'No', es: 'No',
    fr: 'Non',
    zh: '否',
    vi: 'Không',
    ko: '아니요',
    ar: 'لا',
    ru: 'Нет',
  },
  unanswered: {
    en: 'Not answered', es: 'Sin respuesta',
    fr: 'Sans réponse',
    zh: '未回答',
    vi: 'Chưa trả lời',
    ko: '답하지 않음',
    ar: 'لم تتم الإجابة',
    ru: 'Нет ответа',
  },
  signed: {
    en: 'Signed', es: 'Firmado',
    fr: 'Signé',
    zh: '已签名',
    vi: 'Đã ký',
    ko: '서명함',
    ar: 'موقّع',
    ru: 'Подписано',
  },
  accepted: {
    en: 'Accepted', es: 'Aceptado',
    fr: 'Accepté',
    zh: '已同意',
    vi: 'Đã đồng ý',
    ko: '동의함',
    ar: 'تمت الموافقة',
    ru: 'Принято',
  },
  notAccepted: {
    en: 'Not accepted', es: 'No aceptado',
    fr: 'Non accepté',
    zh: '未同意',
    vi: 'Chưa đồng ý',
    ko: '동의하지 않음',
    ar: 'لم تتم الموافقة',
    ru: 'Не принято',
  },
} as const satisfies Readonly<Record<string, Template>>;
