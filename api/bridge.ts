/**
 * Builds `window.kiosk` from an invoke function. The Electron preload passes
 * `ipcRenderer.invoke`; the e2e harness and start:chromium pass a Playwright binding; the
 * clinic server's web app passes fetch('/api/<channel>') and its event stream as `live`.
 * All therefore expose the same object: one method per channel, nothing generic.
 */
import type { Channel, KioskApi, Request, Responses, Subscribe } from './contract.ts';
import type { Result } from './result.ts';

export type Invoke = (channel: Channel, request: unknown) => Promise<unknown>;

/** Changes a host can push (the clinic server's Server-Sent Events). */
export interface LiveUpdates {
  readonly onQueueChanged: Subscribe;
}

export function createKioskApi(invoke: Invoke, live?: LiveUpdates): KioskApi {
  const call =
    <C extends Channel>(channel: C) =>
    (request: Request<C>): Promise<Result<Responses[C]>> =>
      // The main process answers every channel with a Result (core/handler.ts).
      invoke(channel, request) as Promise<Result<Responses[C]>>;
  return Object.freeze({
    getConfig: call('kiosk:getConfig'),
    getActiveForm: call('form:getActive'),
    submitIntake: call('intake:submit'),
    staffStatus: call('staff:status'),
    setupFirstAdmin: call('staff:setup'),
    staffRoster: call('staff:roster'),
    staffLogin: call('staff:login'),
    staffLock: call('staff:lock'),
    staffSetLanguage: call('staff:setLanguage'),
    quitKiosk: call('kiosk:quit'),
    listQueue: call('queue:list'),
    getSubmission: call('submission:get'),
    getSubmissionPdf: call('submission:pdf'),
    acknowledgeSubmission: call('submission:acknowledge'),
    printSubmission: call('submission:print'),
    exportSubmission: call('submission:export'),
    listAudit: call('audit:list'),
    verifyAudit: call('audit:verify'),
    touchStaffSession: call('staff:touch'),
    adminGetFormDraft: call('admin:getFormDraft'),
    adminSaveFormDraft: call('admin:saveFormDraft'),
    adminCheckExpression: call('admin:checkExpression'),
    adminPublishForm: call('admin:publishForm'),
    adminListFormVersions: call('admin:listFormVersions'),
    adminRestoreFormVersion: call('admin:restoreFormVersion'),
    adminExportFormVersion: call('admin:exportFormVersion'),
    adminImportForm: call('admin:importForm'),
    adminGetSettings: call('admin:getSettings'),
    adminUpdateSettings: call('admin:updateSettings'),
    adminListStaff: call('admin:listStaff'),
    adminAddStaff: call('admin:addStaff'),
    adminSetStaffActive: call('admin:setStaffActive'),
    adminSetStaffLanguage: call('admin:setStaffLanguage'),
    adminResetStaffPin: call('admin:resetStaffPin'),
    adminGetCertificate: call('admin:getCertificate'),
    adminRegenerateCertificate: call('admin:regenerateCertificate'),
    adminImportCertificate: call('admin:importCertificate'),
    adminRotateDataKey: call('admin:rotateDataKey'),
    adminCreatePairingCode: call('admin:createPairingCode'),
    adminListDevices: call('admin:listDevices'),
    adminRevokeDevice: call('admin:revokeDevice'),
    ...(live ? { onQueueChanged: live.onQueueChanged } : {}),
    forwardIntake: call('intake:forward'),
    outboxStatus: call('kiosk:outboxStatus'),
    networkStatus: call('network:status'),
    networkPair: call('network:pair'),
    networkLeave: call('network:leave'),
  } satisfies KioskApi);
}
