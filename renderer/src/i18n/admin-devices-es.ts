import type { adminDevicesEn } from './admin-devices-en.ts';
import type { Translation } from './translation-shape.ts';

/** Spanish Devices panel (made with machine help; see docs/TRANSLATIONS.md before clinical use). */
export const adminDevicesEs: Translation<typeof adminDevicesEn> = {
  tab: 'Dispositivos',
  title: 'Dispositivos vinculados',
  intro: 'Las tabletas, los PC y los demás quioscos de recepción solo acceden al servidor de la clínica una vez vinculados. Un código de vinculación sirve una sola vez, durante 10 minutos.',
  pairBrowser: 'Vincular una tableta o un PC',
  pairKiosk: 'Vincular un quiosco',
  creating: 'Creando un código de vinculación…',
  codeTitle: 'Código de vinculación',
  codeFor: { browser: 'Para una tableta o un PC', kiosk: 'Para un quiosco de recepción' },
  expiresIn: 'Caduca en {{time}}',
  expired: 'Este código ha caducado. Cree uno nuevo si todavía lo necesita.',
  instructions: {
    browser: 'En la tableta o el PC, abra en el navegador la dirección del servidor de la clínica y escriba este código en la página de vinculación.',
    kiosk: 'Introduzca este código una sola vez en la configuración de red de la clínica del quiosco (modo en red). El quiosco recibe entonces su propio certificado de firma de la clínica.',
  },
  doneWithCode: 'Listo',
  listTitle: 'Dispositivos',
  none: 'Todavía no hay ningún dispositivo vinculado.',
  colName: 'Nombre',
  colKind: 'Tipo',
  colPaired: 'Vinculado',
  colLastSeen: 'Última conexión',
  colStatus: 'Estado',
  colActions: 'Acciones',
  kind: { browser: 'Tableta o PC', kiosk: 'Quiosco' },
  neverSeen: 'Todavía no',
  active: '✓ Vinculado',
  revokedOn: '✕ Revocado el {{date}}',
  revoke: 'Revocar…',
  revokeFor: '{{name}}',
  confirmTitle: '¿Revocar {{name}}?',
  confirmText: 'Quien tenga la sesión abierta en él la pierde de inmediato, y el dispositivo ya no puede acceder al servidor de la clínica. Para volver a usarlo, vincúlelo con un código nuevo.',
  confirmRevoke: 'Sí, revocar',
  revokedStatus: 'Se revocó {{name}}.',
};
