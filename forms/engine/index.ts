/**
 * The form engine's public API: the only module of forms/engine others import (plus
 * forms/definitions/index.ts for the default form, and publish.ts for the checks only
 * an admin's definition needs, kept apart so the client bundle stays small). Pure TypeScript: no Node,
 * DOM, React or Electron, so renderer and main run the very same rules.
 */
export type { FormId, StepId, QuestionId, LanguageCode, LocalizedText, SignatureValue, AnswerValue, Answers } from './ids.ts';
export { assertNever } from './ids.ts';
export type {
  FormDefinition,
  Step,
  Question,
  QuestionType,
  QuestionOf,
  ScreeningRule,
  Severity,
  Flag,
  FormDefinitionError,
  FormDefinitionResult,
  FieldError,
} from './types.ts';
export { SEVERITY_ORDER } from './types.ts';
export { formDefinitionSchema } from './schema.ts';
export { parseFormDefinition, parseFormDefinitionJson } from './load.ts';
export { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-locate.ts';
export { visibleSteps, isQuestionVisible, pruneHiddenAnswers } from './visibility.ts';
export { validateStep, validateSubmission, validateAnswer, unknownQuestionIds } from './validate.ts';
export { evaluateScreening } from './screening.ts';
export { DEFAULT_FORM_SETTINGS, SETTING_VALUES, AGE_OF_CONSENT_RANGE, type FormSettings } from './settings.ts';
export { ageOn, visitDateOf } from './dates.ts';
export { FUNCTIONS as EXPRESSION_FUNCTIONS } from './expr/ast.ts';
export { treatmentVerdict, verdictSeverity, TREATMENT_VERDICTS, type TreatmentVerdict } from './verdict.ts';
export { localize, languageName } from './i18n.ts';
export { formatAnswer } from './format.ts';
export {
  QUESTION_TYPES,
  specOf,
  isQuestionType,
  signatureProblem,
  isSignature,
  MIN_SIGNATURE_POINTS,
  MIN_SIGNATURE_EXTENT,
  type QuestionTypeSpec,
  type EditorField,
  type DraftText,
} from './question-types/index.ts';
export { BUILTIN_LANGUAGES, VALIDATION_MESSAGES } from './messages.ts';
export { BODY_MAP, BODY_MAP_REGION_IDS, bodyMapRegionLabel, isBodyMapRegionId, type BodyMapRegionId, type BodyMapView, type BodyMapRegion } from './body-map.ts';
export { diffScreening, isLowerSeverity, isSafetySeverity, sameCondition, severityRank, weakensSafety, type RuleShape, type ScreeningChange } from './screening-diff.ts';
