/**
 * The shape a translation of a namespace must have: every key of the English object, nested
 * as in English, each a string; beside any plural text (`x_one`/`x_other`) the other CLDR
 * plural forms a language needs (`x_zero`, `x_two`, `x_few`, `x_many`) are allowed. A missing
 * or misspelt key is a type error.
 */
type PluralExtras<T> = { readonly [K in keyof T as K extends `${infer B}_other` ? `${B}_${'zero' | 'two' | 'few' | 'many'}` : never]?: string };

export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> } & PluralExtras<T>;
