/**
 * The clinic server's staff web app (renderer/web.html): the staff and admin screens, never
 * the client intake. `window.kiosk` is the same createKioskApi as the kiosk's, over fetch to
 * the server's /api and its event stream (web/http-bridge.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'simple-keyboard/build/css/index.css';
import './styles/index.css';
import { createKioskApi } from '../../api/bridge.ts';
import { initI18n } from './i18n/index.ts';
import { installInputModality } from './lib/input-modality.ts';
import { installTapGuard } from './lib/tap-guard.ts';
import { createQueueStream, httpInvoke } from './web/http-bridge.ts';
import { WebApp } from './web/WebApp.tsx';

Object.defineProperty(window, 'kiosk', { value: createKioskApi(httpInvoke, createQueueStream()), enumerable: true });
initI18n();
installTapGuard();
installInputModality();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <WebApp />
  </StrictMode>,
);
