/**
 * Every sealed column in the database, for a full data-key rotation. A column missing here
 * makes rotateDataKey refuse (it scans for leftovers), never lose data.
 */
import type { SealedColumn } from './rotation.ts';
import { submissionSealedColumns } from '../submissions/repository.ts';
import { secretSealedColumns } from '../secrets/secret-store.ts';
import { outcomeSealedColumns } from '../therapist/outcomes.ts';
import { outboxSealedColumns } from '../network/outbox.ts';
import { kioskPairingSealedColumns } from '../network/pairing-store.ts';

export const allSealedColumns: readonly SealedColumn[] = [...submissionSealedColumns, ...secretSealedColumns, ...outcomeSealedColumns, ...outboxSealedColumns, ...kioskPairingSealedColumns];
