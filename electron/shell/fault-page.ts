/**
 * The page shown when the renderer keeps crashing (recovery-policy.ts gave up): static
 * HTML, no script, one inline style allowed by its hash. It tells a client to ask the
 * front desk and tells staff how to recover; it shows nothing of any client.
 */
import { createHash } from 'node:crypto';

const STYLE = 'body{font:28px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f6f4ef;color:#1d1d1b;text-align:center}main{max-width:40rem;padding:2rem}small{display:block;margin-top:2rem;font-size:18px;color:#555}';

export const FAULT_PAGE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kiosk needs attention</title><style>${STYLE}</style></head><body><main><h1>This kiosk needs attention</h1><p>Please ask at the front desk to check in.</p><small>Staff: the kiosk stopped after repeated errors. Restart the kiosk computer; if this page returns, see docs/KIOSK-DEPLOYMENT.md.</small></main></body></html>`;

/** A CSP for the fault page alone: nothing may load, only its own inline style (by hash). */
export const FAULT_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
