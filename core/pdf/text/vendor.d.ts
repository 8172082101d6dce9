// Types for the two untyped text libraries, as much of their APIs as text/ uses.

declare module 'bidi-js' {
  interface EmbeddingLevels {
    /** One embedding level per UTF-16 code unit; odd is right to left. */
    readonly levels: Uint8Array;
    readonly paragraphs: readonly { readonly start: number; readonly end: number; readonly level: number }[];
  }
  interface Bidi {
    getEmbeddingLevels(text: string, explicitDirection?: 'ltr' | 'rtl'): EmbeddingLevels;
  }
  export default function bidiFactory(): Bidi;
}

declare module 'linebreak' {
  interface Break {
    /** UTF-16 offset where the next line may start. */
    readonly position: number;
    readonly required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
