import type { adminNetworkEn } from './admin-network-en.ts';
import type { Translation } from './translation-shape.ts';

/** Spanish Clinic server panel (made with machine help; see docs/TRANSLATIONS.md before clinical use). */
export const adminNetworkEs: Translation<typeof adminNetworkEn> = {
  tab: 'Servidor de la clínica',
  title: 'Servidor de la clínica',
  single: 'Este quiosco funciona por su cuenta: las admisiones se guardan aquí.',
  joined: 'Unido al servidor de la clínica {{server}} como «{{name}}». Las admisiones se envían allí.',
  joinedByConfig: 'Unido al servidor de la clínica {{server}} por el archivo de configuración de este quiosco. Cámbielo allí.',
  waiting_one: '{{count}} admisión espera llegar al servidor.',
  waiting_many: '{{count}} admisiones esperan llegar al servidor.',
  waiting_other: '{{count}} admisiones esperan llegar al servidor.',
  nothingWaiting: 'No hay nada en espera: todas las admisiones han llegado al servidor.',
  cannotPair: 'Este quiosco no puede unirse a un servidor de la clínica.',
  joinTitle: 'Unirse a un servidor de la clínica',
  joinIntro: 'En el servidor de la clínica, un administrador abre Administración > Dispositivos y elige «Vincular un quiosco». Escriba aquí lo que muestra esa pantalla.',
  serverUrl: 'Dirección del servidor',
  serverUrlHint: 'Empieza por https://, por ejemplo https://clinic-server.local:8443',
  code: 'Código de vinculación',
  fingerprint: 'Huella del certificado de la clínica',
  fingerprintHint: 'Aparece junto al código en el servidor. Escriba al menos los 8 primeros grupos de cuatro. Demuestra que este quiosco habla con el servidor de su clínica.',
  name: 'Nombre de este quiosco',
  nameHint: 'Como lo mostrará la lista de dispositivos del servidor, por ejemplo «Quiosco de recepción».',
  join: 'Unirse al servidor de la clínica',
  joining: 'Uniéndose al servidor de la clínica…',
  joinedStatus: 'Este quiosco ya está unido al servidor de la clínica.',
  leave: 'Dejar el servidor de la clínica…',
  confirmTitle: '¿Dejar el servidor de la clínica?',
  confirmText: 'Este quiosco volverá a funcionar por su cuenta y guardará las admisiones aquí. En el servidor, revóquelo en Dispositivos. No se puede dejar mientras haya admisiones pendientes de envío.',
  confirmLeave: 'Sí, dejarlo',
  leftStatus: 'Este quiosco ha dejado el servidor de la clínica y funciona por su cuenta.',
};
