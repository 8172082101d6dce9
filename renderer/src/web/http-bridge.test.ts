// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueueStream, httpInvoke, onUnpaired } from './http-bridge.ts';

/** A stand-in EventSource the test drives: what the server would send. */
class FakeEventSource extends EventTarget {
  static readonly CLOSED = 2;
  static readonly opened: FakeEventSource[] = [];
  readyState = 0;
  readonly url: string;
  constructor(url: string) {
    super();
    this.url = url;
    FakeEventSource.opened.push(this);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string) {
    if (type === 'error') this.readyState = FakeEventSource.CLOSED;
    this.dispatchEvent(new Event(type));
  }
}

beforeEach(() => {
  FakeEventSource.opened.length = 0;
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the web app bridge', () => {
  it('posts each channel as JSON with the CSRF header, and hands back the typed refusal of a 4xx', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: false, error: { code: 'not_paired', message: 'Pair first.' } }), { status: 401, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(httpInvoke('queue:list', { limit: 5 })).resolves.toEqual({ ok: false, error: { code: 'not_paired', message: 'Pair first.' } });
    expect(fetchMock).toHaveBeenCalledWith('/api/queue:list', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kiosk-request': '1' },
      credentials: 'same-origin',
      body: '{"limit":5}',
    });
  });

  it.each([
    ['not_paired (revoked): the web app is told, to close the staff screens', 401, { ok: false, error: { code: 'not_paired', message: 'This device is not paired.' } }, 1],
    ['unauthenticated (the session ended): not an unpairing', 200, { ok: false, error: { code: 'unauthenticated', message: 'Please sign in.' } }, 0],
    ['forbidden (wrong role): not an unpairing', 200, { ok: false, error: { code: 'forbidden', message: 'Admins only.' } }, 0],
    ['an answer: not an unpairing', 200, { ok: true, value: { items: [] } }, 0],
  ])('%s', async (_label, status, body, heard) => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })));
    const listener = vi.fn();
    const off = onUnpaired(listener);
    await expect(httpInvoke('queue:list', {})).resolves.toEqual(body);
    expect(listener).toHaveBeenCalledTimes(heard);
    off();
    await httpInvoke('queue:list', {});
    expect(listener).toHaveBeenCalledTimes(heard);
  });

  it('a page that is not JSON (a proxy error) rejects: the screens say the server could not be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } })));
    await expect(httpInvoke('staff:status', {})).rejects.toThrow('HTTP 502');
  });

  it('one stream for all listeners: each queue event reaches them, a reconnect reloads once, the last one closes it', () => {
    const live = createQueueStream('/api/events');
    const heard: string[] = [];
    const offA = live.onQueueChanged(() => heard.push('a'));
    const offB = live.onQueueChanged(() => heard.push('b'));
    expect(FakeEventSource.opened).toHaveLength(1);
    const source = FakeEventSource.opened[0]!;
    source.emit('open');
    expect(heard).toEqual([]); // the first open is not a change
    source.emit('queue');
    expect(heard).toEqual(['a', 'b']);
    source.emit('open'); // the browser reconnected after a drop: something may have changed meanwhile
    expect(heard).toEqual(['a', 'b', 'a', 'b']);
    offA();
    source.emit('queue');
    expect(heard).toEqual(['a', 'b', 'a', 'b', 'b']);
    offB();
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
  });

  it('a refused stream (no session yet) is tried again later while someone listens', () => {
    const live = createQueueStream('/api/events');
    const off = live.onQueueChanged(() => undefined);
    FakeEventSource.opened[0]!.emit('error');
    expect(FakeEventSource.opened).toHaveLength(1);
    vi.advanceTimersByTime(5_000);
    expect(FakeEventSource.opened).toHaveLength(2);
    off();
    FakeEventSource.opened[1]!.emit('error');
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.opened).toHaveLength(2);
  });
});
