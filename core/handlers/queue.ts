import { ok } from '../../api/result.ts';
import type { CoreDeps } from '../create-core.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';

/** The therapist's queue: listed fields only; names are decrypted in main, never the answers. */
export function queueHandlers(deps: CoreDeps): Pick<HandlerTable, 'queue:list'> {
  return {
    'queue:list': defineHandler('queue:list', deps.handlerOptions, (req) => {
      deps.staff.require();
      return ok({ items: deps.submissions.list(req) });
    }),
  };
}
