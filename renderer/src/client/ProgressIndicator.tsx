import { useTranslation } from 'react-i18next';

interface ProgressIndicatorProps {
  readonly current: number; // 1-based
  readonly total: number;
}

/** "Step 2 of 5" in words, with a segmented bar beside it (the words carry the meaning). */
export function ProgressIndicator({ current, total }: ProgressIndicatorProps) {
  const { t } = useTranslation();
  return (
    <div className="progress">
      <p className="progress-text" data-testid="progress">
        {t('step.progress', { current, total })}
      </p>
      <ol className="progress-track" aria-hidden="true">
        {Array.from({ length: total }, (_, i) => (
          <li key={i} className={`progress-segment ${i + 1 < current ? 'done' : i + 1 === current ? 'current' : ''}`} />
        ))}
      </ol>
    </div>
  );
}
