/**
 * Wires the audit log to its checkpoints for the app core: the MAC key from the vault, the
 * two file sinks (beside the database, and the export folder when one is configured), and
 * the checkpointer that signs with the clinic identity. create-core calls this once.
 */
import type { Queryable } from '../db/port.ts';
import type { Vault } from '../crypto/vault.ts';
import type { Clock } from '../ports.ts';
import type { SigningIdentity } from '../signing/identity.ts';
import { auditKey, logIdOf } from './chain.ts';
import { createCheckpointer, fileCheckpointSink, signerFromIdentity, type CheckpointSigner, type CheckpointSink } from './checkpoints.ts';
import { createAuditLog } from './log.ts';

export interface AuditTrailOptions {
  readonly store: Queryable;
  readonly vault: Vault;
  readonly clock: Clock;
  readonly dataDir: string;
  readonly exportFolder: () => string | null;
  readonly signingIdentity: () => Promise<SigningIdentity>;
  /**
   * Whether the clinic identity exists yet. Checkpoints wait for it rather than mint it: it is
   * made with the first summary (or by an admin), and minting RSA keys is slow.
   */
  readonly hasSigningIdentity: () => boolean | Promise<boolean>;
  readonly run: (task: () => Promise<void>) => void;
  /** A sink could not be written or read: its name only. */
  readonly onSinkError?: (sink: string, error: unknown) => void;
}

/** The sinks of a kiosk: `<dataDir>/audit-checkpoints/` and `<exportFolder>/audit-checkpoints/`. */
export function kioskCheckpointSinks(dataDir: string, exportFolder: () => string | null): CheckpointSink[] {
  return [
    fileCheckpointSink('the data folder', () => dataDir, { createBase: true, fileMode: 0o600 }),
    // Readable by whoever reads the PDF copies: checkpoints hold counts, times and MACs only.
    fileCheckpointSink('the export folder', exportFolder, { createBase: false, fileMode: 0o640 }),
  ];
}

export async function openAuditTrail(options: AuditTrailOptions) {
  const key = auditKey(options.vault);
  const sinks = kioskCheckpointSinks(options.dataDir, options.exportFolder);
  let signer: { identity: SigningIdentity; signer: CheckpointSigner } | null = null;
  const checkpointer = createCheckpointer({
    key,
    logId: logIdOf(key),
    clock: options.clock,
    head: () => audit.head(),
    signer: async () => {
      if (!(await options.hasSigningIdentity())) return null;
      const identity = await options.signingIdentity();
      // The identity is replaced when an admin regenerates or imports the certificate.
      if (signer?.identity !== identity) signer = { identity, signer: signerFromIdentity(identity) };
      return signer.signer;
    },
    sinks,
    run: options.run,
    ...(options.onSinkError ? { onSinkError: options.onSinkError } : {}),
  });
  const audit = createAuditLog(options.store, options.clock, { key, sinks, onAppended: (entries) => checkpointer.noteAppended(entries) });
  await audit.sealLegacyEntries();
  // A checkpoint at every start: the head as this process found it.
  options.run(async () => void (await checkpointer.checkpointNow()));
  return { audit, checkpointer };
}
