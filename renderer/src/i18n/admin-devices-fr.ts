import type { adminDevicesEn } from './admin-devices-en.ts';
import type { Translation } from './translation-shape.ts';

/** French Devices panel (made with machine help; see docs/TRANSLATIONS.md before clinical use). */
export const adminDevicesFr: Translation<typeof adminDevicesEn> = {
  tab: 'Appareils',
  title: 'Appareils associés',
  intro: 'Les tablettes, les PC et les autres bornes d’accueil n’accèdent au serveur de la clinique qu’une fois associés. Un code d’association ne sert qu’une fois, pendant 10 minutes.',
  pairBrowser: 'Associer une tablette ou un PC',
  pairKiosk: 'Associer une borne',
  creating: 'Création d’un code d’association…',
  codeTitle: 'Code d’association',
  codeFor: { browser: 'Pour une tablette ou un PC', kiosk: 'Pour une borne d’accueil' },
  expiresIn: 'Expire dans {{time}}',
  expired: 'Ce code a expiré. Créez-en un nouveau si vous en avez encore besoin.',
  instructions: {
    browser: 'Sur la tablette ou le PC, ouvrez l’adresse du serveur de la clinique dans le navigateur et saisissez ce code sur la page d’association.',
    kiosk: 'Saisissez ce code une seule fois dans la configuration réseau de la clinique de la borne (mode réseau). La borne reçoit alors son propre certificat de signature de la clinique.',
  },
  doneWithCode: 'Terminé',
  listTitle: 'Appareils',
  none: 'Aucun appareil n’est encore associé.',
  colName: 'Nom',
  colKind: 'Type',
  colPaired: 'Associé le',
  colLastSeen: 'Dernière activité',
  colStatus: 'État',
  colActions: 'Actions',
  kind: { browser: 'Tablette ou PC', kiosk: 'Borne' },
  neverSeen: 'Pas encore',
  active: '✓ Associé',
  revokedOn: '✕ Révoqué le {{date}}',
  revoke: 'Révoquer…',
  revokeFor: '{{name}}',
  confirmTitle: 'Révoquer {{name}} ?',
  confirmText: 'La personne connectée dessus est déconnectée aussitôt, et l’appareil ne peut plus accéder au serveur de la clinique. Pour l’utiliser à nouveau, associez-le avec un nouveau code.',
  confirmRevoke: 'Oui, révoquer',
  revokedStatus: '{{name}} a été révoqué.',
};
