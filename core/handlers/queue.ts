import { ok } from '../../api/result.ts';
import type { CoreDeps } from '../deps.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';
import { createOutcomeRepository } from '../therapist/outcomes.ts';
import { noteOf } from '../network/arrivals.ts';

/**
 * The therapist's queue: listed fields only; names are decrypted in main, never the answers.
 * Each row carries the outcome code recorded with a stop or clearance acknowledgement (never its
 * note), and an intake a kiosk forwarded its arrival note (late, kiosk clock off).
 */
export function queueHandlers(deps: Pick<CoreDeps, 'submissions' | 'store' | 'vault' | 'arrivals' | 'handlerOptions'>): Pick<HandlerTable, 'queue:list'> {
  const outcomes = createOutcomeRepository(deps.store, deps.vault);
  return {
    'queue:list': defineHandler('queue:list', deps.handlerOptions, async (req) => {
      const items = await deps.submissions.list(req);
      const codes = await outcomes.codesFor(items.filter((i) => i.status === 'acknowledged').map((i) => i.submissionId));
      const arrivals = await deps.arrivals.forIds(items.map((i) => i.submissionId));
      return ok({
        items: items.map((item) => {
          const arrival = arrivals.get(item.submissionId);
          const withOutcome = { ...item, outcome: codes.get(item.submissionId) ?? null };
          return arrival ? { ...withOutcome, arrival: noteOf(arrival) } : withOutcome;
        }),
      });
    }),
  };
}
