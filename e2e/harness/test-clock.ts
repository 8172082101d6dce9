import type { Clock } from '../../core/ports.ts';

/** Real time plus an offset the test can move, so "surgery 2 weeks ago" stays true. */
export class TestClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
