import type { FormDefinitionError } from '../../../../forms/engine/index.ts';

interface InlineErrorsProps {
  /** Names the list for screen readers, e.g. "Problems with question pain". */
  readonly label: string;
  readonly errors: readonly FormDefinitionError[];
}

/** The problems of one question or rule that are not shown beside a field of their own. */
export function InlineErrors({ label, errors }: InlineErrorsProps) {
  if (errors.length === 0) return null;
  return (
    <ul className="inline-errors" aria-label={label}>
      {errors.map((e, i) => (
        <li key={i} className="error-text">
          {e.message}
        </li>
      ))}
    </ul>
  );
}
