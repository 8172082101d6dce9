import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a static bundle: served over http on 127.0.0.1 in tests and
// start:chromium, and through the app:// protocol inside Electron. Two pages: index.html is
// the kiosk (client intake and staff mode); web.html is the clinic server's staff web app.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome130',
    rollupOptions: {
      input: { index: 'renderer/index.html', web: 'renderer/web.html' },
    },
  },
  server: { host: '127.0.0.1' },
});
