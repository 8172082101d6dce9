/**
 * Child process for outbox-crash.test.ts: a kiosk core in network mode whose clinic server
 * cannot be reached submits intakes in a loop through `intake:submit` and prints each id only
 * after the handler answered (what the client's Done screen would show). The parent SIGKILLs it.
 *
 * usage: node outbox-crash-child.ts <dataDir>
 */
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import { createCore } from '../create-core.ts';
import { createKeyFileProvider } from '../crypto/key-file-provider.ts';
import { TEST_CTX, TEST_ORIGIN } from '../tests/test-core.ts';
import { NETWORK_CONFIG } from './testing/network-pair.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: outbox-crash-child.ts <dataDir>');

const core = await createCore({
  dataDir,
  keyProvider: createKeyFileProvider(join(dataDir, 'key.bin')),
  allowedOrigins: [TEST_ORIGIN],
  network: {
    config: NETWORK_CONFIG,
    transport: async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:8443');
    },
  },
});
writeSync(1, 'ready\n');

for (;;) {
  const id = randomUUID();
  const result = await core.handlers['intake:submit'](
    {
      submissionId: id,
      formId: 'massage-intake',
      formVersion: DEFAULT_INTAKE_FORM.version,
      language: 'en',
      answers: { ...HEALTHY_CLIENT_ANSWERS, first_name: `Crash${id.slice(0, 8)}` },
      startedAt: new Date().toISOString(),
    },
    TEST_CTX,
  );
  if (!result.ok) {
    writeSync(2, `submit failed: ${result.error.code} ${result.error.message}\n`);
    process.exit(1);
  }
  writeSync(1, `ack ${id}\n`);
}
