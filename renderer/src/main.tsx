import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'simple-keyboard/build/css/index.css';
import './styles/index.css';
import { initI18n } from './i18n/index.ts';
import { installInputModality } from './lib/input-modality.ts';
import { installTapGuard } from './lib/tap-guard.ts';
import { App } from './App.tsx';

initI18n();
// App-wide: every tap that changes the layout, and every text field's on-screen keyboard.
installTapGuard();
installInputModality();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
