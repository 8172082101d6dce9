import { useTranslation } from 'react-i18next';

interface PainScaleProps {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly value: number | null;
  readonly onChange: (value: number) => void;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly labelId: string;
  /** Words for the two ends from the form, when it has them. */
  readonly minWord?: string;
  readonly maxWord?: string;
}

/** Words for each point of a 0-10 pain scale; other ranges use only the end words. */
export function painWordKey(n: number): string {
  return `scale.word${Math.max(0, Math.min(10, Math.round(n)))}`;
}

/** A 0-10 scale as a row of large numbered radio tiles, each with its word. */
export function PainScale({ name, min, max, value, onChange, describedBy, invalid, labelId, minWord, maxWord }: PainScaleProps) {
  const { t } = useTranslation();
  const isPain = min === 0 && max === 10;
  const wordFor = (n: number): string => {
    if (n === min && minWord) return minWord;
    if (n === max && maxWord) return maxWord;
    return isPain ? t(painWordKey(n)) : '';
  };
  const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <div className="scale">
      <div className="scale-row" role="radiogroup" aria-labelledby={labelId} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
        {points.map((n, i) => {
          const word = wordFor(n);
          const isChosen = value === n;
          return (
            <label key={n} className={`scale-point${isChosen ? ' chosen' : ''} level-${Math.min(3, Math.floor(((n - min) / Math.max(1, max - min)) * 4))}`}>
              <input
                id={i === 0 ? `${name}-first` : undefined}
                type="radio"
                name={name}
                value={n}
                checked={isChosen}
                onChange={() => onChange(n)}
                aria-label={word ? `${n}: ${word}` : String(n)}
              />
              <span className="scale-number" aria-hidden="true">
                {n}
              </span>
            </label>
          );
        })}
      </div>
      <div className="scale-ends" aria-hidden="true">
        <span>{wordFor(min)}</span>
        <span>{wordFor(max)}</span>
      </div>
      <p className="scale-chosen" aria-live="polite">
        {value === null ? '' : t('scale.chosen', { value, word: wordFor(value) || String(value) })}
      </p>
    </div>
  );
}
