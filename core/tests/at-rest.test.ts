/**
 * Encryption at rest, checked the way an attacker with the disk would: read every file in
 * the data directory (database, -wal, -shm, key files) and search for a distinctive client
 * name and answer text in UTF-8 and UTF-16 (both byte orders), case-insensitively for ASCII.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder, findPlainText } from './grep-files.ts';
import { createSubmissionRepository } from '../submissions/repository.ts';
import { createAuditLog } from '../audit/log.ts';
import { auditKey } from '../audit/chain.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { openTestStore, sampleSubmission, tempDir } from './helpers.ts';
import { ManualClock } from './helpers.ts';

const NAME = 'Quentavius Marblethorpe';
const ANSWER = 'persistent zingiberaceous ache behind the left scapula';
const DOB = '1961-07-23';

let dir = '';
let cleanup = () => {};
beforeEach(() => {
  ({ dir, cleanup } = tempDir('kiosk-at-rest-'));
});
afterEach(() => cleanup());

describe('at rest', () => {
  it('the search itself works: a plain-text file with the name is found', async () => {
    writeFileSync(join(dir, 'leak.txt'), Buffer.from(`x ${NAME.toUpperCase()} y`, 'utf16le'));
    expect(findPlainText(dir, [NAME])).not.toEqual([]);
  });

  it('no client name, date of birth or answer text in any file of the data dir, open or closed', async () => {
    const store = await openTestStore(dir);
    const clock = new ManualClock();
    const repo = createSubmissionRepository(store.store, store.vault, clock);
    const audit = createAuditLog(store.store, clock, { key: auditKey(store.vault) });
    const s = sampleSubmission({
      clientName: NAME,
      dateOfBirth: DOB,
      answers: { full_name: NAME, date_of_birth: DOB, notes: ANSWER, regions: ['lower_back'] },
      // The PDF carries the name in clear, as a real summary would.
      pdf: new TextEncoder().encode(`%PDF-1.7 ${NAME} ${ANSWER}`),
    });
    await repo.insert(s);
    await audit.append({ action: 'submission.created', actor: 'kiosk-client', subjectId: s.id });
    await repo.acknowledge(s.id, 'staff-1');
    expect((await repo.list({ status: 'all', search: 'quentavius', limit: 5 }))[0]?.clientName).toBe(NAME);

    const whileOpen = filesUnder(dir).map((f) => f.slice(dir.length + 1)).sort();
    expect(whileOpen).toEqual(expect.arrayContaining(['kiosk.db', 'kiosk.db-wal', 'test-data-key.bin']));
    expect(findPlainText(dir, [NAME, ANSWER, DOB])).toEqual([]);
    store.db.close();
    expect(findPlainText(dir, [NAME, ANSWER, DOB])).toEqual([]);
  });
});

// The real data dir as createCore lays it out (every module's tables and files, the
// signing identity, the export journal): store a submission through the core's own
// repository, and send the name through intake:submit too (accepted or refused, it must
// not reach the disk in clear). Skipped, with the reason, until every module loads.
const coreModule = await import('../create-core.ts').catch((error: unknown) => ({ error }));

describe.skipIf('error' in coreModule)('at rest through createCore', () => {
  it('no client name or answer text in any file the core writes', async () => {
    if ('error' in coreModule) throw new Error('unreachable');
    const core = await coreModule.createCore({
      dataDir: dir,
      keyProvider: createKeyFileProvider(join(dir, 'test-data-key.bin')),
      allowedOrigins: ['http://127.0.0.1'],
    });
    const form = await core.deps.forms.active();
    const s = sampleSubmission({ clientName: NAME, dateOfBirth: DOB, answers: { notes: ANSWER }, pdf: new TextEncoder().encode(`%PDF-1.7 ${NAME}`) });
    expect(await core.deps.submissions.insert(s)).toEqual({ inserted: true });
    const answers: Record<string, unknown> = Object.fromEntries(form.identity.name.map((id) => [id, NAME]));
    await core.handlers['intake:submit'](
      { submissionId: crypto.randomUUID(), formId: form.id, formVersion: form.version, language: form.defaultLanguage, answers: { ...answers, notes: ANSWER }, startedAt: new Date().toISOString() },
      { senderUrl: 'http://127.0.0.1/', caller: { id: 'test-kiosk', kind: 'kiosk' } },
    );
    expect(findPlainText(dir, [NAME, ANSWER, DOB])).toEqual([]);
    await core.close();
    expect(findPlainText(dir, [NAME, ANSWER, DOB])).toEqual([]);
  });
});
