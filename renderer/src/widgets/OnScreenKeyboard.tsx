import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SimpleKeyboard as Keyboard } from 'simple-keyboard';
import { keyboardLayout, ONE_SHOT_LAYERS, type KeyboardKind } from './keyboard-layouts.ts';

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

/**
 * simple-keyboard wrapped for React. Its input buffer lives in the instance, which is
 * destroyed on unmount, so a session reset leaves nothing typed behind.
 */
export function OnScreenKeyboard({ kind, lang, value, maxLength, onChange, onDone, startShifted = false }: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const keyboard = useRef<Keyboard | null>(null);
  const handlers = useRef({ onChange, onDone });
  const [layer, setLayer] = useState(kind === 'text' && startShifted ? 'shift' : 'default');
  const layerRef = useRef(layer);
  const valueRef = useRef(value);

  useEffect(() => {
    handlers.current = { onChange, onDone };
    valueRef.current = value;
  }, [onChange, onDone, value]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const kb = new Keyboard(el, {
      layout: keyboardLayout(lang, kind),
      layoutName: layerRef.current,
      display: {
        '{bksp}': `⌫ ${t('keyboard.backspace')}`,
        '{space}': t('keyboard.space'),
        '{shift}': `⇧ ${t('keyboard.shift')}`,
        '{done}': `✓ ${t('keyboard.done')}`,
        '{accents}': 'á é ñ',
        '{abc}': t('keyboard.letters'),
      },
      mergeDisplay: false,
      theme: 'hg-theme-default kiosk-keyboard',
      useButtonTag: true,
      buttonAttributes: [{ attribute: 'type', value: 'button' }],
      // Keep focus (and the caret) in the field while keys are tapped.
      preventMouseDownDefault: true,
      disableButtonHold: true,
      disableCaretPositioning: true,
      maxLength,
      onChange: (input: string) => handlers.current.onChange(input),
      onKeyPress: (button: string) => {
        const current = layerRef.current;
        let next = current;
        if (button === '{shift}') next = current === 'shift' ? 'default' : 'shift';
        else if (button === '{accents}') next = 'accents';
        else if (button === '{abc}') next = 'default';
        else if (button === '{done}') handlers.current.onDone();
        else if (ONE_SHOT_LAYERS.has(current) && !button.startsWith('{')) next = 'default';
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

  return <div ref={host} className="osk" role="group" aria-label={t('keyboard.label')} data-testid="on-screen-keyboard" />;
}
