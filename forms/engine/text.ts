/**
 * Language codes and translated text: the leaf of the engine's type graph (it imports
 * nothing), so body-map.ts and messages.ts can use it without reaching the schema.
 */

/** A language code such as `en` or `es`. */
export type LanguageCode = string;
/** One client- or staff-facing string in every language the form declares. */
export type LocalizedText = Readonly<Record<LanguageCode, string>>;
