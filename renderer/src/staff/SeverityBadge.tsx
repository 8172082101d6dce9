import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../api/contract.ts';
import { assertNever } from '../../../forms/engine/index.ts';

/** A distinct shape per severity, so severity never rests on colour alone. */
export function SeverityIcon({ severity }: { readonly severity: Severity }) {
  const shape = (() => {
    switch (severity) {
      case 'stop':
        // Octagon with a bar: the road-sign "stop".
        return (
          <>
            <path d="M7 1h10l6 6v10l-6 6H7l-6-6V7z" className="sev-shape" />
            <rect x="6" y="10.5" width="12" height="3" className="sev-mark" />
          </>
        );
      case 'clearance':
        return (
          <>
            <path d="M12 1.5 23 22H1z" className="sev-shape" />
            <rect x="11" y="8" width="2" height="7.5" className="sev-mark" />
            <rect x="11" y="17.5" width="2" height="2" className="sev-mark" />
          </>
        );
      case 'modify':
        return (
          <>
            <path d="M12 1 23 12 12 23 1 12z" className="sev-shape" />
            <rect x="7" y="11" width="10" height="2" className="sev-mark" />
          </>
        );
      case 'info':
        return (
          <>
            <circle cx="12" cy="12" r="11" className="sev-shape" />
            <rect x="11" y="10" width="2" height="8" className="sev-mark" />
            <rect x="11" y="6" width="2" height="2" className="sev-mark" />
          </>
        );
      default:
        return assertNever(severity);
    }
  })();
  return (
    <svg viewBox="0 0 24 24" className={`sev-icon sev-${severity}`} aria-hidden="true" focusable="false">
      {shape}
    </svg>
  );
}

/** Icon plus word (and a count when given): readable without colour. */
export function SeverityBadge({ severity, count }: { readonly severity: Severity; readonly count?: number }) {
  const { t } = useTranslation('staff');
  return (
    <span className={`sev-badge sev-badge-${severity}`} data-severity={severity}>
      <SeverityIcon severity={severity} />
      <span>
        {count !== undefined && count > 1 ? t('severity.counted', { severity: t(`severity.${severity}`), count }) : t(`severity.${severity}`)}
      </span>
    </span>
  );
}
