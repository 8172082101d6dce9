/**
 * admin:* — every channel requires a live admin session; every change is audit-logged
 * with before/after summaries (ids, counts, digests and setting values; never form text
 * answered by clients, PINs, keys or images).
 */
import { fail, ok } from '../../api/result.ts';
import type { FormVersionSummary } from '../../api/contract.ts';
import type { CoreDeps } from '../create-core.ts';
import { transaction } from '../db/database.ts';
import { CoreError, defineHandler, type HandlerTable } from '../handler.ts';
import { auditCertificate, auditDraft, auditPublish } from '../admin/audit-admin.ts';
import { certificateInfo, createCertificateAdmin } from '../admin/certificate.ts';
import { checkExpression } from '../admin/expression-check.ts';
import { createFormDraftService, summarizeDefinition } from '../admin/form-drafts.ts';
import { AdminSettingsError, settingsDiff } from '../admin/settings-service.ts';
import { createStaffAdmin } from '../admin/staff-admin.ts';

type AdminChannel = Extract<keyof HandlerTable, `admin:${string}`>;
type AdminDeps = Pick<CoreDeps, 'db' | 'clock' | 'forms' | 'settings' | 'staff' | 'audit' | 'secrets' | 'signingIdentity' | 'resetSigningIdentity' | 'clinicSettings' | 'handlerOptions'>;

