import { useEffect, useState } from 'react';
import type { ExpressionIssue, ExpressionTarget } from '../../../../api/contract.ts';
import { toJson, type DraftForm } from './draft-edit.ts';

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
 * with a caret under the offending place.
 */
export function ExpressionInput({ id, label, value, draft, target, optional, onChange }: ExpressionInputProps) {
  const [issues, setIssues] = useState<readonly ExpressionIssue[]>([]);
  const [checked, setChecked] = useState<string | null>(null);
  const targetKey = JSON.stringify(target);

  useEffect(() => {
    if (optional && value.trim() === '') return;
    let live = true;
    const timer = window.setTimeout(() => {
      void window.kiosk.adminCheckExpression({ definition: toJson(draft), target: JSON.parse(targetKey) as ExpressionTarget, expression: value }).then((r) => {
        if (!live) return;
        setIssues(r.ok ? r.value.issues : [{ message: r.error.message }]);
        setChecked(value);
      });
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // The draft changes with every keystroke elsewhere; the check only follows this field and its target.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, targetKey, optional]);

  const errorId = `${id}-issues`;
  const statusId = `${id}-status`;
  // An empty optional condition means "always": nothing to check.
  const isEmptyOptional = optional && value.trim() === '';
  const hasIssues = !isEmptyOptional && issues.length > 0 && checked === value;
  return (
    <div className="expr-input">
      <label htmlFor={id} className="field-label">
        {label}
        {optional ? <span className="optional-tag"> (optional: empty means always)</span> : null}
      </label>
      <input
        id={id}
        type="text"
        className="admin-input mono"
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={hasIssues || undefined}
        aria-describedby={hasIssues ? errorId : statusId}
        onChange={(e) => onChange(e.target.value)}
      />
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
          {checked === value && value.trim() !== '' ? '✓ Condition is valid' : ''}
        </p>
      )}
    </div>
  );
}
