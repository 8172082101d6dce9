/**
 * Plays the preload's role in a plain Chromium page: `window.kiosk` is built by the
 * same api/bridge.ts the Electron preload uses, and each call goes through a
 * Playwright binding to the same handler table the main process registers on
 * ipcMain. The binding passes the calling frame's URL, as ipcMain's event.senderFrame does,
 * and the page as the caller (one staff session per page, as Electron keeps one per webContents).
 */
import { randomUUID } from 'node:crypto';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { CHANNELS, type Channel } from '../../api/contract.ts';
import { fail } from '../../api/result.ts';
import type { CallContext, Caller, HandlerTable } from '../../core/handler.ts';

const BINDING = '__kioskInvoke';
let bridgeScript: Promise<string> | undefined;

/** api/bridge.ts bundled into a classic script that defines window.kiosk. */
export function kioskBridgeScript(): Promise<string> {
  bridgeScript ??= build({
    stdin: {
      contents: `import { createKioskApi } from './api/bridge.ts';
        const invoke = window.${BINDING};
        Object.defineProperty(window, 'kiosk', { value: createKioskApi((channel, request) => invoke(channel, request)), enumerable: true });`,
      resolveDir: fileURLToPath(new URL('../..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).then((out) => out.outputFiles[0]?.text ?? '');
  return bridgeScript;
}

const isChannel = (value: unknown): value is Channel => typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);

const callers = new WeakMap<Page, Caller>();

/** The kiosk caller a page is: the same for every call it makes, different for every page. */
export function pageCaller(page: Page): Caller {
  let caller = callers.get(page);
  if (!caller) {
    caller = { id: `e2e-page:${randomUUID()}`, kind: 'kiosk' };
    callers.set(page, caller);
  }
  return caller;
}

/** The context a call from `page` carries: for a test that calls a handler as that page would. */
export function pageCallContext(page: Page): CallContext {
  return { senderUrl: page.url(), caller: pageCaller(page) };
}

export async function bridgeKiosk(page: Page, handlers: HandlerTable): Promise<void> {
  await page.exposeBinding(BINDING, async (source, channel: unknown, request: unknown) => {
    if (!isChannel(channel)) return fail('invalid_request', 'Unknown channel.');
    const handler = handlers[channel] as (payload: unknown, ctx: CallContext) => Promise<unknown>;
    return handler(request, { senderUrl: source.frame.url(), caller: pageCaller(source.page) });
  });
  await page.addInitScript({ content: await kioskBridgeScript() });
}
