import { ok } from '../../api/result.ts';
import type { CoreDeps } from '../deps.ts';
import { formSettingsOf } from '../settings/store.ts';
import { defineHandler, type HandlerTable } from '../handler.ts';

/** What the client screens need before the first tap: public settings and the live form. */
type KioskDeps = Pick<CoreDeps, 'settings' | 'clinicSettings' | 'forms' | 'handlerOptions'>;

export function kioskHandlers(deps: KioskDeps): Pick<HandlerTable, 'kiosk:getConfig' | 'form:getActive'> {
  return {
    'kiosk:getConfig': defineHandler('kiosk:getConfig', deps.handlerOptions, async () => {
      const s = deps.settings.get();
      return ok({
        clinicName: s.clinicName,
        logoDataUrl: await deps.clinicSettings.logoDataUrl(),
        languages: s.languages,
        defaultLanguage: s.defaultLanguage,
        idleWarningMs: s.idleWarningMs,
        idleCountdownMs: s.idleCountdownMs,
        doneResetMs: s.doneResetMs,
        formSettings: formSettingsOf(s),
      });
    }),
    'form:getActive': defineHandler('form:getActive', deps.handlerOptions, async () => ok({ form: await deps.forms.active() })),
  };
}
