/**
 * A full intake in each of the eight client languages, by touch, the first name typed on the
 * on-screen keyboard in that language's script (Korean composed from jamo, Vietnamese with a tone
 * key, Russian Cyrillic, Arabic right to left). Every screen is scanned by axe and saved under
 * artifacts/screens/<lang>/. The Arabic flow is checked for mirroring and for a body map that is
 * not mirrored (front on the left, back on the right, as the PDF draws them).
 */
import { DEFAULT_INTAKE_FORM } from '../forms/definitions/index.ts';
import { localize } from '../forms/engine/index.ts';
import { test, expect } from './fixtures.ts';
import { IntakeFlow } from './pages/client/intake-flow.ts';
import { PORTRAIT } from './pages/client/screens.ts';

test.use({ hasTouch: true, viewport: PORTRAIT });
// Seven screens, each scanned by axe and saved at two sizes, on a shared CI machine.
test.describe.configure({ timeout: 180_000 });

const CLIENTS = [
  { lang: 'en', native: 'English', firstName: 'Grace', lastName: 'Hopper', dateOfBirth: 'Mar 9, 1984' },
  { lang: 'es', native: 'Español', firstName: 'Iñaki', lastName: 'Muñoz', dateOfBirth: '9 mar 1984' },
  { lang: 'fr', native: 'Français', firstName: 'Hélène', lastName: 'Lefèvre', dateOfBirth: '9 mars 1984' },
  // Pinyin on the Latin layout; the last name as a hardware keyboard's input method leaves it.
  { lang: 'zh', native: '中文', firstName: 'Xiaoming', lastName: '王', dateOfBirth: '1984年3月9日' },
  { lang: 'vi', native: 'Tiếng Việt', firstName: 'Hằng', firstNameKeys: ['H', 'ă', '\u0300', 'n', 'g'], lastName: 'Nguyễn', dateOfBirth: '9 thg 3, 1984' },
  { lang: 'ko', native: '한국어', firstName: '민준', firstNameKeys: ['ㅁ', 'ㅣ', 'ㄴ', 'ㅈ', 'ㅜ', 'ㄴ'], lastName: '김', dateOfBirth: '1984. 3. 9.' },
  { lang: 'ar', native: 'العربية', firstName: 'محمد', lastName: 'الأحمد', dateOfBirth: '09\u200f/03\u200f/1984' },
  { lang: 'ru', native: 'Русский', firstName: 'Алёна', lastName: 'Иванова', dateOfBirth: '9 мар. 1984 г.' },
] as const;

const aboutYouTitle = (lang: string) => localize(DEFAULT_INTAKE_FORM.steps[0]?.title, lang);

for (const client of CLIENTS) {
  test(`${client.lang}: a full intake by touch, the first name on the on-screen keyboard`, async ({ kiosk, core }) => {
    const flow = new IntakeFlow(kiosk, client.lang);
    await flow.attract.chooseLanguage(client.native);
    await expect(kiosk.locator('html')).toHaveAttribute('lang', client.lang);
    await expect(kiosk.locator('html')).toHaveAttribute('dir', client.lang === 'ar' ? 'rtl' : 'ltr');
    await flow.screens.capture('attract');
    await flow.attract.start();
    await flow.aboutYou(
      { firstName: client.firstName, lastName: client.lastName, dateOfBirth: '1984-03-09', phone: '5550123' },
      { title: aboutYouTitle(client.lang), ...('firstNameKeys' in client ? { firstNameKeys: client.firstNameKeys } : {}) },
    );

    if (client.lang === 'ar') {
      // Mirrored: Next on the left of Back, text from the right.
      const next = await kiosk.getByTestId('next').boundingBox();
      const back = await kiosk.locator('.flow-nav button').first().boundingBox();
      expect(next && back && next.x < back.x, 'Next is left of Back').toBe(true);
      const title = kiosk.locator('#step-title');
      expect(await title.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      const [titleBox, mainBox] = await Promise.all([title.boundingBox(), kiosk.locator('main').first().boundingBox()]);
      expect(titleBox && mainBox && mainBox.x + mainBox.width - (titleBox.x + titleBox.width) < mainBox.width / 4, 'the title starts at the right').toBe(true);
      // Not mirrored: the front figure on the left, the back on the right, drawn as in English.
      const [front, backView] = await Promise.all([kiosk.getByTestId('body-front').boundingBox(), kiosk.getByTestId('body-back').boundingBox()]);
      expect(front && backView && front.x < backView.x, 'front figure left of back figure').toBe(true);
      expect(await kiosk.getByTestId('body-views').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
      expect(await kiosk.getByTestId('body-front').evaluate((el) => getComputedStyle(el).transform)).toBe('none');
    }

    await flow.yourBack();
    await flow.health();
    await flow.preferences();
    await flow.consent();
    await expect(flow.review.section('about_you')).toContainText(client.firstName);
    // The date of birth as the client's language writes a date (the staff screens' and the PDF's format).
    await expect(flow.review.section('about_you')).toContainText(client.dateOfBirth);
    await flow.submitAndExpectDone();
    const items = await core.deps.submissions.list({ status: 'all', limit: 10 });
    const stored = await core.deps.submissions.get(items[0]!.submissionId);
    expect(stored?.language).toBe(client.lang);
    await flow.expectForgotten(client.firstName, client.lastName);
  });
}
