/**
 * Shared set-up for the data layer's tests: a temp data dir, the database with every
 * data-layer migration, the vault on a key file, and a sample submission.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Answers, Flag } from '../../forms/engine/index.ts';
import type { Clock } from '../ports.ts';
import { openDatabase, type Migration } from '../db/database.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { openVault, type Vault } from '../crypto/vault.ts';
import { submissionMigrations, type NewSubmission } from '../submissions/repository.ts';
import { staffMigrations } from '../staff/service.ts';
import { auditMigrations } from '../audit/log.ts';
import { settingsMigrations } from '../settings/store.ts';

export const DATA_LAYER_MIGRATIONS: readonly Migration[] = [...settingsMigrations, ...staffMigrations, ...auditMigrations, ...submissionMigrations];

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  private ms: number;
  constructor(start = '2025-03-10T09:00:00.000Z') {
    this.ms = Date.parse(start);
  }
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

export function tempDir(prefix = 'kiosk-data-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestStore {
  readonly dir: string;
  readonly dbFile: string;
  readonly keyFile: string;
  readonly db: DatabaseSync;
  readonly vault: Vault;
}

export async function openTestStore(dir: string, migrations: readonly Migration[] = DATA_LAYER_MIGRATIONS): Promise<TestStore> {
  const dbFile = join(dir, 'kiosk.db');
  const keyFile = join(dir, 'test-data-key.bin');
  const db = openDatabase(dbFile, migrations);
  const vault = await openVault(db, createKeyFileProvider(keyFile));
  return { dir, dbFile, keyFile, db, vault };
}

// The engine's Flag carries more fields (title, guidance, triggers); the store treats flags
// as opaque JSON apart from `severity`, so a minimal shape is enough here.
export function flag(severity: 'stop' | 'clearance' | 'modify' | 'info', title: string): Flag {
  return { id: `rule-${title}`, severity, title: { en: title }, guidance: { en: `${title} guidance` }, triggeredBy: [] } as unknown as Flag;
}

export function sampleSubmission(overrides: Partial<NewSubmission> = {}): NewSubmission {
  const pdf = new TextEncoder().encode(`%PDF-1.7 sample ${overrides.clientName ?? 'Ada Lovelace'}`);
  return {
    id: randomUUID(),
    createdAt: '2025-03-10T09:00:00.000Z',
    startedAt: '2025-03-10T08:55:00.000Z',
    formId: 'back-pain-intake',
    formVersion: 3,
    language: 'en',
    clientName: 'Ada Lovelace',
    dateOfBirth: '1815-12-10',
    answers: { full_name: 'Ada Lovelace', pain_level: 7, regions: ['lower_back'], notes: 'twinge when lifting' } satisfies Answers,
    flags: [flag('modify', 'osteoporosis'), flag('info', 'sciatica')],
    pdf,
    pdfSha256: createHash('sha256').update(pdf).digest('hex'),
    signedAt: '2025-03-10T09:00:01.000Z',
    ...overrides,
  };
}
