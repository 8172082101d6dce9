import { useTranslation } from 'react-i18next';
import type { FormDefinitionError } from '../../../../forms/engine/index.ts';
import { pathInWords, type Translate } from './path-words.ts';

interface DefinitionErrorsProps {
  readonly id: string;
  readonly title: string;
  readonly errors: readonly FormDefinitionError[];
}

/** A definition's problems, each with where it is: line/column (imports), the place in words ("Step 3, question 4"), the question, the path. */
export function DefinitionErrors({ id, title, errors }: DefinitionErrorsProps) {
  const { t } = useTranslation('admin');
  if (errors.length === 0) return null;
  return (
    <div className="definition-errors" id={id} data-testid={id}>
      <h3>
        <span aria-hidden="true">⚠ </span>
        {title} ({errors.length})
      </h3>
      <ul>
        {errors.slice(0, 50).map((e, i) => (
          <li key={i}>
            {e.path && pathInWords(e.path, t as unknown as Translate) ? <strong>{pathInWords(e.path, t as unknown as Translate)}: </strong> : null}
            {e.line !== undefined ? <strong>{e.column !== undefined ? t('definitionErrors.lineColumn', { line: e.line, column: e.column }) : t('definitionErrors.line', { line: e.line })} </strong> : null}
            {e.questionId ? <span>{t('definitionErrors.question', { id: e.questionId })} </span> : null}
            {e.message}
            {e.path ? <span className="mono path"> ({e.path})</span> : null}
          </li>
        ))}
      </ul>
      {errors.length > 50 ? <p>{t('definitionErrors.more', { count: errors.length - 50 })}</p> : null}
    </div>
  );
}
