/**
 * English text of the staff screens (sign-in, queue, client detail, audit log): i18next
 * namespace `staff`. Keys name the screen, then the thing. {{name}} marks a value put in at
 * run time: keep it, move it where the language needs it. Keys ending `_one`/`_other` are the
 * plural forms of one text ({{count}} chooses; add the forms your language has, e.g. `_few`).
 * Dates and numbers arrive already formatted for the reader's language.
 */
export const staffEn = {
  common: {
    loading: 'Loading…',
    /** Joins the items of a list on one line: "Neck, Lower back". */
    listSeparator: ', ',
  },
  errors: {
    /** The bridge to the app itself failed (not a refusal from the app). */
    unreachable: 'The kiosk could not answer just now. Please try again.',
  },
  /** The role words, as shown after a name: "Signed in as Theo (therapist)". */
  roles: {
    therapist: 'therapist',
    admin: 'admin',
  },
  app: {
    title: 'Staff',
    signedInAs: 'Signed in as {{name}} ({{role}})',
    /** Screen-reader name of the staff navigation bar. */
    navLabel: 'Staff',
    admin: 'Admin',
    auditLog: 'Audit log',
    lockAndExit: 'Lock and exit',
    lock: 'Lock',
    backToKiosk: 'Back to kiosk',
    /** The staff member's own choice of language for these screens (a menu in the toolbar). */
    language: 'Screen language',
  },
  pairing: {
    /** The clinic server's web app, before this browser is a paired device. */
    title: 'Pair this device',
    intro: 'Before this device can open the staff screens, an admin pairs it with the clinic server once. Ask an admin for a pairing code.',
    codeLabel: 'Pairing code',
    nameLabel: 'Name of this device',
    nameHint: 'For example "Room 2 tablet". Admins see this name in the list of devices.',
    submit: 'Pair this device',
    busy: 'Pairing…',
    unreachable: 'The clinic server could not be reached. Check the network and try again.',
    /** Shown when a call answered that this browser is not paired (an admin revoked it): its staff screens have closed. */
    revoked: 'This device is no longer paired with the clinic server, so the staff screens were closed. Ask an admin for a new pairing code.',
  },
  login: {
    title: 'Sign in',
    whoAreYou: 'Who are you?',
    /** The role under a person's name on their sign-in tile. */
    role: {
      therapist: 'Therapist',
      admin: 'Administrator',
    },
    /** On the chosen person's tile, beside the ✓. */
    selected: 'Selected',
    pinLabel: 'Your PIN',
    submit: 'Sign in',
    /** Shown on the PIN screen after a session ended mid-work (it timed out or was signed out elsewhere). */
    sessionEnded: 'Your session has ended. Please sign in again.',
  },
  setup: {
    title: 'Set up the kiosk',
    intro: 'Create the first administrator. Choose a PIN of at least 6 digits that only you know.',
    nameLabel: 'Administrator name',
    choosePin: 'Choose a PIN',
    next: 'Next',
    confirmPin: 'Enter the PIN again',
    create: 'Create',
    pinMismatch: 'The two PINs did not match. Please choose a PIN again.',
  },
  pinPad: {
    /** Screen-reader text of the PIN display; {{label}} is the keypad's name ("Your PIN"). */
    entered_one: '{{label}}: {{count}} digit entered',
    entered_other: '{{label}}: {{count}} digits entered',
    delete: 'Delete last digit',
  },
  queue: {
    live: 'The queue updates by itself when a new intake arrives.',
    titleToday: 'Today’s clients',
    title: 'Clients',
    refresh: 'Refresh',
    filtersLabel: 'Find submissions',
    from: 'From',
    to: 'To',
    status: 'Status',
    statusAll: 'All',
    statusNew: 'Not yet acknowledged',
    statusAcknowledged: 'Acknowledged',
    clientName: 'Client name',
    search: 'Search',
    clearFilters: 'Clear filters',
    noMatch: 'No client matches that name in these dates.',
    empty: 'No submissions in these dates.',
    caption: 'Submissions, not yet acknowledged first, newest first',
    colClient: 'Client',
    colTime: 'Time',
    colFlags: 'Flags',
    colStatus: 'Status',
    noFlags: 'No flags',
    statusBadgeNew: '● New',
    statusBadgeAcknowledged: '✓ Acknowledged',
    /** On the clinic server: an intake a kiosk held in its outbox before it arrived. */
    arrivedLate: 'Arrived late (queued on the kiosk)',
    /** {{minutes}}: how far the kiosk's clock was from the server's, whole minutes. */
    clockOff: 'Kiosk clock off by {{minutes}} min',
  },
  /** The banner on a kiosk's staff home in network mode: intakes not yet at the clinic server. */
  outbox: {
    label: 'Intakes waiting for the clinic server',
    waiting_one: 'One intake is waiting to reach the clinic server.',
    waiting_other: '{{count}} intakes are waiting to reach the clinic server.',
    oldest: 'The oldest is from {{time}}.',
    unreachable: 'The clinic server cannot be reached just now. The intakes are safe on this kiosk and are sent as soon as it answers.',
    refused_one: 'The clinic server refused one intake; it stays on this kiosk. Tell the clinic administrator.',
    refused_other: 'The clinic server refused {{count}} intakes; they stay on this kiosk. Tell the clinic administrator.',
    /** {{message}}: the failure in the words of the kiosk or the server (not translated). */
    /** The server refused this kiosk itself (its device was revoked there): what happened, then what to do. */
    notPaired: 'The clinic server no longer accepts this kiosk (it was removed from its devices).',
    kept_one: 'One intake is kept here safely.',
    kept_other: '{{count}} intakes are kept here safely.',
    notPairedAction: 'Ask an admin to join this kiosk to the clinic server again (Admin > Clinic server).',
    lastError: 'Last problem ({{time}}): {{message}}',
  },
  /** The severity words on badges (always beside an icon, never colour alone). */
  severity: {
    stop: 'Stop',
    clearance: 'Clearance',
    modify: 'Modify',
    info: 'Info',
    /** A badge counting flags of one severity: "Stop × 2". */
    counted: '{{severity}} × {{count}}',
  },
  detail: {
    /** {{codes}}: the code points drawn as placeholders, e.g. "[U+13000]". */
    undrawableName: 'Part of this name could not be drawn in the signed PDF: it shows {{codes}} in place of the character. Check the name with the client.',
    /** Heading while a client's summary loads (or could not load). */
    /** Under the client's name when the PDF shows placeholders ([U+XXXX]) for characters no bundled font has. */
    loadingTitle: 'Client summary',
    backToList: 'Back to the list',
    backArrow: '← Back to the list',
    print: 'Print',
    exportAgain: 'Export again',
    dateOfBirth: 'Date of birth',
    guardian: 'Parent or guardian (consented)',
    /** After the date of birth: "(age 46)". */
    age: '(age {{age}})',
    visit: 'Visit',
    language: 'Language',
    form: 'Form',
    formVersion: '{{title}} (v{{version}})',
    flagsTitle: 'May I treat today?',
    /** The answer under it, worded as the summary PDF's banner (core/pdf/labels.ts). */
    verdict: {
      refer: 'Do not treat today: refer',
      clearance: 'Physician clearance needed',
      modify: 'Treat with changes',
      clear: 'No restrictions',
    },
    acknowledge: 'Acknowledge',
    tickHint: 'Tick each stop and clearance flag as read to acknowledge.',
    acknowledgedBy: '✓ Acknowledged by {{name}}.',
    acknowledgedByOn: '✓ Acknowledged by {{name}} on {{when}}.',
    /** Stands in for the name when the acknowledging staff member is no longer known. */
    someStaffMember: 'a staff member',
    acknowledged: 'Acknowledged. Recorded in the audit log.',
    printedAsDownload: 'No printer here: the signed PDF was downloaded. Open it to print.',
    printed: 'Sent to the printer.',
    exported: 'Exported to the export folder as {{fileName}}.',
    whereTitle: 'Where it hurts',
    preferencesTitle: 'Preferences',
    answersTitle: 'All answers',
  },
  flags: {
    none: 'No flags: nothing in the answers needs attention.',
    because: 'Because the client answered:',
    fromVisits: 'From this client’s visits:',
    /** The tick box on a flag card that must be read before acknowledging. */
    tick: {
      stop: 'I have read this stop flag',
      clearance: 'I have read this clearance flag',
      modify: 'I have read this modify flag',
      info: 'I have read this info flag',
    },
  },
  changes: {
    /** {{date}} is the day of the previous visit. */
    title: 'Returning client: changes since {{date}}',
    earlierVisits_one: 'One earlier visit on this kiosk.',
    earlierVisits_other: '{{count}} earlier visits on this kiosk.',
    newConditions: 'New conditions',
    resolvedConditions: 'No longer reported',
    pain: 'Pain',
    /** Pain score then and now: "4 → 5". */
    painFromTo: '{{before}} → {{now}}',
    newAreas: 'New pain areas',
    resolvedAreas: 'Areas no longer painful',
    none: 'None',
    trendBetter: '↓ better',
    trendWorse: '↑ worse',
    trendSame: '= unchanged',
    trendUnknown: 'not comparable',
  },
  bodyMap: {
    front: 'Front',
    back: 'Back',
    none: 'No areas marked.',
  },
  pdf: {
    title: 'Signed summary (PDF)',
    loading: 'Loading the signed PDF…',
    unreadable: 'The PDF could not be shown here. Print or export it to read it.',
    signatureValid: 'Signature valid: signed by {{signer}} on {{when}}. The file is unchanged since signing.',
    /** Stands in for the signer's name when the certificate does not give one. */
    theClinic: 'the clinic',
    /** {{problem}} is main's sentence saying why, ending with a full stop. */
    signatureInvalid: 'Signature NOT valid: {{problem}} Do not rely on this copy; tell the clinic owner.',
    cannotVerify: 'the file cannot be verified.',
    sha256: 'SHA-256',
    pageLabel: 'Summary page {{page}} of {{pages}}',
  },
  audit: {
    title: 'Audit log',
    verify: 'Check the log is intact',
    intact_one: '✓ Intact: the one entry chains correctly.',
    intact_other: '✓ Intact: all {{count}} entries chain correctly.',
    broken: 'Broken at entry {{id}}: {{reason}}.',
    colNumber: '#',
    colWhen: 'When',
    colWhat: 'What',
    colWho: 'Who',
    colRecord: 'Record',
    showOlder: 'Show older entries',
    /** Failed sign-ins are counted per person and place, not logged one row each. */
    failuresTitle: 'Failed sign-ins (counted; the log holds summaries)',
    failuresWho: 'Who',
    failuresFrom: 'From',
    failuresCount: 'Failures',
    failuresFirst: 'First',
    failuresLast: 'Last',
    failuresNotStaff: 'Not a staff member',
  },
} as const;
