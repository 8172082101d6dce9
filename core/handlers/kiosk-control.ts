import { ok } from '../../api/result.ts';
import type { CoreDeps } from '../deps.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';

/**
 * The staff exit: only an admin signed in at the kiosk can end kiosk mode (`kiosk-admin`;
 * the window refuses every other close). Audit-logged like any staff action.
 */
export function kioskControlHandlers(deps: Pick<CoreDeps, 'staff' | 'audit' | 'host' | 'handlerOptions'>): Pick<HandlerTable, 'kiosk:quit'> {
  return {
    'kiosk:quit': defineHandler('kiosk:quit', deps.handlerOptions, async (_req, { session, caller }) => {
      await deps.audit.append({ action: 'kiosk.quit', actor: session.staffId });
      deps.staff.lock(caller.id);
      if (deps.host === null) return ok({ quitting: false });
      // Answer first, then quit, so the renderer is not left waiting on a closed channel.
      setTimeout(() => deps.host?.quit(), 50);
      return ok({ quitting: true });
    }),
  };
}
