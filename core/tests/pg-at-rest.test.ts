/**
 * At rest on PostgreSQL: after intakes with distinctive names, phone numbers, dates of birth
 * and answer text stored through a real core, neither a `pg_dump` of the database nor any file
 * of the cluster's directory (data files, WAL, server log) holds any of them, in any common
 * encoding. The search is shown to work on a dump of a plain table first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import { asSuperuser, hasTestPostgres, testPostgresClusterDir } from '../db/testing/postgres.ts';
import { findPlainText } from './grep-files.ts';
import { tempDir } from './helpers.ts';
import { CORE_ENGINES, openTestCore, TEST_CTX, type TestCore } from './test-core.ts';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const CLIENTS = [
  { first: 'Zephyrine', last: 'Quabbelwort', phone: '555-017-4829', dob: '1963-11-27', text: 'Brannigan cramps after kayaking' },
  { first: 'Oswaldina', last: 'Throckbury', phone: '020-7946-0958', dob: '1991-02-14', text: 'Vindaloo shoulder stiffness' },
];
/** Stored in clear on purpose, to show the scan finds what is there (not one of the needles below). */
const PROBE = 'Plaintextprobe';
const NEEDLES = CLIENTS.flatMap((c) => [c.first, c.last, c.phone, c.text]);

const pg = CORE_ENGINES.find((e) => e.engine === 'postgres')!;

describe.skipIf(!pg.isAvailable || !hasTestPostgres())('at rest on PostgreSQL', () => {
  let opened: TestCore;
  const tmp = tempDir('kiosk-pg-scan-');
  beforeAll(async () => {
    opened = await openTestCore({ engine: 'postgres' }, 'kiosk-pg-at-rest-');
    for (const c of CLIENTS) {
      const result = await opened.core.handlers['intake:submit'](
        {
          submissionId: crypto.randomUUID(),
          formId: DEFAULT_INTAKE_FORM.id,
          formVersion: DEFAULT_INTAKE_FORM.version,
          language: 'en',
          answers: { ...HEALTHY_CLIENT_ANSWERS, first_name: c.first, last_name: c.last, phone: c.phone, date_of_birth: c.dob, emergency_name: c.text },
          startedAt: new Date().toISOString(),
        },
        TEST_CTX,
      );
      expect(result.ok).toBe(true);
    }
    // Everything on disk: dirty pages written out, WAL included.
    await asSuperuser(['CHECKPOINT']);
  }, 120_000);
  afterAll(async () => {
    await opened.close();
    tmp.cleanup();
  });

  const dump = (database: string, file: string) => {
    const url = new URL(opened.database!.url);
    execFileSync(join(PG_BIN, 'pg_dump'), ['--no-owner', '-f', file, database], {
      env: { ...process.env, PGHOST: url.hostname, PGPORT: url.port, PGUSER: decodeURIComponent(url.username), PGPASSWORD: decodeURIComponent(url.password) },
    });
  };

  it('the stored intakes read back through the core (the data is there to find)', async () => {
    const items = await opened.core.deps.submissions.list({ status: 'all', limit: 10 });
    expect(items.map((i) => i.clientName).sort()).toEqual(CLIENTS.map((c) => `${c.first} ${c.last}`).sort());
    const stored = await opened.core.deps.submissions.get(items[0]!.submissionId);
    expect(CLIENTS.map((c) => c.text)).toContain(stored?.answers['emergency_name']);
  });

  it('the scan finds a needle a plain table holds', async () => {
    await asSuperuser(['CREATE TABLE scan_probe (t TEXT)', `INSERT INTO scan_probe VALUES ('${PROBE}')`], opened.database!.name);
    const file = join(tmp.dir, 'probe', 'dump.sql');
    execFileSync('mkdir', ['-p', join(tmp.dir, 'probe')]);
    dump(opened.database!.name, file);
    expect(findPlainText(join(tmp.dir, 'probe'), [PROBE])).not.toEqual([]);
    await asSuperuser(['DROP TABLE scan_probe'], opened.database!.name);
  });

  it('a pg_dump of the database holds no name, phone, date of birth or answer text', () => {
    execFileSync('mkdir', ['-p', join(tmp.dir, 'dump')]);
    dump(opened.database!.name, join(tmp.dir, 'dump', 'dump.sql'));
    expect(findPlainText(join(tmp.dir, 'dump'), NEEDLES)).toEqual([]);
    // Dates of birth: as written, and as the PDF and the detail show them.
    expect(findPlainText(join(tmp.dir, 'dump'), CLIENTS.map((c) => c.dob))).toEqual([]);
  });

  it("no file of the cluster's directory holds any of them", { timeout: 300_000 }, async () => {
    // data/: the data files, WAL and configuration (the server's socket beside it is not a file).
    const dataDir = join(await testPostgresClusterDir(), 'data');
    expect(findPlainText(dataDir, [PROBE]), 'the probe row is on disk in clear').not.toEqual([]);
    expect(findPlainText(dataDir, [...NEEDLES, ...CLIENTS.map((c) => c.dob)])).toEqual([]);
  });
});
