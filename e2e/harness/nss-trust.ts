/**
 * Chromium on Linux trusts the CAs in the user's NSS database ($HOME/.pki/nssdb). For the
 * clinic-server e2e, a throwaway HOME gets an NSS database that trusts exactly the test
 * server's clinic CA (certutil, from libnss3-tools), and Chromium is launched with that HOME:
 * the certificate is verified as a tablet with the clinic CA installed would verify it,
 * not ignored and not pinned.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TrustingHome {
  readonly home: string;
  cleanup(): void;
}

export function homeTrustingCa(caPem: string): TrustingHome {
  const home = mkdtempSync(join(tmpdir(), 'clinic-ca-home-'));
  const db = join(home, '.pki', 'nssdb');
  mkdirSync(db, { recursive: true });
  const caFile = join(home, 'clinic-ca.pem');
  writeFileSync(caFile, caPem);
  execFileSync('certutil', ['-d', `sql:${db}`, '-N', '--empty-password']);
  // C,, : a trusted CA for TLS servers (and nothing else).
  execFileSync('certutil', ['-d', `sql:${db}`, '-A', '-n', 'Clinic root CA', '-t', 'C,,', '-i', caFile]);
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}
