import { describe, expect, it } from 'vitest';
import { resolveRunMode } from './run-mode.ts';

describe('resolveRunMode', () => {
  it.each([
    ['packaged, no variables', true, {}, { kind: 'production' }],
    ['packaged ignores test mode entirely', true, { KIOSK_TEST_MODE: '1', KIOSK_DATA_DIR: '/tmp/t' }, { kind: 'production' }],
    ['from source without test mode', false, { KIOSK_DATA_DIR: '/tmp/t' }, { kind: 'production' }],
    ['from source with test mode', false, { KIOSK_TEST_MODE: '1', KIOSK_DATA_DIR: '/tmp/t' }, { kind: 'test', dataDir: '/tmp/t' }],
  ])('%s', (_label, isPackaged, env, expected) => {
    expect(resolveRunMode(isPackaged, env)).toEqual(expected);
  });

  it.each([
    ['no data directory', {}],
    ['a relative data directory', { KIOSK_DATA_DIR: 'data' }],
  ])('test mode with %s is refused rather than falling back to the real data', (_label, env) => {
    expect(() => resolveRunMode(false, { KIOSK_TEST_MODE: '1', ...env })).toThrow(/KIOSK_DATA_DIR/);
  });
});
