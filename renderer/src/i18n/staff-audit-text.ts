/**
 * The audit log as sentences a clinic owner reads (staff namespace, key `auditLog`), with its
 * filters, in every staff screen language. {{who}} arrives as "Dana (therapist)" or "The
 * kiosk"; {{client}} as the client's name (admins only: otherwise the "…Anon" sentence is used);
 * {{subject}} as a staff member's name. audit-sentence.ts picks the sentence.
 */
import type { StaffLanguage } from '../../../api/contract.ts';
import type { Translation } from './translation-shape.ts';
import { AUDIT_TEXT_1 } from './staff-audit-text-1.ts';
import { AUDIT_TEXT_2 } from './staff-audit-text-2.ts';

const auditLogEn = {
  person: '{{name}} ({{role}})',
  formerStaff: 'A former staff member',
  formerStaffObject: 'a former staff member',
  notStaff: 'someone not on the staff list',
  kiosk: 'The kiosk',
  system: 'The kiosk (automatic)',
  created: 'The kiosk stored the intake of {{client}}.',
  createdAnon: 'The kiosk stored an intake.',
  viewed: '{{who}} opened the intake of {{client}}.',
  viewedAnon: '{{who}} opened an intake.',
  acknowledged: '{{who}} acknowledged the intake of {{client}}.',
  acknowledgedAnon: '{{who}} acknowledged an intake.',
  printed: '{{who}} printed the summary of {{client}}.',
  printedAnon: '{{who}} printed an intake summary.',
  exported: '{{who}} exported the summary of {{client}} again.',
  exportedAuto: '{{who}} copied the summary of {{client}} to the export folder.',
  exportedAutoAnon: '{{who}} copied an intake summary to the export folder.',
  exportedAnon: '{{who}} exported an intake summary again.',
  conflict: 'The kiosk refused a second, different intake sent under the same number.',
  purged_one: 'The kiosk deleted {{count}} intake older than the retention period.',
  purged_other: 'The kiosk deleted {{count}} intakes older than the retention period.',
  login: '{{who}} signed in.',
  logout: '{{who}} signed out.',
  loginFailed: 'A wrong PIN was entered for {{who}}.',
  loginFailures_one: '{{count}} failed PIN attempt for {{who}}.',
  loginFailures_other: '{{count}} failed PIN attempts for {{who}}.',
  staffAdded: '{{who}} added {{subject}} as {{role}}.',
  firstAdmin: '{{who}} set up the kiosk as its first administrator.',
  staffEnabled: '{{who}} turned the account of {{subject}} back on.',
  staffDisabled: '{{who}} turned off the account of {{subject}}.',
  staffLanguage: '{{who}} changed the screen language of {{subject}}.',
  staffPinReset: '{{who}} reset the PIN of {{subject}}.',
  staffChanged: '{{who}} changed the account of {{subject}}.',
  settings: '{{who}} changed the clinic settings.',
  formDraft: '{{who}} changed the form draft.',
  formPublished: '{{who}} published version {{version}} of the form.',
  certificate: '{{who}} changed the signing certificate.',
  keysRotated: '{{who}} replaced the data key (every record was re-encrypted).',
  kioskQuit: '{{who}} left kiosk mode.',
  verifiedOk: '{{who}} checked the log: it is intact.',
  verifiedBroken: '{{who}} checked the log: it is broken at entry {{id}}.',
  legacySealed: 'The kiosk sealed its older log entries into the chain.',
  pairingCode: '{{who}} created a pairing code for a new device.',
  devicePaired: 'The device “{{name}}” was paired with the clinic server (code from {{who}}).',
  pairingRefused: 'Wrong pairing codes were entered ({{count}} so far).',
  pairingVoided: 'Too many wrong pairing codes: every open code was cancelled.',
  deviceRevoked: '{{who}} removed a paired device; it can no longer reach the clinic server.',
  queued: 'The kiosk kept an intake to send to the clinic server.',
  forwarded: 'The kiosk sent a kept intake to the clinic server.',
  refused: 'The clinic server refused an intake from a kiosk: its signed summary did not match its answers or was not signed by a kiosk of this clinic. Nothing was stored.',
  networkJoined: '{{who}} joined this kiosk to the clinic server {{server}}.',
  networkLeft: '{{who}} took this kiosk off the clinic server {{server}}: it works on its own again.',
  other: 'Other entry ({{action}}).',
  filtersLabel: 'Filter the log',
  what: 'What',
  whatAll: 'Everything',
  groups: {
    records: 'Client records',
    sign_ins: 'Sign-ins',
    staff: 'Staff accounts',
    settings: 'Settings and forms',
    system: 'The kiosk on its own',
  },
  who: 'Who',
  whoAll: 'Everyone',
  from: 'From',
  to: 'To',
  clear: 'Clear filters',
  none: 'No entries match these filters.',
  colEntry: 'Entry',
  colWhen: 'When',
  colWhat: 'What happened',
  namesForAdmins: 'Client names are shown to administrators only.',
} as const;

/** One language's audit-log texts: every key of the English ones. */
export type AuditText = Translation<typeof auditLogEn>;

export const AUDIT_TEXT: Readonly<Record<StaffLanguage, AuditText>> = { en: auditLogEn, ...AUDIT_TEXT_1, ...AUDIT_TEXT_2 };
