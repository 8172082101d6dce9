import { ok } from '../../api/result.ts';
import type { CoreDeps } from '../create-core.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';

/**
 * The staff exit: only a signed-in admin can end kiosk mode (the window refuses every
 * other close). Audit-logged like any staff action.
 */
export function kioskControlHandlers(deps: CoreDeps): Pick<HandlerTable, 'kiosk:quit'> {
  return {
    'kiosk:quit': defineHandler('kiosk:quit', deps.handlerOptions, () => {
      const session = deps.staff.require('admin');
      deps.audit.append({ action: 'kiosk.quit', actor: session.staffId });
      deps.staff.lock();
      if (deps.host === null) return ok({ quitting: false });
      // Answer first, then quit, so the renderer is not left waiting on a closed channel.
      setTimeout(() => deps.host?.quit(), 50);
      return ok({ quitting: true });
    }),
  };
}
