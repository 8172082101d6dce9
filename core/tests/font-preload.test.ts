/**
 * The core parses the PDF fonts in the background from start-up, so the first client's
 * summary parses none itself: counted (fonts read and parsed, fonts hb-subset
 * preprocessed), not timed. Each test file runs in a process of its own, so the counts
 * start from nothing here.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_FORM } from '../../forms/definitions/index.ts';
import { HEALTHY_CLIENT_ANSWERS } from '../../forms/definitions/sample-answers.ts';
import { fontParseCount } from '../pdf/fonts.ts';
import { FONT_KEYS } from '../pdf/text/faces.ts';
import { ManualClock } from './helpers.ts';
import { openTestCore, TEST_CTX } from './test-core.ts';

describe('PDF fonts at core start-up', () => {
  it('are all parsed in the background; the first summary, with Chinese and Arabic text, parses none', async () => {
    expect(fontParseCount()).toBe(0);
    const opened = await openTestCore({ clock: new ManualClock('2025-06-15T10:30:00.000Z') }, 'kiosk-fonts-');
    try {
      await opened.core.fontsReady;
      // Each font once read and parsed, once preprocessed for subsetting.
      expect(fontParseCount()).toBe(2 * FONT_KEYS.length);
      const result = await opened.core.handlers['intake:submit'](
        {
          submissionId: randomUUID(),
          formId: DEFAULT_INTAKE_FORM.id,
          formVersion: DEFAULT_INTAKE_FORM.version,
          language: 'zh',
          answers: { ...HEALTHY_CLIENT_ANSWERS, first_name: '小明', last_name: '王', emergency_name: 'فاطمة الأحمد' },
          startedAt: '2025-06-15T10:00:00.000Z',
        },
        TEST_CTX,
      );
      expect(result.ok).toBe(true);
      expect(fontParseCount()).toBe(2 * FONT_KEYS.length);
    } finally {
      await opened.close();
    }
  });
});
