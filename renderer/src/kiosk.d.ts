import type { KioskApi } from '../../api/contract.ts';

declare global {
  interface Window {
    /** The narrow, typed bridge to the main process (electron/preload.ts, or the e2e harness). */
    readonly kiosk: KioskApi;
  }
}

export {};
