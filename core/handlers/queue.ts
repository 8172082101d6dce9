import { ok } from '../../api/result.ts';
import type { CoreDeps } from '../deps.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';

/** The therapist's queue: listed fields only; names are decrypted in main, never the answers. */
export function queueHandlers(deps: Pick<CoreDeps, 'submissions' | 'handlerOptions'>): Pick<HandlerTable, 'queue:list'> {
  return {
    'queue:list': defineHandler('queue:list', deps.handlerOptions, async (req) => ok({ items: await deps.submissions.list(req) })),
  };
}
