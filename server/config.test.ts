import { describe, expect, it } from 'vitest';
import { ConfigError, originsFor, serverConfigFromEnv } from './config.ts';

describe('server configuration from the environment', () => {
  it('has the documented defaults', () => {
    const config = serverConfigFromEnv({ KIOSK_SERVER_NAMES: 'clinic-server.local,192.168.1.20' }, '/srv');
    expect(config).toEqual({ dataDir: '/srv/server-data', host: '0.0.0.0', port: 8443, httpPort: 8080, publicPort: 8443, names: ['clinic-server.local', '192.168.1.20'] });
  });

  it('takes every setting, and "off" for no plain-HTTP port', () => {
    const config = serverConfigFromEnv(
      { KIOSK_SERVER_DATA_DIR: '/var/lib/clinic-server', KIOSK_SERVER_HOST: '192.168.1.20', KIOSK_SERVER_PORT: '9443', KIOSK_SERVER_HTTP_PORT: 'off', KIOSK_SERVER_PUBLIC_PORT: '443', KIOSK_SERVER_NAMES: 'B.local, a.local ,10.0.0.2' },
      '/srv',
    );
    expect(config).toMatchObject({ dataDir: '/var/lib/clinic-server', host: '192.168.1.20', port: 9443, httpPort: null, publicPort: 443, names: ['a.local', 'b.local', '10.0.0.2'] });
  });

  it('without names, uses this machine\'s own (always including localhost and 127.0.0.1)', () => {
    expect(serverConfigFromEnv({}, '/srv').names).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '::1']));
  });

  it.each([
    [{ KIOSK_SERVER_PORT: '70000' }, /KIOSK_SERVER_PORT must be a port number/],
    [{ KIOSK_SERVER_HTTP_PORT: 'eighty' }, /KIOSK_SERVER_HTTP_PORT must be a port number/],
    [{ KIOSK_SERVER_NAMES: 'clinic server' }, /KIOSK_SERVER_NAMES: "clinic server" is neither a host name nor an IP address/],
    [{ KIOSK_SERVER_NAMES: ' , ' }, /names no host name/],
    [{ KIOSK_SERVER_HOST: 'clinic.local' }, /KIOSK_SERVER_HOST must be an IP address/],
  ])('refuses %o with a sentence', (env, message) => {
    expect(() => serverConfigFromEnv(env, '/srv')).toThrow(ConfigError);
    expect(() => serverConfigFromEnv(env, '/srv')).toThrow(message);
  });

  it('origins leave out :443 and bracket IPv6', () => {
    expect(originsFor(['a.local', '::1'], 443)).toEqual(['https://a.local', 'https://[::1]']);
    expect(originsFor(['127.0.0.1'], 8443)).toEqual(['https://127.0.0.1:8443']);
  });
});
