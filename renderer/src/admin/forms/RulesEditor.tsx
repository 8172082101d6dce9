import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLowerSeverity, isSafetySeverity, localize, type FormDefinitionError } from '../../../../forms/engine/index.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { ExpressionInput } from './ExpressionInput.tsx';
import { InlineErrors } from './InlineErrors.tsx';
import { LocalizedInput } from './LocalizedInput.tsx';
import { move, newRule, removeAt, replaceAt, SEVERITIES, withOptionalLoc, type DraftForm, type DraftRule } from './draft-edit.ts';
import { CodeInput } from './CodeInput.tsx';

interface RulesEditorProps {
  readonly draft: DraftForm;
  readonly errors: readonly FormDefinitionError[];
  readonly onChange: (rules: DraftRule[]) => void;
}

/** Conditions and translations show their problems beside their own fields; the list names the rest. */
const notBesideField = (e: FormDefinitionError) => !e.path.endsWith('.when') && !e.message.startsWith('Missing ');

const SEVERITY_ICON: Readonly<Record<DraftRule['severity'], string>> = { stop: '⛔', clearance: '🩺', modify: '✋', info: 'ℹ' };

/** A change to a stop or clearance rule waiting for the admin's confirm. */
type Pending = { readonly kind: 'remove'; readonly index: number } | { readonly kind: 'lower'; readonly index: number; readonly to: DraftRule['severity'] } | { readonly kind: 'condition'; readonly index: number };

/**
 * Screening rules: a condition, a severity, and what the therapist and client are told.
 * Removing a stop or clearance rule, lowering its severity or changing its condition (locked
 * until unlocked) asks first, in a dialog that names the rule.
 */
export function RulesEditor({ draft, errors, onChange }: RulesEditorProps) {
  const { t } = useTranslation('admin');
  const [open, setOpenIndex] = useState<number | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  // Conditions of stop/clearance rules the admin chose to change, while that rule stays open.
  const [unlocked, setUnlocked] = useState<number | null>(null);
  const setOpen = (index: number | null) => {
    setOpenIndex(index);
    setUnlocked(null);
  };
  const rules = draft.rules;
  const word = (severity: DraftRule['severity']) => t(`severityWord.${severity}`);
  const titleOf = (rule: DraftRule) => localize(rule.title, draft.defaultLanguage) || t('rules.noTitle');
  const remove = (ri: number) => {
    setOpen(null);
    onChange(removeAt(rules, ri));
  };
  const confirmPending = () => {
    if (!pending) return;
    const rule = rules[pending.index];
    setPending(null);
    if (!rule) return;
    if (pending.kind === 'remove') remove(pending.index);
    else if (pending.kind === 'lower') onChange(replaceAt(rules, pending.index, { ...rule, severity: pending.to }));
    else setUnlocked(pending.index);
  };
  const pendingRule = pending ? rules[pending.index] : undefined;
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
                    onClick={() => (isSafetySeverity(rule.severity) ? setPending({ kind: 'remove', index: ri }) : remove(ri))}
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
                      <label htmlFor={`${base}-code`} id={`${base}-code-label`} className="field-label">
                        {t('rules.code')}
                      </label>
                      <CodeInput id={`${base}-code`} value={rule.code} onChange={(code) => set({ code })} />
                    </div>
                    <div className="field">
                      <label htmlFor={`${base}-severity`} className="field-label">
                        {t('rules.severity')}
                      </label>
                      <select id={`${base}-severity`} className="admin-input" value={rule.severity} onChange={(e) => {
                          const to = e.target.value as DraftRule['severity'];
                          if (isSafetySeverity(rule.severity) && isLowerSeverity(rule.severity, to)) setPending({ kind: 'lower', index: ri, to });
                          else set({ severity: to });
                        }}
                      >
                        {SEVERITIES.map((s) => (
                          <option key={s.value} value={s.value}>
                            {t(`rules.severityOption.${s.value}`, { defaultValue: s.label })}
                          </option>
                        ))}
                      </select>
                    </div>
                  </div>
                  {isSafetySeverity(rule.severity) && rule.when.trim() !== '' && unlocked !== ri ? (
                    <div className="expr-input expr-locked">
                      <span className="field-label" id={`${base}-when-label`}>
                        {t('rules.when')}
                      </span>
                      <p className="mono expr-locked-text" data-testid={`${base}-when-locked`}>
                        {rule.when}
                      </p>
                      <p className="expr-locked-note">
                        {t('safety.conditionLocked', { severity: word(rule.severity) })}{' '}
                        <button type="button" className="button secondary small" onClick={() => setPending({ kind: 'condition', index: ri })}>
                          {t('safety.unlockCondition')}
                          <span className="visually-hidden"> {t('rules.ruleN', { code: rule.code })}</span>
                        </button>
                      </p>
                    </div>
                  ) : (
                    <ExpressionInput id={`${base}-when`} label={t('rules.when')} optional={false} value={rule.when} draft={draft} target={{ kind: 'rule', ruleIndex: ri }} onChange={(when) => set({ when })} />
                  )}
                  <LocalizedInput id={`${base}-title`} label={t('rules.flagTitle')} value={rule.title} languages={draft.languages} onChange={(title) => set({ title })} />
                  <LocalizedInput id={`${base}-guidance`} label={t('rules.guidance')} multiline value={rule.guidance} languages={draft.languages} onChange={(guidance) => set({ guidance })} />
                  <LocalizedInput
                    id={`${base}-client`}
                    label={t('rules.clientMessage')}
                    optional
                    multiline
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
      {pending && pendingRule ? (
        <ConfirmDialog
          title={
            pending.kind === 'remove'
              ? t('safety.removeTitle', { severity: word(pendingRule.severity), code: pendingRule.code })
              : pending.kind === 'lower'
                ? t('safety.lowerTitle', { code: pendingRule.code, from: word(pendingRule.severity), to: word(pending.to) })
                : t('safety.conditionTitle', { severity: word(pendingRule.severity), code: pendingRule.code })
          }
          confirmLabel={t(pending.kind === 'remove' ? 'safety.removeConfirm' : pending.kind === 'lower' ? 'safety.lowerConfirm' : 'safety.conditionConfirm')}
          cancelLabel={t('safety.keep')}
          isDanger
          onConfirm={confirmPending}
          onCancel={() => setPending(null)}
          testId="rule-confirm"
        >
          <p>{t(pending.kind === 'remove' ? 'safety.removeBody' : pending.kind === 'lower' ? 'safety.lowerBody' : 'safety.conditionBody', { title: titleOf(pendingRule) })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
