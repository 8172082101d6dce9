import type { StaffLanguage } from '../../../api/contract.ts';
import { nativeLanguageName } from '../i18n/index.ts';
import { STAFF_SCREEN_LANGUAGES as LANGUAGES } from '../i18n/staff-resources.ts';

interface LanguageSelectProps {
  readonly id: string;
  /** The chosen language; null follows the clinic's default. */
  readonly value: StaffLanguage | null;
  readonly onChange: (language: StaffLanguage | null) => void;
  /** The text of the "follow the clinic's default" entry; without it there is no such entry. */
  readonly defaultLabel?: string;
  readonly disabled?: boolean;
  readonly className?: string;
  /** The menu's name when no visible label names it (one menu per table row). */
  readonly 'aria-label'?: string;
}

const isStaffLanguage = (value: string): value is StaffLanguage => (LANGUAGES as readonly string[]).includes(value);

/** A menu of the staff screen languages, each named in its own language (and marked so a screen reader says it in that language). */
export function LanguageSelect({ id, value, onChange, defaultLabel, disabled, className, 'aria-label': ariaLabel }: LanguageSelectProps) {
  return (
    <select id={id} className={className} aria-label={ariaLabel} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(isStaffLanguage(e.target.value) ? e.target.value : null)}>
      {defaultLabel !== undefined ? <option value="">{defaultLabel}</option> : null}
      {LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {nativeLanguageName(code)}
        </option>
      ))}
    </select>
  );
}

/** The staff screen language for `language`, or null when the staff screens are not written in it. */
export function staffLanguageOf(language: string): StaffLanguage | null {
  const base = language.split('-')[0] ?? language;
  return isStaffLanguage(base) ? base : null;
}
