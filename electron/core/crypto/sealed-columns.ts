/**
 * Every sealed column in the database, for a full data-key rotation. A column missing here
 * makes rotateDataKey refuse (it scans for leftovers), never lose data.
 */
import type { SealedColumn } from './rotation.ts';
import { submissionSealedColumns } from '../submissions/repository.ts';

/** Mirrors electron/core/secrets/secret-store.ts (AAD `secret:<name>`); belongs there. */
export const secretSealedColumns: readonly SealedColumn[] = [{ table: 'secrets', idColumn: 'name', column: 'sealed', aad: (name) => `secret:${name}` }];

export const allSealedColumns: readonly SealedColumn[] = [...submissionSealedColumns, ...secretSealedColumns];
