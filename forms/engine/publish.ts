/**
 * The engine's second entry point: loading a definition an admin wants to publish, with
 * the checks that are too heavy for the kiosk's client bundle. Today that is pattern
 * safety: scslre and its Unicode tables are about 230 kB gzip, more than the whole
 * client, so they are kept out of index.ts (the client never loads admin definitions)
 * and reach the renderer only in the lazy admin chunk. Main publishes, imports and
 * saves drafts through these functions; pure TypeScript like the rest of the engine.
 */
import { parseFormDefinition, parseFormDefinitionJson, type DefinitionCheck } from './load.ts';
import { unsafePatternReason } from './pattern-safety.ts';
import { specOf } from './question-types/index.ts';
import type { FormDefinitionError, FormDefinitionResult } from './types.ts';

/** Every answer pattern in the form that can backtrack catastrophically, named by its question. */
export const unsafePatterns: DefinitionCheck = (form) =>
  form.steps.flatMap((step, si) =>
    step.questions.flatMap((q, qi) =>
      (specOf(q).patterns?.(q) ?? []).flatMap(({ field, regex }): FormDefinitionError[] => {
        const reason = unsafePatternReason(regex);
        return reason ? [{ path: `steps[${si}].questions[${qi}].${field}`, questionId: q.id, message: `Question "${q.id}": the pattern /${regex}/ is refused: ${reason}` }] : [];
      }),
    ),
  );

const PUBLISH_CHECKS: readonly DefinitionCheck[] = [unsafePatterns];

/** parseFormDefinition, plus the checks a definition must pass before clients answer it. */
export function parseDefinitionToPublish(input: unknown): FormDefinitionResult {
  return parseFormDefinition(input, PUBLISH_CHECKS);
}

/** parseFormDefinitionJson, plus the checks a definition must pass before clients answer it. */
export function parseDefinitionJsonToPublish(text: string): FormDefinitionResult {
  return parseFormDefinitionJson(text, PUBLISH_CHECKS);
}
