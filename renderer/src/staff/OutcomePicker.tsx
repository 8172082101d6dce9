import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AcknowledgementOutcome, OutcomeCode } from '../../../api/contract.ts';
import { KeyboardOwnerContext } from '../widgets/keyboard-context.ts';
import { TextField } from '../widgets/TextField.tsx';

/** The tiles' order; the renderer holds the contract's types only, so the list is checked against them. */
const OUTCOME_TILES = ['not_treated_referred', 'rebooked', 'clearance_seen', 'treated_with_changes', 'other'] as const satisfies readonly OutcomeCode[];
/** A code the contract adds without a tile here is a type error. */
const EVERY_CODE_HAS_A_TILE: Exclude<OutcomeCode, (typeof OUTCOME_TILES)[number]> extends never ? true : never = true;
void EVERY_CODE_HAS_A_TILE;
/** The contract's OUTCOME_NOTE_MAX (api/channels/therapist.ts). */
const NOTE_MAX = 200;

/** The outcome being chosen: a code (or none yet) and the note typed for it. */
export interface OutcomeDraft {
  readonly code: OutcomeCode | null;
  readonly note: string;
}

export const EMPTY_OUTCOME: OutcomeDraft = { code: null, note: '' };

/** The outcome to send, or null while it is incomplete (no choice; "Other" without a note). */
export function outcomeToSend(draft: OutcomeDraft): AcknowledgementOutcome | null {
  if (draft.code === null) return null;
  const note = draft.note.trim();
  if (draft.code === 'other' && note === '') return null;
  return { code: draft.code, note: draft.code === 'other' ? note : null };
}

interface OutcomePickerProps {
  readonly value: OutcomeDraft;
  readonly onChange: (draft: OutcomeDraft) => void;
  readonly disabled: boolean;
}

/**
 * What happened with a client whose intake raised a stop or clearance flag: one large tile per
 * outcome (native radios: arrow keys move, one tab stop) and, for "Other", a short note with
 * the on-screen keyboard.
 */
export function OutcomePicker({ value, onChange, disabled }: OutcomePickerProps) {
  const { t, i18n } = useTranslation('staff');
  const [keyboardId, setKeyboardId] = useState<string | null>(null);
  const keyboardOwner = useMemo(() => ({ activeId: keyboardId, setActiveId: setKeyboardId }), [keyboardId]);
  return (
    <div className="outcome-picker">
      <fieldset className="staff-tiles outcome-tiles" disabled={disabled} aria-describedby="outcome-hint">
        <legend>{t('outcome.legend')}</legend>
        <p id="outcome-hint" className="outcome-hint">
          {t('outcome.hint')}
        </p>
        {OUTCOME_TILES.map((code) => {
          const isSelected = value.code === code;
          return (
            <label key={code} className={`staff-tile ${isSelected ? 'selected' : ''}`} data-outcome={code}>
              <input type="radio" className="staff-tile-input" name="outcome" value={code} checked={isSelected} onChange={() => onChange({ ...value, code })} />
              <span className="staff-tile-mark" aria-hidden="true">
                {isSelected ? '✓' : ''}
              </span>
              <span className="staff-tile-text">
                <span className="staff-tile-name">{t(`outcome.codes.${code}`)}</span>
              </span>
            </label>
          );
        })}
      </fieldset>
      {value.code === 'other' ? (
        <div className="outcome-note">
          <span className="field-label" id="outcome-note-label">
            {t('outcome.noteLabel')}
          </span>
          <KeyboardOwnerContext value={keyboardOwner}>
            <TextField
              id="outcome-note"
              kind="long"
              lang={i18n.language}
              value={value.note}
              maxLength={NOTE_MAX}
              onChange={(note) => onChange({ ...value, note })}
              describedBy={undefined}
              invalid={false}
              labelId="outcome-note-label"
            />
          </KeyboardOwnerContext>
        </div>
      ) : null}
    </div>
  );
}

/** The recorded outcome in words: "Outcome: Rebooked", with the note for "Other". */
export function OutcomeLine({ outcome }: { readonly outcome: AcknowledgementOutcome }) {
  const { t } = useTranslation('staff');
  const words = t(`outcome.codes.${outcome.code}`);
  return (
    <p className="outcome-recorded" data-testid="outcome-recorded">
      {outcome.note ? t('outcome.recordedWithNote', { outcome: words, note: outcome.note }) : t('outcome.recorded', { outcome: words })}
    </p>
  );
}
