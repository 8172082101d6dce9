import { describe, expect, it } from 'vitest';
import { createCoreEvents } from './queue-events.ts';

describe('core queue events', () => {
  it('tells every listener, stops telling one that unsubscribed, and survives a failing listener', () => {
    const errors: unknown[] = [];
    const events = createCoreEvents((e) => errors.push(e));
    const heard: string[] = [];
    const offA = events.onQueueChanged(() => heard.push('a'));
    events.onQueueChanged(() => {
      throw new Error('closed stream');
    });
    events.onQueueChanged(() => heard.push('c'));
    events.queueChanged();
    expect(heard).toEqual(['a', 'c']);
    expect(errors).toHaveLength(1);
    offA();
    events.queueChanged();
    expect(heard).toEqual(['a', 'c', 'c']);
    expect(events.listenerCount).toBe(2);
  });

  it('tells access listeners (a session ended) apart from queue listeners', () => {
    const events = createCoreEvents();
    const heard: string[] = [];
    events.onQueueChanged(() => heard.push('queue'));
    const off = events.onAccessChanged(() => heard.push('access'));
    events.accessChanged();
    events.queueChanged();
    off();
    events.accessChanged();
    expect(heard).toEqual(['access', 'queue']);
  });
});
