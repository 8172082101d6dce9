import type { adminNetworkEn } from './admin-network-en.ts';
import type { Translation } from './translation-shape.ts';

/** French Clinic server panel (made with machine help; see docs/TRANSLATIONS.md before clinical use). */
export const adminNetworkFr: Translation<typeof adminNetworkEn> = {
  tab: 'Serveur de la clinique',
  title: 'Serveur de la clinique',
  single: 'Cette borne fonctionne seule : les admissions sont enregistrées ici.',
  joined: 'Reliée au serveur de la clinique {{server}} sous le nom « {{name}} ». Les admissions y sont envoyées.',
  joinedByConfig: 'Reliée au serveur de la clinique {{server}} par le fichier de configuration de cette borne. Modifiez-le à cet endroit.',
  waiting_one: '{{count}} admission attend d’arriver au serveur.',
  waiting_many: '{{count}} admissions attendent d’arriver au serveur.',
  waiting_other: '{{count}} admissions attendent d’arriver au serveur.',
  nothingWaiting: 'Rien n’attend : toutes les admissions sont arrivées au serveur.',
  cannotPair: 'Cette borne ne peut pas rejoindre un serveur de la clinique.',
  joinTitle: 'Rejoindre un serveur de la clinique',
  joinIntro: 'Sur le serveur de la clinique, un administrateur ouvre Administration > Appareils et choisit « Associer une borne ». Saisissez ici ce qu’affiche cet écran.',
  serverUrl: 'Adresse du serveur',
  serverUrlHint: 'Commence par https://, par exemple https://clinic-server.local:8443',
  code: 'Code d’association',
  fingerprint: 'Empreinte du certificat de la clinique',
  fingerprintHint: 'Affichée à côté du code sur le serveur. Saisissez au moins les 8 premiers groupes de quatre. Elle prouve que cette borne parle bien au serveur de votre clinique.',
  name: 'Nom de cette borne',
  nameHint: 'Tel que la liste des appareils du serveur l’affichera, par exemple « Borne de l’accueil ».',
  join: 'Rejoindre le serveur de la clinique',
  joining: 'Connexion au serveur de la clinique…',
  joinedStatus: 'Cette borne est maintenant reliée au serveur de la clinique.',
  leave: 'Quitter le serveur de la clinique…',
  confirmTitle: 'Quitter le serveur de la clinique ?',
  confirmText: 'Cette borne fonctionnera de nouveau seule et enregistrera les admissions ici. Sur le serveur, révoquez-la dans Appareils. Impossible de quitter tant que des admissions attendent d’être envoyées.',
  confirmLeave: 'Oui, quitter',
  leftStatus: 'Cette borne a quitté le serveur de la clinique et fonctionne seule.',
};
