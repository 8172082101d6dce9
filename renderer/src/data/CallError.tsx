import type { ApiError } from '../../../api/result.ts';

/**
 * How every staff and admin screen shows a refused call: the Result's own message (main
 * writes it for a person to act on), as an alert so screen readers announce it at once.
 * Takes several errors and shows the first, so a screen with a load and actions has one place.
 */
export function CallError({ errors }: { readonly errors: readonly (ApiError | null | undefined)[] }) {
  const error = errors.find((e) => e);
  if (!error) return null;
  return (
    <p role="alert" className="error-text call-error" data-testid="call-error" data-code={error.code}>
      {error.message}
    </p>
  );
}
