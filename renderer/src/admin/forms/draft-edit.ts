/**
 * The editor's working copy of a form definition and the edits the buttons make. The
 * draft is plain JSON that may be invalid while the admin works (the engine's
 * parseFormDefinition says why); edits are immutable: each returns a new draft.
 */
import { QUESTION_TYPES as QUESTION_TYPE_REGISTRY, type FormDefinition, type QuestionType } from '../../../../forms/engine/index.ts';

/** One text per language; a missing or blank entry is a missing translation. */
export type Loc = Record<string, string>;

export interface DraftOption {
  id: string;
  label: Loc;
  exclusive?: boolean;
}

/** A question while being edited: the common fields plus whatever its type uses. */
export interface DraftQuestion {
  id: string;
  type: QuestionType;
  label: Loc;
  help?: Loc;
  required?: boolean;
  visibleIf?: string;
  options?: DraftOption[];
  text?: Loc;
  min?: number | string;
  max?: number | string;
  minLength?: number;
  maxLength?: number;
  minSelected?: number;
  maxSelected?: number;
  integer?: boolean;
  unit?: Loc;
  minLabel?: Loc;
  maxLabel?: Loc;
  regions?: string[];
  pattern?: { regex: string; message: Loc };
}

export interface DraftStep {
  id: string;
  title: Loc;
  description?: Loc;
  visibleIf?: string;
  questions: DraftQuestion[];
}

export interface DraftRule {
  code: string;
  severity: 'stop' | 'clearance' | 'modify' | 'info';
  when: string;
  title: Loc;
  guidance: Loc;
  clientMessage?: Loc;
}

export interface DraftForm {
  $schema?: string;
  id: string;
  version: number;
  title: Loc;
  description?: Loc;
  languages: string[];
  defaultLanguage: string;
  identity: { name: string[]; dateOfBirth?: string };
  steps: DraftStep[];
  rules: DraftRule[];
}

/** A mutable copy of a definition (or stored draft) for editing. */
export function toDraft(definition: FormDefinition): DraftForm {
  // The wire type is the definition's; a draft is the same JSON, mutable and possibly incomplete.
  const copy = structuredClone(definition) as unknown as DraftForm;
  copy.rules ??= [];
  return copy;
}

/** The JSON sent to main (drafts are data, not a validated FormDefinition). */
export function toJson(draft: DraftForm): Record<string, unknown> {
  return JSON.parse(JSON.stringify(draft)) as Record<string, unknown>;
}

/** `list` with the item at `from` moved by `delta` places; unchanged at the ends. */
export function move<T>(list: readonly T[], from: number, delta: -1 | 1): T[] {
  const to = from + delta;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

/** The languages whose text is missing or blank. */
export function missingLanguages(text: Loc | undefined, languages: readonly string[]): string[] {
  return languages.filter((lang) => (text?.[lang] ?? '').trim() === '');
}

/** An optional text with every language blank is no text at all: the key is dropped. */
export function optionalLoc(text: Loc): Loc | undefined {
  return Object.values(text).some((v) => v.trim() !== '') ? text : undefined;
}

/** A copy of `item` with the optional `key` set to `value`, or without the key when `value` is undefined. */
export function withOptional<T extends object, K extends keyof T>(item: T, key: K, value: T[K] | undefined): T {
  const next = { ...item };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** `item` with its optional text `key` set to `text`, or without the key when every language is blank. */
export function withOptionalLoc<T extends object, K extends keyof T>(item: T, key: K, text: Loc): T {
  return withOptional(item, key, optionalLoc(text) as T[K] | undefined);
}

const emptyLoc = (languages: readonly string[]): Loc => Object.fromEntries(languages.map((l) => [l, '']));

/** An id not used yet by `taken`, from `base` plus a number. */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${base}_${n}`;
    if (!taken.has(id)) return id;
  }
}

export function questionIds(draft: DraftForm): Set<string> {
  return new Set(draft.steps.flatMap((s) => s.questions.map((q) => q.id)));
}

/** A new question of `type` with the fields that type needs (the engine's registry says which), texts blank in every language. */
export function newQuestion(type: QuestionType, draft: DraftForm): DraftQuestion {
  const langs = draft.languages;
  const base: DraftQuestion = { id: freshId('new_question', questionIds(draft)), type, label: emptyLoc(langs), required: false };
  // The registry's defaults are plain JSON of the type's own fields, which DraftQuestion lists.
  return { ...base, ...(QUESTION_TYPE_REGISTRY[type].draft.defaults(() => emptyLoc(langs)) as Partial<DraftQuestion>) };
}

/** Changing a question's type keeps its id, label, help, required and condition. */
export function changeType(q: DraftQuestion, type: QuestionType, draft: DraftForm): DraftQuestion {
  const fresh = newQuestion(type, draft);
  return {
    ...fresh,
    id: q.id,
    label: q.label,
    ...(q.help ? { help: q.help } : {}),
    required: q.required ?? false,
    ...(q.visibleIf !== undefined ? { visibleIf: q.visibleIf } : {}),
    ...(q.options && fresh.options ? { options: q.options } : {}),
  };
}

export function newStep(draft: DraftForm): DraftStep {
  const taken = new Set(draft.steps.map((s) => s.id));
  const id = freshId('new_step', taken);
  const q = newQuestion('yes_no', draft);
  return { id, title: emptyLoc(draft.languages), questions: [q] };
}

export function newRule(draft: DraftForm): DraftRule {
  const taken = new Set(draft.rules.map((r) => r.code));
  let n = 1;
  while (taken.has(`NEW_RULE_${n}`)) n++;
  return { code: `NEW_RULE_${n}`, severity: 'info', when: '', title: emptyLoc(draft.languages), guidance: emptyLoc(draft.languages) };
}

/** The type picker's choices, in the registry's order. */
export const QUESTION_TYPES: readonly { readonly type: QuestionType; readonly label: string }[] = (Object.keys(QUESTION_TYPE_REGISTRY) as QuestionType[]).map((type) => ({
  type,
  label: QUESTION_TYPE_REGISTRY[type].label,
}));

export const SEVERITIES: readonly { readonly value: DraftRule['severity']; readonly label: string }[] = [
  { value: 'stop', label: 'Stop: do not treat today' },
  { value: 'clearance', label: 'Clearance: physician first' },
  { value: 'modify', label: 'Modify: treat with changes' },
  { value: 'info', label: 'Info: for the therapist' },
];

const SEVERITY_VALUES: readonly string[] = ['stop', 'clearance', 'modify', 'info'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The screening rules of a published version's JSON (adminExportFormVersion), to compare a
 * draft against before publishing; null when the file does not hold a rules list it can read.
 */
export function rulesOfJson(json: string): DraftRule[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  const rules = parsed['rules'] ?? [];
  if (!Array.isArray(rules)) return null;
  const out: DraftRule[] = [];
  for (const r of rules) {
    if (!isRecord(r) || typeof r['code'] !== 'string' || typeof r['when'] !== 'string' || typeof r['severity'] !== 'string' || !SEVERITY_VALUES.includes(r['severity'])) return null;
    const title = isRecord(r['title']) ? (Object.fromEntries(Object.entries(r['title']).filter(([, v]) => typeof v === 'string')) as Loc) : {};
    out.push({ code: r['code'], severity: r['severity'] as DraftRule['severity'], when: r['when'], title, guidance: {} });
  }
  return out;
}
