import { describe, expect, it } from 'vitest';
import { createStaffI18n, initI18n } from '../../i18n/index.ts';
import { pathInWords, type Translate } from './path-words.ts';

initI18n();
const t = createStaffI18n('en').getFixedT('en', 'admin') as unknown as Translate;

describe('a definition path as the place an admin recognises', () => {
  it.each([
    ['identity.name[0]', 'The client’s name (answer 1 of the name)'],
    ['identity.name[1]', 'The client’s name (answer 2 of the name)'],
    ['identity.dateOfBirth', 'The client’s date of birth'],
    ['steps[2].questions[3].visibleIf', 'Step 3, question 4'],
    ['steps[0].questions[1].options[4].id', 'Step 1, question 2, option 5'],
    ['steps[1].visibleIf', 'Step 2'],
    ['rules[0].when', 'Rule 1'],
    ['title.es', null],
  ] as const)('%s', (path, words) => {
    expect(pathInWords(path, t)).toBe(words);
  });
});
