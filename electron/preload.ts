/**
 * The sandboxed preload: exposes exactly `window.kiosk` (one method per channel, built
 * by api/bridge.ts) and nothing else; ipcRenderer itself never reaches the page.
 * Bundled by scripts/build-electron.ts into dist-electron/preload.cjs.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createKioskApi } from '../api/bridge.ts';

contextBridge.exposeInMainWorld('kiosk', createKioskApi((channel, request) => ipcRenderer.invoke(channel, request)));
