import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type FormDefinitionError } from '../../../../forms/engine/index.ts';
import { ExpressionInput } from './ExpressionInput.tsx';
import { InlineErrors } from './InlineErrors.tsx';
import { LocalizedInput } from './LocalizedInput.tsx';
import { move, newRule, removeAt, replaceAt, SEVERITIES, withOptionalLoc, type DraftForm, type DraftRule } from './draft-edit.ts';

interface RulesEditorProps {
  readonly draft: DraftForm;
  readonly errors: readonly FormDefinitionError[];
  readonly onChange: (rules: DraftRule[]) => void;
}

/** Conditions and translations show their problems beside their own fields; the list names the rest. */
const notBesideField = (e: FormDefinitionError) => !e.path.endsWith('.when') && !e.message.startsWith('Missing ');

const SEVERITY_ICON: Readonly<Record<DraftRule['severity'], string>> = { stop: '⛔', clearance: '🩺', modify: '✋', info: 'ℹ' };

/** Screening rules: a condition, a severity, and what the therapist and client are told. */
export function RulesEditor({ draft, errors, onChange }: RulesEditorProps) {
  const { t } = useTranslation('admin');
  const [open, setOpen] = useState<number | null>(null);
  const rules = draft.rules;
  return (
    <section className="rules-editor" aria-labelledby="rules-heading">
      <h3 id="rules-heading">{t('rules.title')}</h3>
      <ol className="question-list-admin">
        {rules.map((rule, ri) => {
          const rErrors = errors.filter((e) => e.path.startsWith(`rules[${ri}]`));
          const isOpen = open === ri;
          const base = `rule-${ri}`;
          const set = (patch: Partial<DraftRule>) => onChange(replaceAt(rules, ri, { ...rule, ...patch }));
          return (
            <li key={ri} className={`question-item${rErrors.length > 0 ? ' has-problems' : ''}`} data-rule-editor={rule.code}>
              <div className="question-summary">
                <span className="question-title">
                  <span aria-hidden="true">{SEVERITY_ICON[rule.severity]} </span>
                  <strong>{t(`severityWord.${rule.severity}`)}</strong> · <span className="mono">{rule.code}</span> · {localize(rule.title, draft.defaultLanguage) || t('rules.noTitle')}
                  {rErrors.length > 0 ? <span className="badge warn">{t('forms.problems', { count: rErrors.length })}</span> : null}
                </span>
                <span className="item-actions">
                  <button type="button" className="button secondary small" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : ri)}>
                    {isOpen ? t('common.close') : t('common.edit')}
                    <span className="visually-hidden"> {t('rules.ruleN', { code: rule.code })}</span>
                  </button>
                  <button type="button" className="button secondary small" disabled={ri === 0} onClick={() => onChange(move(rules, ri, -1))}>
                    {t('common.up')}
                    <span className="visually-hidden"> {t('rules.ruleN', { code: rule.code })}</span>
                  </button>
                  <button type="button" className="button secondary small" disabled={ri === rules.length - 1} onClick={() => onChange(move(rules, ri, 1))}>
                    {t('common.down')}
                    <span className="visually-hidden"> {t('rules.ruleN', { code: rule.code })}</span>
                  </button>
                  <button
                    type="button"
                    className="button secondary small danger"
                    onClick={() => {
                      setOpen(null);
                      onChange(removeAt(rules, ri));
                    }}
                  >
                    {t('common.remove')}
                    <span className="visually-hidden"> {t('rules.ruleN', { code: rule.code })}</span>
                  </button>
                </span>
              </div>
              {isOpen ? (
                <div className="question-editor">
                  <InlineErrors label={t('rules.problemsLabel', { code: rule.code })} errors={rErrors.filter(notBesideField)} />
                  <div className="row-fields">
                    <div className="field">
                      <label htmlFor={`${base}-code`} className="field-label">
                        {t('rules.code')}
                      </label>
                      <input id={`${base}-code`} className="admin-input mono" value={rule.code} spellCheck={false} onChange={(e) => set({ code: e.target.value })} />
                    </div>
                    <div className="field">
                      <label htmlFor={`${base}-severity`} className="field-label">
                        {t('rules.severity')}
                      </label>
                      <select id={`${base}-severity`} className="admin-input" value={rule.severity} onChange={(e) => set({ severity: e.target.value as DraftRule['severity'] })}>
                        {SEVERITIES.map((s) => (
                          <option key={s.value} value={s.value}>
                            {t(`rules.severityOption.${s.value}`, { defaultValue: s.label })}
                          </option>
                        ))}
                      </select>
                    </div>
                  </div>
                  <ExpressionInput id={`${base}-when`} label={t('rules.when')} optional={false} value={rule.when} draft={draft} target={{ kind: 'rule', ruleIndex: ri }} onChange={(when) => set({ when })} />
                  <LocalizedInput id={`${base}-title`} label={t('rules.flagTitle')} value={rule.title} languages={draft.languages} onChange={(title) => set({ title })} />
                  <LocalizedInput id={`${base}-guidance`} label={t('rules.guidance')} multiline value={rule.guidance} languages={draft.languages} onChange={(guidance) => set({ guidance })} />
                  <LocalizedInput
                    id={`${base}-client`}
                    label={t('rules.clientMessage')}
                    optional
                    value={rule.clientMessage}
                    languages={draft.languages}
                    onChange={(v) => onChange(replaceAt(rules, ri, withOptionalLoc(rule, 'clientMessage', v)))}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button primary"
        onClick={() => {
          onChange([...rules, newRule(draft)]);
          setOpen(rules.length);
        }}
      >
        {t('rules.add')}
      </button>
    </section>
  );
}
