/**
 * One intake writer of the concurrency bench: `count` intakes through `intake:submit` of a real
 * core's handler table (validate, screen, render + sign the PDF, seal, store with its audit entry),
 * one after the other, each timed from the call to the answer. `onLine` gets `ack <id> <ms>`
 * after an ok answer, `err <id> <code>` after any other (parsed by writer-tally.ts).
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../forms/definitions/sample-answers.ts';
import type { Core } from '../core/create-core.ts';
import type { CallContext } from '../core/handler.ts';

export async function writeIntakes(core: Core, ctx: CallContext, count: number, prefix: string, onLine: (line: string) => void): Promise<void> {
  for (let i = 0; i < count; i++) {
    const submissionId = randomUUID();
    const t0 = performance.now();
    let line: string;
    try {
      const result = await core.handlers['intake:submit'](
        {
          submissionId,
          formId: DEFAULT_INTAKE_FORM.id,
          formVersion: DEFAULT_INTAKE_FORM.version,
          language: 'en',
          answers: { ...HEALTHY_CLIENT_ANSWERS, first_name: 'Bench', last_name: `Writer${prefix}x${i}` },
          startedAt: new Date().toISOString(),
        },
        ctx,
      );
      line = result.ok ? `ack ${submissionId} ${(performance.now() - t0).toFixed(2)}` : `err ${submissionId} ${result.error.code}`;
    } catch {
      line = `err ${submissionId} thrown`;
    }
    onLine(line);
  }
}
