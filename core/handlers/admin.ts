/**
 * admin:* — every channel is `admin` (checked before the body runs); every change is audit-logged
 * with before/after summaries (ids, counts, digests and setting values; never form text
 * answered by clients, PINs, keys or images).
 */
import { fail, ok } from '../../api/result.ts';
import type { FormVersionSummary } from '../../api/contract.ts';
import type { CoreDeps } from '../deps.ts';
import { AUDIT_CHAIN } from '../audit/log.ts';
import { CoreError, defineHandler, type HandlerTable } from '../handler.ts';
import { auditCertificate, auditDraft, auditPublish } from '../admin/audit-admin.ts';
import { certificateInfo, createCertificateAdmin } from '../admin/certificate.ts';
import { checkExpression } from '../admin/expression-check.ts';
import { createFormDraftService, summarizeDefinition } from '../admin/form-drafts.ts';
import { AdminSettingsError, settingsDiff } from '../admin/settings-service.ts';
import { createStaffAdmin } from '../admin/staff-admin.ts';
import { rotateDataKey } from '../crypto/rotation.ts';
import { allSealedColumns } from '../crypto/sealed-columns.ts';
import type { DeviceChannel } from './devices.ts';

type AdminChannel = Exclude<Extract<keyof HandlerTable, `admin:${string}`>, DeviceChannel>;
type AdminDeps = Pick<
  CoreDeps,
  'store' | 'vault' | 'keyProvider' | 'clock' | 'forms' | 'settings' | 'staff' | 'audit' | 'secrets' | 'signingIdentity' | 'resetSigningIdentity' | 'clinicSettings' | 'handlerOptions'
>;