export function adminHandlers(deps: AdminDeps): Pick<HandlerTable, AdminChannel> {
  const { db, clock, audit, handlerOptions: options } = deps;
  const drafts = createFormDraftService(db, deps.forms, clock);
  const settings = deps.clinicSettings;
  const staff = createStaffAdmin(db, deps.staff, clock);
  const certificates = createCertificateAdmin(deps.secrets, clock);
  // The identity PDFs are signed with; reset after a change so the next PDF uses the new one.
  const currentIdentity = () => deps.signingIdentity();

  /** The admin's staff id, or a typed unauthenticated / forbidden error. */
  const admin = () => deps.staff.require('admin').staffId;

  return {
    'admin:getFormDraft': defineHandler('admin:getFormDraft', options, () => {
      admin();
      return ok(drafts.current());
    }),

    'admin:saveFormDraft': defineHandler('admin:saveFormDraft', options, (req) => {
      const actor = admin();
      const before = summarizeDefinition(drafts.current().definition);
      const draft = transaction(db, () => {
        const saved = drafts.save(req.definition, actor);
        auditDraft(audit, actor, 'saved', before, summarizeDefinition(saved.definition));
        return saved;
      });
      return ok(draft);
    }),

    'admin:checkExpression': defineHandler('admin:checkExpression', options, (req) => {
      admin();
      return ok({ issues: checkExpression(req.definition, req.target, req.expression) });
    }),

    'admin:publishForm': defineHandler('admin:publishForm', options, (req) => {
      const actor = admin();
      const outcome = transaction(db, () => {
        const result = drafts.publish(req.definition, actor);
        if (result.status === 'published' && result.form && result.previous) {
          auditPublish(audit, actor, summarizeDefinition(result.previous), summarizeDefinition(result.form));
        }
        return result;
      });
      return ok(outcome.status === 'published' ? { status: outcome.status, formId: outcome.formId, version: outcome.version } : outcome);
    }),

    'admin:listFormVersions': defineHandler('admin:listFormVersions', options, () => {
      admin();
      const names = new Map(staff.list().map((s) => [s.staffId, s.name]));
      const versions = deps.forms.versions().map(
        (v): FormVersionSummary => ({ ...v, publishedBy: names.get(v.publishedBy) ?? (v.publishedBy === 'system' ? 'built-in' : 'former staff member') }),
      );
      return ok({ versions });
    }),

    'admin:restoreFormVersion': defineHandler('admin:restoreFormVersion', options, (req) => {
      const actor = admin();
      const before = summarizeDefinition(drafts.current().definition);
      const draft = transaction(db, () => {
        const restored = drafts.restore(req.formId, req.version, actor);
        if (!restored) throw new CoreError('not_found', `There is no version ${req.version} of that form.`);
        auditDraft(audit, actor, 'restored', before, summarizeDefinition(restored.definition));
        return restored;
      });
      return ok(draft);
    }),

    'admin:exportFormVersion': defineHandler('admin:exportFormVersion', options, (req) => {
      admin();
      const file = drafts.exportJson(req.formId, req.version);
      return file ? ok(file) : fail('not_found', `There is no version ${req.version} of that form.`);
    }),

    'admin:importForm': defineHandler('admin:importForm', options, (req) => {
      const actor = admin();
      const before = summarizeDefinition(drafts.current().definition);
      const outcome = transaction(db, () => {
        const result = drafts.importJson(req.json, actor);
        if (result.status === 'imported') auditDraft(audit, actor, 'imported', before, summarizeDefinition(result.draft.definition));
        return result;
      });
      return ok(outcome);
    }),

    'admin:getSettings': defineHandler('admin:getSettings', options, () => {
      admin();
      return ok(settings.get());
    }),

    'admin:updateSettings': defineHandler('admin:updateSettings', options, async (req) => {
      const actor = admin();
      try {
        const { before, after } = await settings.update(req, actor);
        const details = settingsDiff(before, after);
        if (details.changed !== '') audit.append({ action: 'settings.changed', actor, details: { area: 'clinic', ...details } });
        return ok(after);
      } catch (error) {
        if (error instanceof AdminSettingsError) return fail('invalid_request', error.message, { issues: error.issues });
        throw error;
      }
    }),

    'admin:listStaff': defineHandler('admin:listStaff', options, () => {
      admin();
      return ok({ staff: staff.list() });
    }),

    'admin:addStaff': defineHandler('admin:addStaff', options, (req) => {
      const actor = admin();
      const entry = transaction(db, () => {
        const added = staff.add(req.name, req.role, req.pin);
        audit.append({ action: 'staff.added', actor, subjectId: added.staffId, details: { role: added.role, after_active: true } });
        return added;
      });
      return ok(entry);
    }),

    'admin:setStaffActive': defineHandler('admin:setStaffActive', options, (req) => {
      const actor = admin();
      const { before, after } = staff.setActive(req.staffId, req.active);
      if (before.active !== after.active) {
        audit.append({ action: 'staff.changed', actor, subjectId: req.staffId, details: { op: req.active ? 'enabled' : 'disabled', before_active: before.active, after_active: after.active } });
      }
      return ok(after);
    }),

    'admin:setStaffLanguage': defineHandler('admin:setStaffLanguage', options, (req) => {
      const actor = admin();
      const { before, after } = staff.setLanguage(req.staffId, req.language);
      if (before.language !== after.language) {
        audit.append({ action: 'staff.changed', actor, subjectId: req.staffId, details: { op: 'language', before_language: before.language ?? 'clinic default', after_language: after.language ?? 'clinic default' } });
      }
      return ok(after);
    }),

    'admin:resetStaffPin': defineHandler('admin:resetStaffPin', options, (req) => {
      const actor = admin();
      const before = staff.find(req.staffId);
      const after = staff.resetPin(req.staffId, req.pin);
      // A PIN change is recorded as having happened; the PIN itself never is.
      audit.append({ action: 'staff.changed', actor, subjectId: req.staffId, details: { op: 'pin_reset', before_locked_out: before.lockedOut, after_locked_out: after.lockedOut } });
      return ok(after);
    }),

    'admin:getCertificate': defineHandler('admin:getCertificate', options, async () => {
      admin();
      return ok(certificateInfo(await currentIdentity(), clock.now()));
    }),

    'admin:regenerateCertificate': defineHandler('admin:regenerateCertificate', options, async () => {
      const actor = admin();
      const before = certificateInfo(await currentIdentity(), clock.now());
      const replaced = await certificates.regenerate(deps.settings.get().clinicName);
      deps.resetSigningIdentity(); // new PDFs are signed with the new certificate from now on
      const after = certificateInfo(replaced, clock.now());
      auditCertificate(audit, actor, 'regenerated', before, after);
      return ok(after);
    }),

    'admin:importCertificate': defineHandler('admin:importCertificate', options, async (req) => {
      const actor = admin();
      const before = certificateInfo(await currentIdentity(), clock.now());
      const replaced = certificates.import(req.p12Base64, req.passphrase);
      deps.resetSigningIdentity();
      const after = certificateInfo(replaced, clock.now());
      auditCertificate(audit, actor, 'imported', before, after);
      return ok(after);
    }),
  };
}
