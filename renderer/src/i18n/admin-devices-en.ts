/**
 * English text of the admin area's Devices panel (pairing codes, paired devices, revoking):
 * the `devices` section of the `admin` namespace (admin-en.ts), kept in its own file per language.
 */
export const adminDevicesEn = {
  /** The section button in the admin area's row of sections. */
  tab: 'Devices',
  title: 'Paired devices',
  intro: 'Tablets, PCs and other lobby kiosks reach the clinic server only once they are paired. A pairing code works once, for 10 minutes.',
  pairBrowser: 'Pair a tablet or PC',
  pairKiosk: 'Pair a kiosk',
  creating: 'Creating a pairing code…',
  codeTitle: 'Pairing code',
  /** What the code on show is for. */
  codeFor: {
    browser: 'For a tablet or PC',
    kiosk: 'For a lobby kiosk',
  },
  /** {{time}} is minutes:seconds, e.g. 9:41. */
  expiresIn: 'Expires in {{time}}',
  expired: 'This code has expired. Create a new one if you still need it.',
  instructions: {
    browser: 'On the tablet or PC, open the clinic server’s address in the browser and type this code on the pairing page.',
    kiosk: 'Enter this code in the kiosk’s clinic network set-up (network mode), once. The kiosk then gets its own signing certificate from the clinic.',
  },
  /** Under a kiosk code: the clinic CA's SHA-256 fingerprint follows, in groups of four. */
  caFingerprint: 'Clinic certificate fingerprint: type at least the first 8 groups on the kiosk, beside the code.',
  doneWithCode: 'Done',
  listTitle: 'Devices',
  none: 'No device is paired yet.',
  colName: 'Name',
  colKind: 'Kind',
  colPaired: 'Paired',
  colLastSeen: 'Last seen',
  colStatus: 'Status',
  colActions: 'Actions',
  kind: {
    browser: 'Tablet or PC',
    kiosk: 'Kiosk',
  },
  neverSeen: 'Not yet',
  active: '✓ Paired',
  /** {{date}} is when it was revoked. */
  revokedOn: '✕ Revoked {{date}}',
  revoke: 'Revoke…',
  /** Read by screen readers after "Revoke…". */
  revokeFor: '{{name}}',
  confirmTitle: 'Revoke {{name}}?',
  confirmText: 'Whoever is signed in on it is signed out at once, and the device can no longer reach the clinic server. To use it again, pair it with a new code.',
  confirmRevoke: 'Yes, revoke',
  revokedStatus: '{{name}} was revoked.',
} as const;
