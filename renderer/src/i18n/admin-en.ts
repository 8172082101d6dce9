import { adminDevicesEn } from './admin-devices-en.ts';
import { adminNetworkEn } from './admin-network-en.ts';

/**
 * English text of the admin screens (forms editor, settings, staff members, certificate):
 * i18next namespace `admin`. Keys name the screen, then the thing. {{name}} marks a value put
 * in at run time: keep it, move it where the language needs it. Keys ending `_one`/`_other`
 * are the plural forms of one text ({{count}} chooses; add the forms your language has).
 * Texts inside a form (questions, rules) are the form's own, edited in the form editor.
 */
export const adminEn = {
  common: {
    loading: 'Loading…',
    cancel: 'Cancel',
    close: 'Close',
    edit: 'Edit',
    up: '↑ Up',
    down: '↓ Down',
    remove: 'Remove',
  },
  /** A severity as one word, before a flag's title ("modify: Headache today") in the preview and the rules list. */
  severityWord: {
    stop: 'stop',
    clearance: 'clearance',
    modify: 'modify',
    info: 'info',
  },
  app: {
    title: 'Administration',
    who: 'Administrator: {{name}}',
    close: 'Close administration',
    /** Screen-reader name of the row of section buttons. */
    tabsLabel: 'Administration sections',
    tab: {
      forms: 'Forms',
      settings: 'Settings',
      staff: 'Staff',
      certificate: 'Certificate and keys',
    },
  },
  forms: {
    loading: 'Loading the form…',
    live: 'Live:',
    /** A form version, short: "v3". */
    versionShort: 'v{{version}}',
    draftBasedOn: 'Draft based on v{{version}}',
    draftImported: 'Draft imported from a file',
    unsaved: 'unsaved changes',
    saved: 'saved',
    notEdited: 'not edited yet',
    noProblems: '✓ no problems',
    problems_one: '⚠ {{count}} problem',
    problems_other: '⚠ {{count}} problems',
    saveDraft: 'Save draft',
    publish: 'Publish',
    exportLive: 'Export live version',
    importJson: 'Import JSON…',
    savedClean: 'Draft saved. It has no problems and can be published.',
    savedWithProblems_one: 'Draft saved with {{count}} problem to fix before publishing.',
    savedWithProblems_other: 'Draft saved with {{count}} problems to fix before publishing.',
    notPublished: 'Not published: fix the problems listed below first.',
    published: 'Published version {{version}}. New clients get it from now on.',
    exported: 'Exported {{fileName}}.',
    restored: 'Version {{version}} restored as the draft. Publish it to make it live again.',
    importInvalid: '“{{fileName}}” was not imported: it has problems (listed below). Nothing was changed.',
    imported: '“{{fileName}}” imported as the draft. Review it, then publish.',
    importErrorsTitle: 'The file could not be imported',
    publishErrorsTitle: 'Not published',
    /** Screen-reader name of the row of buttons for the parts of the form. */
    partsLabel: 'Parts of the form',
    formTab: 'Form',
    /** Read after a step's button name by screen readers (starts with a space). */
    stepHasProblems: ' has problems',
    rulesTab: 'Rules ({{count}})',
    /** Read after the Rules button name by screen readers (starts with a space). */
    rulesHaveProblems: ' have problems',
    problemsTitle: 'Problems',
    formTitle: 'Form title',
    formLanguages: 'Languages of this form (codes, comma-separated, e.g. en, es)',
    steps: 'Steps',
    questionCount_one: '({{count}} question)',
    questionCount_other: '({{count}} questions)',
    /** Read by screen readers after Up/Down/Remove: "step 2". */
    stepN: 'step {{n}}',
    addStep: '+ Add step',
  },
  step: {
    heading: 'Step {{n}}: {{title}}',
    problemsLabel: 'Problems with this step',
    id: 'Step id',
    title: 'Step title',
    description: 'Introduction',
    visibleIf: 'Show this step only when',
    questions: 'Questions',
    /** Stands in for a question that has no text in the default language yet. */
    noText: '(no text yet)',
    /** {{languages}} lists language codes: "es, fr". */
    missing: '⚠ Missing {{languages}}',
    /** Read by screen readers after Edit/Up/Down/Remove: "question pain_level". */
    questionN: 'question {{id}}',
    newType: 'New question type',
    addQuestion: '+ Add question',
  },
  /** The answer types an admin can choose for a question. */
  questionType: {
    yes_no: 'Yes / no',
    single_choice: 'One choice',
    multiple_choice: 'Several choices',
    short_text: 'Short text',
    long_text: 'Long text',
    number: 'Number',
    scale: 'Scale (e.g. pain 0-10)',
    date: 'Date',
    phone: 'Phone',
    email: 'Email',
    body_map: 'Body map',
    consent: 'Consent (text + tick)',
    signature: 'Signature',
  },
  question: {
    problemsLabel: 'Problems with question {{id}}',
    id: 'Question id (used in conditions)',
    type: 'Answer type',
    required: 'Required',
    /** The label of a consent question is the text beside its tick box. */
    tickText: 'Tick-box text',
    label: 'Question',
    help: 'Help text',
    consentText: 'Consent text (what the client agrees to)',
    unit: 'Unit',
    minLabel: 'Word at the low end',
    maxLabel: 'Word at the high end',
    /** Limits on an answer, by the definition field they set. */
    bound: {
      minLength: 'Shortest answer (characters)',
      maxLength: 'Longest answer (characters)',
      min: 'Lowest value',
      max: 'Highest value',
      minSelected: 'Fewest choices',
      maxSelected: 'Most choices',
    },
    /** The formats after these are the definition's own syntax: keep them as they are. */
    earliestDate: 'Earliest date (YYYY-MM-DD, today, today-120y)',
    latestDate: 'Latest date (YYYY-MM-DD, today, today-120y)',
    integer: 'Whole numbers only',
    visibleIf: 'Show only when',
  },
  rules: {
    title: 'Screening rules and flags',
    /** Stands in for a rule that has no title in the default language yet. */
    noTitle: '(no title yet)',
    /** Read by screen readers after Edit/Up/Down/Remove: "rule FEVER_INFECTION". */
    ruleN: 'rule {{code}}',
    problemsLabel: 'Problems with rule {{code}}',
    code: 'Flag code',
    severity: 'Severity',
    severityOption: {
      stop: 'Stop: do not treat today',
      clearance: 'Clearance: physician first',
      modify: 'Modify: treat with changes',
      info: 'Info: for the therapist',
    },
    when: 'Raise this flag when',
    flagTitle: 'Flag title (therapist)',
    guidance: 'Guidance (therapist only)',
    clientMessage: 'Message to the client (kind, no clinical detail)',
    add: '+ Add rule',
  },
  options: {
    title: 'Options',
    id: 'Option {{n}} id',
    text: 'Option {{n}} text',
    exclusive: '“None of these” (stands alone)',
    /** Read by screen readers after Up/Down/Remove: "option 2". */
    optionN: 'option {{n}}',
    add: '+ Add option',
  },
  localized: {
    optional: '(optional)',
    /** A language field's label: "Spanish (es)". */
    language: '{{name}} ({{code}})',
    missing: 'Missing {{language}} translation',
  },
  expression: {
    optional: '(optional: empty means always)',
    valid: '✓ Condition is valid',
    helpTitle: 'What can a condition use?',
    example: 'Example, under the age of consent:',
    fn: {
      answered: 'the question is shown and answered',
      age: 'the age in completed years on the visit day, from a date question, e.g. age(date_of_birth)',
      count: 'how many options or body areas are chosen',
      days_since: 'days from a date to the visit day',
    },
    value: {
      ageOfConsent: "the clinic's age of consent in years (Settings)",
    },
  },
  definitionErrors: {
    line: 'Line {{line}}:',
    lineColumn: 'Line {{line}}, column {{column}}:',
    question: 'Question “{{id}}”:',
    more_one: '… and {{count}} more.',
    more_other: '… and {{count}} more.',
  },
  preview: {
    title: 'Preview: step {{n}} as a client sees it',
    languageLabel: 'Preview language',
    clear: 'Clear preview answers',
    notStored: 'Nothing entered here is stored.',
    notStoredNoConditions: 'Nothing entered here is stored. Conditions and flags apply once the draft has no problems.',
    hidden: 'This step is hidden for the answers given so far.',
    flagsTitle: 'Flags these answers raise',
    noFlags: 'None.',
  },
  versions: {
    title: 'Published versions',
    colVersion: 'Version',
    colPublished: 'Published',
    colBy: 'By',
    colQuestions: 'Questions',
    colRules: 'Rules',
    colActions: 'Actions',
    name: '{{formId}} v{{version}}',
    live: '● Live',
    restore: 'Restore as draft',
    export: 'Export JSON',
    /** Read by screen readers after Restore/Export: "version 2". */
    versionN: 'version {{version}}',
  },
  settings: {
    loading: 'Loading settings…',
    title: 'Clinic settings',
    clinicName: 'Clinic name',
    clinicAddress: 'Address (printed on the PDF)',
    logo: 'Logo (PNG or JPEG, up to about 290 kB; shown on the kiosk and the PDF)',
    logoAlt: 'Current clinic logo',
    noLogo: 'No logo.',
    chooseLogo: 'Choose logo…',
    logoTooLarge: 'That image is too large. Please choose one under about 290 kB.',
    removeLogo: 'Remove logo',
    field: {
      idleWarningSeconds: 'Idle time before “Still there?” (seconds)',
      idleCountdownSeconds: 'Countdown before the kiosk resets (seconds)',
      doneResetSeconds: 'Done screen stays for (seconds)',
      autoLogoffMinutes: 'Staff sign-out after inactivity (minutes)',
    },
    retention: 'Keep submissions for',
    retentionYears: 'Years',
    retentionMonths: 'Months',
    ageOfConsent: 'Age of consent (years)',
    ageOfConsentHint: 'Clients younger than this are asked for a parent or guardian, who gives consent and signs; the therapist sees a flag. From {{min}} to {{max}} years; check your local law. Form conditions read it as settings.ageOfConsent.',
    /** Under the years and months: what is stored ({{count}} days), and the limits. */
    retentionHint_one: 'That is {{count}} day. At least 1 month, at most 99 years and 11 months.',
    retentionHint_other: 'That is {{count}} days. At least 1 month, at most 99 years and 11 months.',
    exportFolder: 'Export folder for PDF copies (full path; leave empty for none). The kiosk checks it can write there.',
    languages: 'Languages the kiosk offers clients',
    /** After a language's own name in the list: "Español (Spanish)". */
    languageLocalName: '({{name}})',
    /** A language in the default-language list: "Español (Spanish)". */
    languageOption: '{{native}} ({{name}})',
    defaultLanguage: 'Default language',
    save: 'Save settings',
    undo: 'Undo changes',
    saved: 'Settings saved.',
    notSaved: 'Not saved.',
  },
  staff: {
    title: 'Staff members',
    colName: 'Name',
    colRole: 'Role',
    colStatus: 'Status',
    colLanguage: 'Language',
    colActions: 'Actions',
    /** The role as shown in the table and messages. */
    roleName: {
      therapist: 'therapist',
      admin: 'admin',
    },
    /** The role as offered when adding someone. */
    roleOption: {
      therapist: 'Therapist',
      admin: 'Administrator',
    },
    active: '✓ Active',
    inactive: '✕ Disabled',
    /** Added after the status (starts with a separator). */
    lockedOut: ' · 🔒 locked out',
    disable: 'Disable',
    enable: 'Enable',
    resetPin: 'Reset PIN',
    /** Read by screen readers after "Reset PIN". */
    resetPinFor: 'for {{name}}',
    newPinFor: 'New PIN for {{name}} (6-12 digits)',
    setPin: 'Set PIN',
    /** Screen-reader name of the menu choosing one staff member's screen language. */
    languageFor: 'Screen language for {{name}}',
    /** The menu entry that follows the clinic's default language; {{language}} is its name. */
    clinicDefault: 'Clinic default ({{language}})',
    /** {{language}} is the language's own name ("Español"). */
    languageChanged: '{{name}}’s screens will be in {{language}}.',
    addTitle: 'Add a staff member',
    name: 'Name',
    role: 'Role',
    pin: 'PIN (6-12 digits)',
    add: 'Add staff member',
    added: '{{name}} added as {{role}}.',
    enabled: '{{name}} enabled.',
    disabled: '{{name}} disabled.',
    pinChanged: 'PIN for {{name}} changed.',
  },
  certificate: {
    title: 'Signing certificate',
    subject: 'Subject',
    issuer: 'Issuer',
    validFrom: 'Valid from',
    expires: 'Expires',
    expired: 'expired',
    renewSoon: '⚠ renew soon',
    fingerprint: 'SHA-256 fingerprint',
    newTitle: 'Create a new certificate',
    newIntro: 'PDFs signed before keep verifying with the old certificate; new PDFs use the new one.',
    confirmNew: 'Yes, create a new certificate',
    regenerate: 'Regenerate certificate…',
    importTitle: 'Import a certificate (.p12)',
    chooseFile: 'Choose .p12 file…',
    noFile: 'No file chosen',
    passphrase: 'Passphrase',
    import: 'Import',
    creating: 'Creating a new certificate…',
    created: 'A new certificate was created. New PDFs are signed with it.',
    chooseFirst: 'Choose a .p12 file first.',
    imported: 'Certificate imported.',
  },
  /** The data key that encrypts every stored record (docs/KEYS.md). */
  keys: {
    title: 'Data encryption key',
    intro: 'Every record is stored encrypted with the data key. Replace it when it may have been exposed, or on a schedule. Choose a time when no client is checking in: the kiosk is busy until every record is encrypted again.',
    rotate: 'Replace the data key…',
    confirmText: 'Replace the data key now? Every record and PDF is encrypted again under a new key, and the old key is deleted.',
    confirm: 'Yes, replace the data key',
    rotating: 'Replacing the data key… Please wait.',
    /** {{keyId}} names the new key (not a secret). */
    rotated_one: 'The data key was replaced (new key {{keyId}}). {{count}} stored value was encrypted again.',
    rotated_other: 'The data key was replaced (new key {{keyId}}). {{count}} stored values were encrypted again.',
  },
  devices: adminDevicesEn,
  network: adminNetworkEn,
} as const;
