import { ok } from '../../api/result.ts';
import type { CoreDeps } from '../deps.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';
import { createOutcomeRepository } from '../therapist/outcomes.ts';

/**
 * The therapist's queue: listed fields only; names are decrypted in main, never the answers.
 * Each row carries the outcome code recorded with a stop or clearance acknowledgement (never its note).
 */
export function queueHandlers(deps: Pick<CoreDeps, 'submissions' | 'store' | 'vault' | 'handlerOptions'>): Pick<HandlerTable, 'queue:list'> {
  const outcomes = createOutcomeRepository(deps.store, deps.vault);
  return {
    'queue:list': defineHandler('queue:list', deps.handlerOptions, async (req) => {
      const items = deps.submissions.list(req);
      const codes = await outcomes.codesFor(items.filter((i) => i.status === 'acknowledged').map((i) => i.submissionId));
      return ok({ items: items.map((item) => ({ ...item, outcome: codes.get(item.submissionId) ?? null })) });
    }),
  };
}
