/**
 * The shell's log: one line per event to stderr. Callers pass fixed sentences, channel
 * names, error codes and reasons only; never payloads, URLs with query strings, names
 * or answers (health data must not reach logs).
 */
export function shellLog(message: string): void {
  console.error(`[kiosk-shell] ${new Date().toISOString()} ${message}`);
}
