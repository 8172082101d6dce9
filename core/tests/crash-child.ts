/**
 * Child process for crash.test.ts: submits in a loop through the repository (plus the
 * audit entry, in the same transaction) and prints each id only after the transaction returned,
 * i.e. after COMMIT: exactly what the renderer would be told. The parent SIGKILLs it.
 *
 * usage: node crash-child.ts <dataDir>
 */
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../db/sqlite-store.ts';
import { CORE_MIGRATIONS } from '../migrations.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { openVault } from '../crypto/vault.ts';
import { createSubmissionRepository } from '../submissions/repository.ts';
import { AUDIT_CHAIN, createAuditLog } from '../audit/log.ts';
import { auditKey } from '../audit/chain.ts';
import { systemClock } from '../ports.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-child.ts <dataDir>');

const db = await openSqliteStore(join(dataDir, 'kiosk.db'));
await db.migrate(CORE_MIGRATIONS);
const vault = await openVault(db, createKeyFileProvider(join(dataDir, 'key.bin')));
const repo = createSubmissionRepository(db, vault, systemClock);
const audit = createAuditLog(db, systemClock, { key: auditKey(vault) });
// writeSync: the line is in the pipe before the next statement runs.
writeSync(1, 'ready\n');

for (;;) {
  const id = randomUUID();
  // Varying PDF sizes so kills land in different parts of the write (page splits, WAL growth).
  const pdf = randomBytes(1_000 + Math.floor(Math.random() * 120_000));
  await db.transaction(async () => {
    await repo.insert({
      id,
      createdAt: new Date().toISOString(),
      startedAt: new Date().toISOString(),
      formId: 'back-pain-intake',
      formVersion: DEFAULT_INTAKE_FORM.version,
      language: 'en',
      clientName: `Crash Client ${id.slice(0, 8)}`,
      dateOfBirth: '1980-01-01',
      answers: { full_name: `Crash Client ${id.slice(0, 8)}`, notes: 'x'.repeat(Math.floor(Math.random() * 4_000)) },
      flags: [],
      pdf,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      signedAt: new Date().toISOString(),
    });
    await audit.append({ action: 'submission.created', actor: 'kiosk-client', subjectId: id });
  }, AUDIT_CHAIN);
  writeSync(1, `ack ${id}\n`);
}