export function adminHandlers(deps: AdminDeps): Pick<HandlerTable, AdminChannel> {
  const { store: db, clock, audit, handlerOptions: options } = deps;
  const drafts = createFormDraftService(db, deps.forms, clock);
  const settings = deps.clinicSettings;
  const staff = createStaffAdmin(db, deps.staff, clock);
  const certificates = createCertificateAdmin(deps.secrets, clock);
  // The identity PDFs are signed with; reset after a change so the next PDF uses the new one.
  const currentIdentity = () => deps.signingIdentity();

  return {
    'admin:getFormDraft': defineHandler('admin:getFormDraft', options, async () => ok(await drafts.current())),

    'admin:saveFormDraft': defineHandler('admin:saveFormDraft', options, async (req, { session }) => {
      const actor = session.staffId;
      const before = summarizeDefinition((await drafts.current()).definition);
      const draft = await db.transaction(async () => {
        const saved = await drafts.save(req.definition, actor);
        await auditDraft(audit, actor, 'saved', before, summarizeDefinition(saved.definition));
        return saved;
      }, AUDIT_CHAIN);
      return ok(draft);
    }),

    'admin:checkExpression': defineHandler('admin:checkExpression', options, (req) => ok({ issues: checkExpression(req.definition, req.target, req.expression) })),

    'admin:publishForm': defineHandler('admin:publishForm', options, async (req, { session }) => {
      const actor = session.staffId;
      const outcome = await db.transaction(async () => {
        const result = await drafts.publish(req.definition, actor);
        if (result.status === 'published' && result.form && result.previous) {
          await auditPublish(audit, actor, summarizeDefinition(result.previous), summarizeDefinition(result.form));
        }
        return result;
      }, AUDIT_CHAIN);
      return ok(outcome.status === 'published' ? { status: outcome.status, formId: outcome.formId, version: outcome.version } : outcome);
    }),

    'admin:listFormVersions': defineHandler('admin:listFormVersions', options, async () => {
      const names = new Map((await staff.list()).map((s) => [s.staffId, s.name]));
      const versions = (await deps.forms.versions()).map(
        (v): FormVersionSummary => ({ ...v, publishedBy: names.get(v.publishedBy) ?? (v.publishedBy === 'system' ? 'built-in' : 'former staff member') }),
      );
      return ok({ versions });
    }),

    'admin:restoreFormVersion': defineHandler('admin:restoreFormVersion', options, async (req, { session }) => {
      const actor = session.staffId;
      const before = summarizeDefinition((await drafts.current()).definition);
      const draft = await db.transaction(async () => {
        const restored = await drafts.restore(req.formId, req.version, actor);
        if (!restored) throw new CoreError('not_found', `There is no version ${req.version} of that form.`);
        await auditDraft(audit, actor, 'restored', before, summarizeDefinition(restored.definition));
        return restored;
      }, AUDIT_CHAIN);
      return ok(draft);
    }),

    'admin:exportFormVersion': defineHandler('admin:exportFormVersion', options, async (req) => {
      const file = await drafts.exportJson(req.formId, req.version);
      return file ? ok(file) : fail('not_found', `There is no version ${req.version} of that form.`);
    }),

    'admin:importForm': defineHandler('admin:importForm', options, async (req, { session }) => {
      const actor = session.staffId;
      const before = summarizeDefinition((await drafts.current()).definition);
      const outcome = await db.transaction(async () => {
        const result = await drafts.importJson(req.json, actor);
        if (result.status === 'imported') await auditDraft(audit, actor, 'imported', before, summarizeDefinition(result.draft.definition));
        return result;
      }, AUDIT_CHAIN);
      return ok(outcome);
    }),

    'admin:getSettings': defineHandler('admin:getSettings', options, async () => ok(await settings.get())),

    'admin:updateSettings': defineHandler('admin:updateSettings', options, async (req, { session }) => {
      const actor = session.staffId;
      try {
        const { before, after } = await settings.update(req, actor);
        const details = settingsDiff(before, after);
        if (details.changed !== '') await audit.append({ action: 'settings.changed', actor, details: { area: 'clinic', ...details } });
        return ok(after);
      } catch (error) {
        if (error instanceof AdminSettingsError) return fail('invalid_request', error.message, { issues: error.issues });
        throw error;
      }
    }),

    'admin:listStaff': defineHandler('admin:listStaff', options, async () => ok({ staff: await staff.list() })),

    'admin:addStaff': defineHandler('admin:addStaff', options, async (req, { session }) => {
      const actor = session.staffId;
      const entry = await db.transaction(async () => {
        const added = await staff.add(req.name, req.role, req.pin);
        await audit.append({ action: 'staff.added', actor, subjectId: added.staffId, details: { role: added.role, after_active: true } });
        return added;
      }, AUDIT_CHAIN);
      return ok(entry);
    }),

    'admin:setStaffActive': defineHandler('admin:setStaffActive', options, async (req, { session }) => {
      const actor = session.staffId;
      const { before, after } = await staff.setActive(req.staffId, req.active);
      if (before.active !== after.active) {
        await audit.append({ action: 'staff.changed', actor, subjectId: req.staffId, details: { op: req.active ? 'enabled' : 'disabled', before_active: before.active, after_active: after.active } });
      }
      return ok(after);
    }),

    'admin:setStaffLanguage': defineHandler('admin:setStaffLanguage', options, async (req, { session }) => {
      const { before, after } = await staff.setLanguage(req.staffId, req.language);
      if (before.language !== after.language) {
        const words = (language: string | null) => language ?? 'clinic default';
        await audit.append({ action: 'staff.changed', actor: session.staffId, subjectId: req.staffId, details: { op: 'language', before_language: words(before.language), after_language: words(after.language) } });
      }
      return ok(after);
    }),

    'admin:resetStaffPin': defineHandler('admin:resetStaffPin', options, async (req, { session }) => {
      const actor = session.staffId;
      const before = await staff.find(req.staffId);
      const after = await staff.resetPin(req.staffId, req.pin);
      // A PIN change is recorded as having happened; the PIN itself never is.
      await audit.append({ action: 'staff.changed', actor, subjectId: req.staffId, details: { op: 'pin_reset', before_locked_out: before.lockedOut, after_locked_out: after.lockedOut } });
      return ok(after);
    }),

    'admin:getCertificate': defineHandler('admin:getCertificate', options, async () => ok(certificateInfo(await currentIdentity(), clock.now()))),

    'admin:regenerateCertificate': defineHandler('admin:regenerateCertificate', options, async (_req, { session }) => {
      const actor = session.staffId;
      const before = certificateInfo(await currentIdentity(), clock.now());
      const replaced = await certificates.regenerate(deps.settings.get().clinicName);
      deps.resetSigningIdentity(); // new PDFs are signed with the new certificate from now on
      const after = certificateInfo(replaced, clock.now());
      await auditCertificate(audit, actor, 'regenerated', before, after);
      return ok(after);
    }),

    'admin:importCertificate': defineHandler('admin:importCertificate', options, async (req, { session }) => {
      const actor = session.staffId;
      const before = certificateInfo(await currentIdentity(), clock.now());
      const replaced = await certificates.import(req.p12Base64, req.passphrase);
      deps.resetSigningIdentity();
      const after = certificateInfo(replaced, clock.now());
      await auditCertificate(audit, actor, 'imported', before, after);
      return ok(after);
    }),

    // The new key is wrapped by the same key provider; the rotation and its audit entry commit together.
    'admin:rotateDataKey': defineHandler('admin:rotateDataKey', options, async (_req, { session }) => {
      const rotated = await rotateDataKey(db, deps.vault, deps.keyProvider, allSealedColumns, (_tx, r) =>
        audit.append({ action: 'keys.rotated', actor: session.staffId, details: { key: 'data', before_key_id: r.previousKeyId, after_key_id: r.keyId, resealed: r.resealed } }),
      );
      return ok(rotated);
    }),
  };
}
