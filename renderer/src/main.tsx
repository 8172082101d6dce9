import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'simple-keyboard/build/css/index.css';
import './styles/index.css';
import { initI18n } from './i18n/index.ts';
import { App } from './App.tsx';

initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
