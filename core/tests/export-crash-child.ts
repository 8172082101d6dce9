/**
 * Child process for export-crash.test.ts: a real app core with the export folder configured,
 * submitting intakes through intake:submit in a loop and printing each id only after the
 * handler answered ok (what the renderer would be told). The parent SIGKILLs it.
 *
 * usage: node export-crash-child.ts <dataDir> <exportFolder>
 */
import { randomInt, randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import type { CallContext } from '../handler.ts';
import { createCore } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';

const [dataDir, exportFolder] = process.argv.slice(2);
if (!dataDir || !exportFolder) throw new Error('usage: export-crash-child.ts <dataDir> <exportFolder>');
const ORIGIN = 'http://127.0.0.1:5999';
const ctx: CallContext = { senderUrl: `${ORIGIN}/index.html`, caller: { id: 'export-crash-kiosk', kind: 'kiosk' } };

const core = await createCore({ dataDir, keyProvider: createKeyFileProvider(join(dataDir, 'key.bin')), allowedOrigins: [ORIGIN] });
if (core.deps.settings.get().exportFolder !== exportFolder) await core.deps.settings.update({ exportFolder }, 'test');
writeSync(1, 'ready\n');

// Varied initials, so file names rarely collide (a collision is handled, but not what this tests).
const letter = () => String.fromCharCode(65 + randomInt(26));
for (;;) {
  const submissionId = randomUUID();
  const result = await core.handlers['intake:submit'](
    {
      submissionId,
      formId: 'massage-intake',
      formVersion: DEFAULT_INTAKE_FORM.version,
      language: 'en',
      answers: { ...HEALTHY_CLIENT_ANSWERS, first_name: `${letter()}na`, last_name: `${letter()}arcia` },
      startedAt: new Date().toISOString(),
    },
    ctx,
  );
  if (!result.ok) throw new Error(`submit failed: ${result.error.code}`);
  writeSync(1, `ack ${submissionId}\n`);
}
