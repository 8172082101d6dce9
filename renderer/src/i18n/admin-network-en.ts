/**
 * English text of the admin area's Clinic server panel (joining this kiosk to the clinic
 * server, its status, leaving): the `network` section of the `admin` namespace (admin-en.ts).
 */
export const adminNetworkEn = {
  /** The section button in the admin area's row of sections. */
  tab: 'Clinic server',
  title: 'Clinic server',
  single: 'This kiosk works on its own: intakes are stored here.',
  /** {{server}} is the server's address, {{name}} this kiosk's name on it. */
  joined: 'Joined to the clinic server {{server}} as “{{name}}”. Intakes are sent there.',
  /** Network mode set by the kiosk's configuration file, not from this screen. */
  joinedByConfig: 'Joined to the clinic server {{server}} by this kiosk’s configuration file. Change it there.',
  waiting_one: '{{count}} intake is waiting to reach the server.',
  waiting_other: '{{count}} intakes are waiting to reach the server.',
  nothingWaiting: 'Nothing is waiting: every intake has reached the server.',
  cannotPair: 'This kiosk cannot join a clinic server.',
  joinTitle: 'Join a clinic server',
  joinIntro: 'On the clinic server, an admin opens Admin > Devices and chooses “Pair a kiosk”. Type here what that screen shows.',
  serverUrl: 'Server address',
  serverUrlHint: 'Starts with https://, for example https://clinic-server.local:8443',
  code: 'Pairing code',
  fingerprint: 'Clinic certificate fingerprint',
  fingerprintHint: 'Shown beside the code on the server. Type at least the first 8 groups of four. It proves this kiosk is talking to your clinic’s server.',
  name: 'Name of this kiosk',
  nameHint: 'As the server’s list of devices will show it, for example “Front desk kiosk”.',
  join: 'Join the clinic server',
  joining: 'Joining the clinic server…',
  joinedStatus: 'This kiosk is now joined to the clinic server.',
  leave: 'Leave the clinic server…',
  confirmTitle: 'Leave the clinic server?',
  confirmText: 'This kiosk will work on its own again and store intakes here. On the server, revoke it in Devices. Leaving is refused while intakes still wait to be sent.',
  confirmLeave: 'Yes, leave',
  leftStatus: 'This kiosk has left the clinic server and works on its own.',
  /** The server no longer accepts this kiosk (revoked there) while intakes wait: join again, the outbox is kept. */
  notPaired: 'The clinic server no longer accepts this kiosk (it was removed from its devices). The intakes waiting stay here and are sent once this kiosk has joined again.',
  rejoinTitle: 'Join the clinic server again',
  rejoinIntro: 'On the clinic server, an admin opens Admin > Devices and chooses “Pair a kiosk” for a new code. Type here what that screen shows. Use the same clinic server: the intakes waiting were signed for it.',
  rejoin: 'Join again',
} as const;
