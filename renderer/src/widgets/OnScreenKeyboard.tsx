import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SimpleKeyboard as Keyboard } from 'simple-keyboard';
import { composeKeyPress } from './keyboard-compose.ts';
import { keyboardLayout, layerDirection, nextLayer, rowKeys, VI_TONES, type KeyboardKind } from './keyboard-layouts.ts';
import { keyNameAttributes, type KeyWords } from './keyboard-names.ts';

/** Scripts without capital letters: a name field does not start on the Shift layer there. */
const noCapitals = (lang: string) => ['ar', 'ko', 'zh'].includes(lang.split('-')[0] ?? lang);

/** How a Vietnamese tone key is drawn: the mark on a dotted circle, the way keyboards show it. */
const TONE_DISPLAY = Object.fromEntries(VI_TONES.map((mark) => [mark, `\u25cc${mark}`]));

interface OnScreenKeyboardProps {
  readonly kind: KeyboardKind;
  readonly lang: string;
  readonly value: string;
  readonly maxLength?: number;
  readonly onChange: (value: string) => void;
  readonly onDone: () => void;
  /** Start on capitals (an empty name field). */
  readonly startShifted?: boolean;
}

/** Words longer than this on a wide key get the smaller size (keyboard.css .osk-word-long). */
const LONG_WORD = 6;

/** simple-keyboard sets a key's display as HTML: only our own translated words go in, escaped. */
function wideKey(icon: string, word: string): string {
  const safe = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const iconPart = icon === '' ? '' : `<span class="osk-icon" aria-hidden="true">${safe(icon)}</span> `;
  // A long word (Удалить) is set a little smaller rather than broken mid-word on a 768 px tablet.
  const long = Array.from(word).length > LONG_WORD ? ' osk-word-long' : '';
  return `${iconPart}<span class="osk-word${long}">${safe(word)}</span>`;
}

/**
 * simple-keyboard wrapped for React. Its input buffer lives in the instance, which is
 * destroyed on unmount, so a session reset leaves nothing typed behind.
 */
export function OnScreenKeyboard({ kind, lang, value, maxLength, onChange, onDone, startShifted = false }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const keyboard = useRef<Keyboard | null>(null);
  const handlers = useRef({ onChange, onDone });
  // A script without capitals (Arabic, Korean has tense consonants there instead) has no shift to start on.
  const [layer, setLayer] = useState(kind === 'text' && startShifted && 'shift' in keyboardLayout(lang, kind) && !noCapitals(lang) ? 'shift' : 'default');
  const layerRef = useRef(layer);
  const valueRef = useRef(value);

  useEffect(() => {
    handlers.current = { onChange, onDone };
    valueRef.current = value;
  }, [onChange, onDone, value]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const layout = keyboardLayout(lang, kind);
    const words: KeyWords = {
      backspace: t('keyboard.backspace'),
      space: t('keyboard.space'),
      shift: t('keyboard.shift'),
      capsLock: t('keyboard.capsLock'),
      done: t('keyboard.done'),
      accentsName: t('keyboard.accentsName'),
      latinName: t('keyboard.latinName'),
      lettersName: t('keyboard.lettersName'),
    };
    const kb = new Keyboard(el, {
      layout,
      layoutName: layerRef.current,
      // Wide keys carry an icon and a word; the word may wrap under the icon on a narrow
      // screen or at large text (keyboard.css), and is the key's accessible name.
      display: {
        '{bksp}': wideKey('⌫', t('keyboard.backspace')),
        '{space}': wideKey('', t('keyboard.space')),
        '{shift}': wideKey('⇧', t('keyboard.shift')),
        '{caps}': wideKey('⇪', t('keyboard.capsLock')),
        '{done}': wideKey('✓', t('keyboard.done')),
        '{accents}': wideKey('', 'á é ñ'),
        '{abc}': wideKey('', t('keyboard.letters')),
        '{latin}': wideKey('', 'ABC'),
        ...TONE_DISPLAY,
      },
      mergeDisplay: false,
      theme: 'hg-theme-default kiosk-keyboard',
      useButtonTag: true,
      // Out of the Tab order: a client with a physical keyboard types on it, and should not
      // have to Tab through fifty keys to reach the next field. Screen readers still reach them.
      buttonAttributes: [
        { attribute: 'type', value: 'button' },
        { attribute: 'tabindex', value: '-1' },
        // Tone marks, jamo and layer keys are spoken by name, not by their face (keyboard-names.ts).
        ...keyNameAttributes(lang, Object.values(layout).flat().flatMap(rowKeys), words),
      ],
      // Keep focus (and the caret) in the field while keys are tapped.
      preventMouseDownDefault: true,
      disableButtonHold: true,
      disableCaretPositioning: true,
      maxLength,
      // Korean jamo become syllables and Vietnamese tones join their vowel (keyboard-compose.ts).
      onChange: (input: string) => handlers.current.onChange(composeKeyPress(lang, valueRef.current, input)),
      onKeyPress: (button: string) => {
        const current = layerRef.current;
        if (button === '{done}') handlers.current.onDone();
        const next = nextLayer(current, button);
        if (next !== current) {
          layerRef.current = next;
          setLayer(next);
        }
      },
    });
    kb.setInput(valueRef.current);
    keyboard.current = kb;
    return () => {
      kb.destroy();
      keyboard.current = null;
    };
    // The instance is rebuilt only when the layout family changes; text changes flow through setInput below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, lang]);

  useEffect(() => {
    keyboard.current?.setOptions({ layoutName: layer });
  }, [layer]);

  // Typing on a physical keyboard (or a reset) changes the value: keep the buffer in step.
  useEffect(() => {
    keyboard.current?.setInput(value);
  }, [value]);

  // Arabic letters are laid out right to left; Latin, digits and the Latin layer stay left to right
  // whatever the page's direction (a QWERTY row is never mirrored).
  return (
    <div ref={host} className="osk" role="group" aria-label={t('keyboard.label')} dir={layerDirection(lang, kind, layer)} data-testid="on-screen-keyboard" />
  );
}
