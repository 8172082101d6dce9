import { useTranslation } from 'react-i18next';
import type { DetailFlag } from '../../../api/contract.ts';
import { treatmentVerdict, verdictSeverity } from '../../../forms/engine/index.ts';
import { languageDirection } from '../i18n/direction.ts';
import { flagTextsFor } from './flag-text.ts';
import { SeverityBadge, SeverityIcon } from './SeverityBadge.tsx';

/**
 * The answer to "May I treat today?" in words and an icon, from the same function as the
 * summary PDF's banner (forms/engine/verdict.ts), so screen and paper cannot disagree.
 */
export function VerdictLine({ flags }: { readonly flags: readonly DetailFlag[] }) {
  const { t } = useTranslation('staff');
  const verdict = treatmentVerdict(flags);
  const severity = verdictSeverity(verdict);
  return (
    <p className={`verdict verdict-${verdict}`} data-verdict={verdict} data-testid="verdict">
      {severity === null ? (
        // A disc with a tick: "no restrictions" has no severity shape of its own.
        <svg viewBox="0 0 24 24" className="sev-icon" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="11" className="sev-shape" />
          <path d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke="#ffffff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      ) : (
        <SeverityIcon severity={severity} />
      )}
      <span>{t(`detail.verdict.${verdict}`)}</span>
    </p>
  );
}

interface FlagsPanelProps {
  readonly flags: readonly DetailFlag[];
  /** Codes ticked as read. */
  readonly ticked: ReadonlySet<string>;
  /** Null once acknowledged: ticks are then shown as done and cannot change. */
  readonly onTick: ((code: string, isTicked: boolean) => void) | null;
}

/**
 * Flags, most severe first, with guidance and the answers that raised them; stop/clearance need
 * a tick. The form's words are shown in the reader's staff language (flag-text.ts), marked with
 * the language they are in, so a fallback to the form's default language is spoken and laid out
 * as that language.
 */
export function FlagsPanel({ flags, ticked, onTick }: FlagsPanelProps) {
  const { t, i18n } = useTranslation('staff');
  if (flags.length === 0) return <p className="no-flags-detail">{t('flags.none')}</p>;
  return (
    <ol className="flag-list">
      {flags.map((flag) => {
        const tickId = `tick-${flag.code}`;
        const words = flagTextsFor(flag, i18n.language);
        // Only where the words are not in the reader's language: the card itself follows the staff root.
        const foreign = words.lang.split('-')[0] !== i18n.language.split('-')[0] ? { lang: words.lang, dir: languageDirection(words.lang) } : {};
        return (
          <li key={flag.code} className={`flag-card flag-${flag.severity}`} data-flag={flag.code}>
            <div className="flag-head">
              <SeverityBadge severity={flag.severity} />
              <h4 className="flag-title" {...foreign}>
                {words.title}
              </h4>
            </div>
            <p className="flag-guidance" {...foreign}>
              {words.guidance}
            </p>
            {flag.triggers.length > 0 ? (
              <div className="flag-because">
                <span className="flag-because-label">{flag.derived ? t('flags.fromVisits') : t('flags.because')}</span>
                <ul>
                  {flag.triggers.map((trigger, i) => (
                    <li key={`${trigger.questionId}-${trigger.answer}`} {...foreign}>
                      {words.triggers[i]?.question ?? trigger.question} — <strong>{words.triggers[i]?.answer ?? trigger.answer}</strong>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {flag.mustTick ? (
              <label className="flag-tick" htmlFor={tickId}>
                <input
                  id={tickId}
                  type="checkbox"
                  checked={onTick === null || ticked.has(flag.code)}
                  disabled={onTick === null}
                  onChange={(e) => onTick?.(flag.code, e.target.checked)}
                />
                <span>{t(`flags.tick.${flag.severity}`)}</span>
              </label>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
