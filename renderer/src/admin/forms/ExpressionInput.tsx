import { useTranslation } from 'react-i18next';
import type { ExpressionIssue, ExpressionTarget } from '../../../../api/contract.ts';
import { EXPRESSION_FUNCTIONS, SETTING_VALUES } from '../../../../forms/engine/index.ts';
import { useKioskQuery } from '../../data/use-kiosk-data.ts';
import { toJson, type DraftForm } from './draft-edit.ts';
import { CodeInput } from './CodeInput.tsx';

interface ExpressionInputProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly draft: DraftForm;
  readonly target: ExpressionTarget;
  /** Rules need a condition; visibility conditions may be left empty (always shown). */
  readonly optional: boolean;
  readonly onChange: (value: string) => void;
}

const CHECK_DELAY_MS = 250;

/**
 * A condition in the expression language, checked by main as the admin types (after a
 * short pause). Problems are shown beside the field, naming the question and the column,
 * with a caret under the offending place. A tap opens the code pad (letters, digits and the
 * condition language's characters), so a condition is written by touch alone too.
 */
export function ExpressionInput({ id, label, value, draft, target, optional, onChange }: ExpressionInputProps) {
  const { t } = useTranslation('admin');
  const targetKey = JSON.stringify(target);
  // An empty optional condition means "always": nothing to check.
  const isEmptyOptional = optional && value.trim() === '';
  // The draft changes with every keystroke elsewhere; the check follows only this field and its
  // target (the draft is read when the pause is over). The answer names the text it checked.
  const check = useKioskQuery(
    async (api) => {
      const r = await api.adminCheckExpression({ definition: toJson(draft), target: JSON.parse(targetKey) as ExpressionTarget, expression: value });
      return r.ok ? { ok: true as const, value: { expression: value, issues: r.value.issues } } : r;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `draft` is left out on purpose (above)
    [value, targetKey],
    { enabled: !isEmptyOptional, delayMs: CHECK_DELAY_MS },
  );
  // A refused check (not a problem in the condition) is shown in the same place, in its own words.
  const issues: readonly ExpressionIssue[] = check.error ? [{ message: check.error.message }] : (check.data?.issues ?? []);
  const checked = check.error ? value : check.data?.expression;

  const errorId = `${id}-issues`;
  const statusId = `${id}-status`;
  const hasIssues = !isEmptyOptional && issues.length > 0 && checked === value;
  return (
    <div className="expr-input">
      <label htmlFor={id} id={`${id}-label`} className="field-label">
        {label}
        {optional ? <span className="optional-tag"> {t('expression.optional')}</span> : null}
      </label>
      <CodeInput id={id} value={value} invalid={hasIssues} describedBy={hasIssues ? errorId : statusId} onChange={onChange} />
      {hasIssues ? (
        <div id={errorId} className="expr-issues" data-testid={`${id}-issues`}>
          {issues.map((issue, i) => (
            <div key={i}>
              {issue.column ? (
                <pre className="expr-caret" aria-hidden="true">
                  {value}
                  {'\n'}
                  {' '.repeat(Math.max(0, issue.column - 1))}^
                </pre>
              ) : null}
              <p className="error-text">{issue.message}</p>
            </div>
          ))}
        </div>
      ) : (
        <p id={statusId} className="expr-ok" aria-live="polite">
          {checked === value && value.trim() !== '' ? t('expression.valid') : ''}
        </p>
      )}
      <ExpressionHelp />
    </div>
  );
}

/** The names the checker knows beyond question ids: the functions and the clinic settings (from the engine). */
const HELP_NAMES: readonly { readonly code: string; readonly key: string }[] = [
  ...EXPRESSION_FUNCTIONS.map((name) => ({ code: `${name}(…)`, key: `expression.fn.${name}` })),
  ...Object.keys(SETTING_VALUES).map((name) => ({ code: name, key: `expression.value.${name.replace(/^settings\./, '')}` })),
];

/** A condition, not words: the same in every language. */
const HELP_EXAMPLE = 'age(date_of_birth) < settings.ageOfConsent';

/** A closed "What can a condition use?" list under each condition field. */
function ExpressionHelp() {
  const { t } = useTranslation('admin');
  return (
    <details className="expr-help">
      <summary>{t('expression.helpTitle')}</summary>
      <dl>
        {HELP_NAMES.map(({ code, key }) => (
          <div key={code}>
            <dt>
              <code>{code}</code>
            </dt>
            <dd>{t(key)}</dd>
          </div>
        ))}
      </dl>
      <p>
        {t('expression.example')} <code>{HELP_EXAMPLE}</code>
      </p>
    </details>
  );
}
