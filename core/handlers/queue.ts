import { ok } from '../../api/result.ts';
import type { CoreDeps } from '../deps.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';
import { noteOf } from '../network/arrivals.ts';

/**
 * The therapist's queue: listed fields only; names are decrypted in main, never the answers.
 * An intake a kiosk forwarded carries its arrival note (late, kiosk clock off).
 */
export function queueHandlers(deps: Pick<CoreDeps, 'submissions' | 'arrivals' | 'handlerOptions'>): Pick<HandlerTable, 'queue:list'> {
  return {
    'queue:list': defineHandler('queue:list', deps.handlerOptions, async (req) => {
      const items = deps.submissions.list(req);
      const arrivals = await deps.arrivals.forIds(items.map((i) => i.submissionId));
      return ok({
        items: items.map((item) => {
          const arrival = arrivals.get(item.submissionId);
          return arrival ? { ...item, arrival: noteOf(arrival) } : item;
        }),
      });
    }),
  };
}
