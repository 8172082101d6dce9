import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lastInputModality } from '../lib/input-modality.ts';
import { afterGesture } from '../lib/tap-guard.ts';
import { OnScreenKeyboard } from './OnScreenKeyboard.tsx';
import { useKeyboardOwner } from './keyboard-context.ts';
import type { KeyboardKind } from './keyboard-layouts.ts';

/** `code`: ids, flag codes and conditions (the code pad, left to right, fixed-width). */
export type TextKind = 'short' | 'long' | 'email' | 'phone' | 'number' | 'code';

interface TextFieldProps {
  readonly id: string;
  readonly kind: TextKind;
  readonly lang: string;
  readonly value: string;
  readonly maxLength?: number;
  readonly placeholder?: string;
  readonly onChange: (value: string) => void;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly labelId: string;
  /** A secret (a certificate passphrase): drawn as dots, never autofilled; the keyboard never shows it either. */
  readonly secret?: boolean;
}

const keyboardKind = (kind: TextKind): KeyboardKind => (kind === 'short' || kind === 'long' ? 'text' : kind);

/**
 * A real input (physical keyboards and screen readers work as usual) with the on-screen
 * keyboard opening beneath it when it is tapped (not when it is reached with Tab: a client
 * with a physical keyboard has one). inputMode="none" keeps the operating system's own
 * touch keyboard from covering ours. An operating system input method composes in the field as
 * usual (composition events pass untouched; the value is stored as the field reports it, with
 * no per-keystroke rewriting that would cut a composition short), and closes our keyboard.
 */
export function TextField({ id, kind, lang, value, maxLength, placeholder, onChange, describedBy, invalid, labelId, secret = false }: TextFieldProps) {
  const { t } = useTranslation();
  const { activeId, setActiveId } = useKeyboardOwner();
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const keyboardRef = useRef<HTMLDivElement>(null);
  const isOpen = activeId === id;

  // Bring the whole opened keyboard into view, once the tap that opened it is over (so
  // nothing scrolls under a finger that is still down: see tap-guard.ts).
  useEffect(() => {
    if (!isOpen) return;
    afterGesture(() => keyboardRef.current?.scrollIntoView({ block: 'nearest' }));
  }, [isOpen]);

  const openByPointer = () => {
    if (!isOpen && lastInputModality() === 'pointer') setActiveId(id);
  };
  // A letter typed on a physical keyboard: the on-screen one is not needed here. An input
  // method's keys arrive as "Process" (or with no key event at all, only composition events).
  const onKeyDown = (e: KeyboardEvent) => {
    if (isOpen && (e.key.length === 1 || e.key === 'Process') && !e.ctrlKey && !e.metaKey && !e.altKey) setActiveId(null);
  };
  // A hardware keyboard's input method (Chinese, Korean, Japanese) composing in the field: the
  // on-screen keyboard closes and nothing else intervenes, so the composed text lands whole.
  const onCompositionStart = () => {
    if (isOpen) setActiveId(null);
  };
  const common = {
    id,
    ref: inputRef,
    value,
    maxLength,
    placeholder,
    // The text's language (the keyboard's too): screen readers pronounce it, tools find the field by it.
    lang,
    inputMode: 'none' as const,
    // A name follows its own script's direction; addresses and numbers are always left to right.
    dir: kind === 'short' || kind === 'long' ? ('auto' as const) : ('ltr' as const),
    'aria-labelledby': labelId,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    autoComplete: secret ? 'new-password' : 'off',
    autoCorrect: 'off',
    spellCheck: false,
    onFocus: openByPointer,
    // Tapping the field again after Done (focus never left it) reopens the keyboard.
    onClick: openByPointer,
    onKeyDown,
    onCompositionStart,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <div className={`text-field text-field-${kind}${isOpen ? ' open' : ''}`}>
      <div className="text-row">
        {kind === 'long' ? (
          <textarea {...common} rows={3} className="text-input" />
        ) : (
          <input {...common} type={secret ? 'password' : kind === 'phone' ? 'tel' : 'text'} className="text-input" />
        )}
        <button
          type="button"
          className="button secondary keyboard-toggle"
          aria-expanded={isOpen}
          aria-controls={`${id}-keyboard`}
          onClick={() => {
            if (isOpen) setActiveId(null);
            else {
              setActiveId(id);
              inputRef.current?.focus();
            }
          }}
        >
          <span aria-hidden="true">⌨</span> {isOpen ? t('keyboard.hide') : t('keyboard.show')}
        </button>
      </div>
      <div id={`${id}-keyboard`} ref={keyboardRef}>
        {isOpen ? (
          <OnScreenKeyboard
            kind={keyboardKind(kind)}
            lang={lang}
            value={value}
            maxLength={maxLength}
            startShifted={kind === 'short' && value === '' && !secret}
            onChange={onChange}
            onDone={() => setActiveId(null)}
          />
        ) : null}
      </div>
    </div>
  );
}
