/** kiosk:outboxStatus: how many intakes this kiosk still holds for the clinic server (the staff home's banner). */
import { ok } from '../../api/result.ts';
import type { CoreDeps } from '../deps.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';

export function outboxStatusHandlers(deps: Pick<CoreDeps, 'network' | 'handlerOptions'>): Pick<HandlerTable, 'kiosk:outboxStatus'> {
  return {
    'kiosk:outboxStatus': defineHandler('kiosk:outboxStatus', deps.handlerOptions, async () => {
      if (!deps.network) return ok({ networkMode: false, waiting: 0, refused: 0, oldestAt: null, lastError: null });
      return ok({ networkMode: true, ...(await deps.network.outbox.summary()) });
    }),
  };
}
