/**
 * Whether the client last used a physical keyboard or a pointer (finger, mouse, pen).
 * A text field opens the on-screen keyboard on focus only after a pointer: a client who
 * tabs through the form with a physical keyboard gets no on-screen one unasked (it would
 * cover the next fields). The on-screen keyboard never sends key events, so its own taps
 * count as pointer input.
 */
export type InputModality = 'pointer' | 'keyboard';

let modality: InputModality = 'pointer';

const MODIFIERS: ReadonlySet<string> = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

function onKeyDown(e: KeyboardEvent): void {
  // A lone modifier is also what some barcode scanners and staff shortcuts send first.
  if (!MODIFIERS.has(e.key)) modality = 'keyboard';
}

/** An input method composing is a physical keyboard too (a CDP or OS IME may send no keydown). */
function onCompositionStart(): void {
  modality = 'keyboard';
}

function onPointerDown(): void {
  modality = 'pointer';
}

export function lastInputModality(): InputModality {
  return modality;
}

/** Listens on the window in the capture phase, so the answer is current inside focus handlers. */
export function installInputModality(): () => void {
  window.addEventListener('keydown', onKeyDown, { capture: true });
  window.addEventListener('pointerdown', onPointerDown, { capture: true });
  window.addEventListener('compositionstart', onCompositionStart, { capture: true });
  return () => {
    window.removeEventListener('compositionstart', onCompositionStart, { capture: true });
    window.removeEventListener('keydown', onKeyDown, { capture: true });
    window.removeEventListener('pointerdown', onPointerDown, { capture: true });
  };
}
