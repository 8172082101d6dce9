/**
 * Child process for pg-kill.test.ts: a real app core on PostgreSQL (the URL given) submitting
 * intakes through `intake:submit` in a loop, printing each id only after the handler answered
 * ok, i.e. after the port's COMMIT: exactly what the kiosk's client would be told. The parent
 * SIGKILLs it at random moments.
 *
 * usage: node pg-kill-child.ts <dataDir> <postgresUrl>
 */
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import { createCore } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';

const [dataDir, url] = process.argv.slice(2);
if (!dataDir || !url) throw new Error('usage: pg-kill-child.ts <dataDir> <postgresUrl>');
const ORIGIN = 'http://127.0.0.1:5999';
const ctx = { senderUrl: `${ORIGIN}/index.html`, caller: { id: 'kill-child', kind: 'kiosk' as const } };

const core = await createCore({ dataDir, database: { engine: 'postgres', url }, keyProvider: createKeyFileProvider(join(dataDir, 'key.bin')), allowedOrigins: [ORIGIN] });
writeSync(1, 'ready\n');

for (let i = 0; ; i++) {
  const submissionId = randomUUID();
  const result = await core.handlers['intake:submit'](
    {
      submissionId,
      formId: DEFAULT_INTAKE_FORM.id,
      formVersion: DEFAULT_INTAKE_FORM.version,
      language: 'en',
      answers: { ...HEALTHY_CLIENT_ANSWERS, first_name: 'Killtest', last_name: `Client${submissionId.slice(0, 8)}` },
      startedAt: new Date().toISOString(),
    },
    ctx,
  );
  if (!result.ok) throw new Error(`intake:submit failed: ${result.error.code}`);
  writeSync(1, `ack ${submissionId}\n`);
}
