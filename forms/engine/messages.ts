/**
 * The engine's own client-facing words (validation messages, yes/no...). English and
 * Spanish are built in; other languages fall back to English through localize().
 */
import type { LocalizedText } from './text.ts';

export const BUILTIN_LANGUAGES = ['en', 'es'] as const;
type Lang = (typeof BUILTIN_LANGUAGES)[number];
type Template = Readonly<Record<Lang, string>>;

export const VALIDATION_MESSAGES = {
  required: { en: 'Please answer this question.', es: 'Por favor, responda a esta pregunta.' },
  required_choice: { en: 'Please choose an answer.', es: 'Por favor, elija una respuesta.' },
  required_body_map: { en: 'Please tap at least one area.', es: 'Por favor, toque al menos una zona.' },
  required_signature: { en: 'Please sign in the box.', es: 'Por favor, firme en el recuadro.' },
  required_consent: { en: 'Please accept to continue.', es: 'Por favor, acepte para continuar.' },
  invalid: { en: 'This answer is not valid. Please check it.', es: 'Esta respuesta no es válida. Por favor, revísela.' },
  too_short: { en: 'Please enter at least {min} characters.', es: 'Por favor, escriba al menos {min} caracteres.' },
  too_long: { en: 'Please use {max} characters or fewer.', es: 'Por favor, use {max} caracteres como máximo.' },
  pattern: { en: 'Please check the format of this answer.', es: 'Por favor, revise el formato de esta respuesta.' },
  email: { en: 'Please enter an email address like name@example.com.', es: 'Por favor, escriba un correo electrónico como nombre@ejemplo.com.' },
  phone: { en: 'Please enter a phone number with 7 to 15 digits.', es: 'Por favor, escriba un número de teléfono de 7 a 15 dígitos.' },
  date_invalid: { en: 'Please enter a real date.', es: 'Por favor, escriba una fecha válida.' },
  date_future: { en: 'This date cannot be in the future.', es: 'Esta fecha no puede ser posterior a hoy.' },
  date_past: { en: 'This date cannot be in the past.', es: 'Esta fecha no puede ser anterior a hoy.' },
  date_min: { en: 'Please enter a date on or after {date}.', es: 'Por favor, escriba una fecha a partir del {date}.' },
  date_max: { en: 'Please enter a date on or before {date}.', es: 'Por favor, escriba una fecha hasta el {date}.' },
  range: { en: 'Please choose a number from {min} to {max}.', es: 'Por favor, elija un número del {min} al {max}.' },
  min: { en: 'Please enter {min} or more.', es: 'Por favor, escriba {min} o más.' },
  max: { en: 'Please enter {max} or less.', es: 'Por favor, escriba {max} o menos.' },
  integer: { en: 'Please enter a whole number.', es: 'Por favor, escriba un número entero.' },
  min_selected: { en: 'Please choose at least {min}.', es: 'Por favor, elija al menos {min}.' },
  max_selected: { en: 'Please choose no more than {max}.', es: 'Por favor, elija {max} como máximo.' },
  exclusive: { en: '"{option}" cannot be combined with other answers.', es: '«{option}» no se puede combinar con otras respuestas.' },
  signature_trivial: { en: 'Your signature is too short. Please sign your name or initials.', es: 'Su firma es demasiado corta. Firme con su nombre o sus iniciales.' },
  unknown_question: { en: 'This question is not part of the form.', es: 'Esta pregunta no forma parte del formulario.' },
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
  yes: { en: 'Yes', es: 'Sí' },
  no: { en: 'No', es: 'No' },
  unanswered: { en: 'Not answered', es: 'Sin respuesta' },
  signed: { en: 'Signed', es: 'Firmado' },
  accepted: { en: 'Accepted', es: 'Aceptado' },
  notAccepted: { en: 'Not accepted', es: 'No aceptado' },
} as const satisfies Readonly<Record<string, Template>>;
