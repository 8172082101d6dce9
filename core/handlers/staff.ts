import { fail, ok } from '../../api/result.ts';
import { assertNever } from '../../forms/engine/index.ts';
import type { CoreDeps } from '../deps.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';
import { callerSource } from '../staff/login-failures.ts';
import { deviceIdOfCaller } from '../devices/registry.ts';
import type { Caller } from '../handler.ts';
import type { AuditDetails } from '../audit/log.ts';

/** Which paired device a staff login, logout or setup came from (the caller id is `device:<id>` over the network); nothing at the kiosk itself. */
export function deviceDetails(caller: Caller): AuditDetails {
  const device = deviceIdOfCaller(caller.id);
  return device ? { device } : {};
}

type StaffDeps = Pick<CoreDeps, 'staff' | 'audit' | 'loginFailures' | 'handlerOptions'>;

/** Staff mode entry: first-run setup, the name list, PIN login (audited; failures counted), lock and one's own screen language. */
export function staffHandlers(deps: StaffDeps): Pick<HandlerTable, 'staff:status' | 'staff:setup' | 'staff:roster' | 'staff:login' | 'staff:lock' | 'staff:setLanguage'> {
  const { staff, audit, loginFailures, handlerOptions } = deps;
  return {
    'staff:status': defineHandler('staff:status', handlerOptions, async (_req, { caller }) => ok({ needsSetup: await staff.needsSetup(), session: staff.current(caller.id), clinicLanguage: staff.clinicLanguage() })),

    'staff:setup': defineHandler('staff:setup', handlerOptions, async (req, { caller }) => {
      const session = await staff.setupFirstAdmin(req.name, req.pin, caller.id);
      await audit.append({ action: 'staff.added', actor: session.staffId, subjectId: session.staffId, details: { role: session.role, firstRun: true } });
      await audit.append({ action: 'staff.login', actor: session.staffId, details: deviceDetails(caller) });
      return ok(session);
    }),

    'staff:roster': defineHandler('staff:roster', handlerOptions, async () => ok(await staff.roster())),

    'staff:login': defineHandler('staff:login', handlerOptions, async (req, ctx) => {
      const result = await staff.login(req.staffId, req.pin, ctx.caller.id);
      if (result.ok) {
        await loginFailures.succeeded(result.session.staffId);
        await audit.append({ action: 'staff.login', actor: result.session.staffId, details: deviceDetails(ctx.caller) });
        return ok(result.session);
      }
      // Counted, not a row per guess. An unknown id is not recorded: it is whatever the caller typed.
      // From a paired device the source is the device; at the kiosk, the calling page's origin.
      const device = deviceIdOfCaller(ctx.caller.id);
      const source = device ? `device:${device}` : callerSource(ctx.senderUrl);
      await loginFailures.record({ staffId: result.reason === 'unknown_staff' ? null : req.staffId, source, reason: result.reason });
      switch (result.reason) {
        case 'locked_out':
          return fail('locked_out', 'Too many wrong PINs. Please wait before trying again.', result.retryAt ? { retryAt: result.retryAt } : {});
        case 'bad_pin':
        case 'unknown_staff':
          return fail('unauthenticated', 'That PIN did not work. Please try again.');
        default:
          return assertNever(result.reason);
      }
    }),

    /** One's own screen language: not audited (it changes no record and no one else's screens). */
    'staff:setLanguage': defineHandler('staff:setLanguage', handlerOptions, async (req, { session, caller }) => {
      await staff.setLanguage(session.staffId, req.language);
      return ok(staff.current(caller.id) ?? { ...session, language: req.language ?? staff.clinicLanguage() });
    }),

    'staff:lock': defineHandler('staff:lock', handlerOptions, async (_req, { caller }) => {
      const session = staff.current(caller.id);
      staff.lock(caller.id);
      if (session) await audit.append({ action: 'staff.logout', actor: session.staffId, details: deviceDetails(caller) });
      return ok({ locked: true as const });
    }),
  };
}
