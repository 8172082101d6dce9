import type { FormDefinitionError } from '../../../../forms/engine/index.ts';

interface DefinitionErrorsProps {
  readonly id: string;
  readonly title: string;
  readonly errors: readonly FormDefinitionError[];
}

/** A definition's problems, each with where it is: line/column (imports), path and question. */
export function DefinitionErrors({ id, title, errors }: DefinitionErrorsProps) {
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
            {e.line !== undefined ? (
              <strong>
                Line {e.line}
                {e.column !== undefined ? `, column ${e.column}` : ''}:{' '}
              </strong>
            ) : null}
            {e.questionId ? <span>Question “{e.questionId}”: </span> : null}
            {e.message}
            {e.path ? <span className="mono path"> ({e.path})</span> : null}
          </li>
        ))}
      </ul>
      {errors.length > 50 ? <p>… and {errors.length - 50} more.</p> : null}
    </div>
  );
}
