import { describe, expect, it } from 'vitest';
import { typedStringsIn } from './typed-strings.ts';

describe('typed strings in a heap snapshot', () => {
  it.each([
    ['nothing typed', ['Tap to start', 'Your back', 'FiberNode'], 0],
    ['a last name alone', ['Quinlan'], 1],
    ['a last name inside serialised markup', ['<input value="Okafor">', 'other'], 1],
    ['a phone number', ['5550103'], 1],
    ['the walked-away name', ['Walkaway'], 1],
    ['the emergency contact', ['Pat Doe', '555 010 0200'], 2],
    ['a first name whole', ['Ruth', 'Mara'], 2],
    ['a first name inside an ordinary word is not a hit', ['truth', 'Lines', 'Maracas'], 0],
  ])('%s', (_label, strings, hits) => {
    expect(typedStringsIn(strings)).toBe(hits);
  });
});
