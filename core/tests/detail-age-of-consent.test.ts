/**
 * The staff detail lists the steps the client saw at the visit, on both engines: a 17-year-old
 * who consented with a guardian under an age of consent of 18 keeps the guardian section after
 * the clinic lowers it to 16, and one who came alone under 16 gets no guardian section after it
 * is raised to 18. The same for a record stored before the age was kept with it (worked out from
 * its answers, core/therapist/visit-settings.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { GUARDIAN_ANSWERS, HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import type { Channel, Request, Responses } from '../../api/contract.ts';
import type { Answers } from '../../forms/engine/index.ts';
import type { Core } from '../create-core.ts';
import { ManualClock } from './helpers.ts';
import { CORE_ENGINES, openTestCore, TEST_CTX, type TestCore } from './test-core.ts';

const ADMIN = { name: 'Olivia Owner', pin: '135792' };
const AGED_17 = '2008-01-10'; // 17 on the test clock's day
const WITH_GUARDIAN: Answers = { ...HEALTHY_CLIENT_ANSWERS, date_of_birth: AGED_17, ...GUARDIAN_ANSWERS };
const ALONE: Answers = { ...HEALTHY_CLIENT_ANSWERS, date_of_birth: AGED_17 };

describe.each(CORE_ENGINES)('the detail keeps the visit’s age of consent on $engine', ({ engine, isAvailable }) => {
  describe.skipIf(!isAvailable)(`the ${engine} store`, () => {
    let opened: TestCore;
    let core: Core;

    beforeEach(async () => {
      opened = await openTestCore({ engine, clock: new ManualClock('2025-06-15T10:30:00.000Z') }, 'kiosk-detail-consent-');
      core = opened.core;
      await value('staff:setup', ADMIN);
    });
    afterEach(() => opened.close());

    async function value<C extends Channel>(channel: C, payload: Request<C>): Promise<Responses[C]> {
      const result = await core.handlers[channel](payload, TEST_CTX);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    }

    async function submit(answers: Answers): Promise<string> {
      const payload = { submissionId: randomUUID(), formId: DEFAULT_INTAKE_FORM.id, formVersion: DEFAULT_INTAKE_FORM.version, language: 'en', answers, startedAt: '2025-06-15T10:20:00.000Z' };
      const result = await core.handlers['intake:submit'](payload, TEST_CTX);
      if (!result.ok) throw new Error(`intake:submit failed: ${result.error.code} ${result.error.message}`);
      return payload.submissionId;
    }

    /** Rewrites the record's sealed metadata as the kiosk wrote it before it kept the age of consent. */
    async function forgetVisitSettings(submissionId: string): Promise<void> {
      const stored = (await core.deps.submissions.get(submissionId))!;
      expect(stored.formSettings).not.toBeNull();
      const meta = JSON.stringify({ language: stored.language, pdfSha256: stored.pdfSha256, signedAt: stored.signedAt });
      await core.deps.store.transaction(async (tx) => {
        const sealed = (await core.deps.vault.sealerIn(tx)).seal(meta, `submissions:${submissionId}:meta`);
        await tx.exec('UPDATE submissions SET meta = ? WHERE id = ?', [sealed, submissionId]);
      });
      expect((await core.deps.submissions.get(submissionId))!.formSettings).toBeNull();
    }

    it.each([
      { label: 'with a guardian at 18, then the clinic sets 16: the guardian section stays', atVisit: 18, answers: WITH_GUARDIAN, later: 16, isKept: true, hasGuardian: true },
      { label: 'alone at 16, then the clinic sets 18: no guardian section appears', atVisit: 16, answers: ALONE, later: 18, isKept: true, hasGuardian: false },
      { label: 'with a guardian at 18, then 16, a record stored before the age was kept', atVisit: 18, answers: WITH_GUARDIAN, later: 16, isKept: false, hasGuardian: true },
      { label: 'alone at 16, then 18, a record stored before the age was kept', atVisit: 16, answers: ALONE, later: 18, isKept: false, hasGuardian: false },
    ])('a 17-year-old $label', async ({ atVisit, answers, later, isKept, hasGuardian }) => {
      await value('admin:updateSettings', { ageOfConsent: atVisit });
      const submissionId = await submit(answers);
      const atTheVisit = await value('submission:get', { submissionId });
      if (!isKept) await forgetVisitSettings(submissionId);

      await value('admin:updateSettings', { ageOfConsent: later });
      const detail = await value('submission:get', { submissionId });
      expect(detail.sections.some((s) => s.stepId === 'guardian')).toBe(hasGuardian);
      expect(detail.guardian).toBe(hasGuardian ? 'Marta García · Parent · +1 555 010 0144' : null);
      expect(detail.flags.some((f) => f.code === 'MINOR_GUARDIAN_CONSENT')).toBe(hasGuardian);
      expect(detail.sections).toEqual(atTheVisit.sections);
      // A new client is asked under the new age: the setting itself took effect.
      expect((await value('kiosk:getConfig', {})).formSettings).toEqual({ ageOfConsent: later });
    });
  });
});
