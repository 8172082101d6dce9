/**
 * What the app core needs from its host. The Electron main process supplies the real
 * ones (safeStorage, the system clock, webContents printing); tests and start:chromium
 * supply a key file, a fake clock and a PDF-returning printer. Everything else in
 * core/ is plain Node.
 */

/** Protects the data key at rest. The wrapped form is what is written to disk. */
export interface KeyProvider {
  /** Short, non-secret description for logs and the admin screen, e.g. "safeStorage (gnome_libsecret)". */
  readonly description: string;
  wrap(dataKey: Uint8Array): Promise<Uint8Array>;
  /**
   * `shouldRewrap`: the key store still opens this wrapped form but wants it replaced (the OS
   * rotated its own key, as safeStorage's shouldReEncrypt reports); the vault re-wraps and stores it.
   */
  unwrap(wrapped: Uint8Array): Promise<{ readonly key: Uint8Array; readonly shouldRewrap: boolean }>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type PrintOutcome =
  | { readonly kind: 'printed' }
  /** No printing here (Chromium mode): the caller offers the PDF to the browser instead. */
  | { readonly kind: 'pdf'; readonly pdfBase64: string }
  | { readonly kind: 'failed'; readonly message: string };

export interface Printer {
  print(pdf: Uint8Array, jobName: string): Promise<PrintOutcome>;
}
