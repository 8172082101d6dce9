import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { daysInMonth, offeredYears, monthNames, parseIsoDate, toIsoDate, type DateParts } from '../lib/date-parts.ts';

type Part = 'day' | 'month' | 'year';

interface DateFieldProps {
  readonly id: string;
  readonly lang: string;
  readonly value: string | null;
  readonly onChange: (value: string | undefined) => void;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly labelId: string;
  /** The form's bounds ('today-120y', 'today', 'YYYY-MM-DD'): only years inside them are offered. */
  readonly min?: string;
  readonly max?: string;
}

/**
 * A date without a physical keyboard: day, month and year are each chosen from a
 * panel of large buttons (years in two taps: decade, then year). The answer is set
 * once all three make a real date.
 */
export function DateField({ id, lang, value, onChange, describedBy, invalid, labelId, min, max }: DateFieldProps) {
  const { t } = useTranslation();
  const [parts, setParts] = useState<DateParts>(() => parseIsoDate(value));
  const [open, setOpen] = useState<Part | null>(null);
  const [decade, setDecade] = useState<number | null>(null);
  const months = useMemo(() => monthNames(lang), [lang]);
  const years = useMemo(() => offeredYears(new Date(), min, max), [min, max]);
  const order: readonly Part[] = lang.startsWith('en') ? ['month', 'day', 'year'] : ['day', 'month', 'year'];

  const choose = (next: DateParts) => {
    // Keep the day only while it still exists in the chosen month (31 -> April clears it).
    const fixed = next.day !== null && next.day > daysInMonth(next.year, next.month) ? { ...next, day: null } : next;
    setParts(fixed);
    onChange(toIsoDate(fixed) ?? undefined);
    // Move on to the next unchosen part, so the whole date is three or four taps.
    const following = order.find((p) => fixed[p] === null) ?? null;
    setOpen(following);
    setDecade(null);
  };

  const shown = (p: Part): string => {
    const v = parts[p];
    if (v === null) return t('date.choose');
    return p === 'month' ? (months[v - 1] ?? String(v)) : String(v);
  };

  return (
    <div className="date-field" role="group" aria-labelledby={labelId} aria-describedby={describedBy} id={id}>
      <div className="date-parts">
        {order.map((p) => (
          <button
            key={p}
            type="button"
            id={p === order[0] ? `${id}-first` : undefined}
            className={`date-part${open === p ? ' open' : ''}${parts[p] === null ? ' empty' : ''}`}
            data-part={p}
            aria-expanded={open === p}
            aria-controls={`${id}-panel`}
            aria-invalid={invalid || undefined}
            onClick={() => {
              setOpen(open === p ? null : p);
              setDecade(null);
            }}
          >
            <span className="date-part-label">{t(`date.${p}`)}</span>
            <span className="date-part-value">{shown(p)}</span>
          </button>
        ))}
      </div>
      {open === null ? null : (
        <div id={`${id}-panel`} className={`date-panel date-panel-${open}`} role="group" aria-label={t(`date.${open}`)}>
          {open === 'day'
            ? Array.from({ length: daysInMonth(parts.year, parts.month) }, (_, i) => i + 1).map((d) => (
                <button key={d} type="button" className="date-choice" aria-pressed={parts.day === d} onClick={() => choose({ ...parts, day: d })}>
                  {d}
                </button>
              ))
            : null}
          {open === 'month'
            ? months.map((name, i) => (
                <button key={name} type="button" className="date-choice" aria-pressed={parts.month === i + 1} onClick={() => choose({ ...parts, month: i + 1 })}>
                  {name}
                </button>
              ))
            : null}
          {open === 'year' && decade === null
            ? decadesOf(years).map((d) => (
                <button key={d} type="button" className="date-choice" onClick={() => setDecade(d)}>
                  {d}–{d + 9}
                </button>
              ))
            : null}
          {open === 'year' && decade !== null
            ? years
                .filter((y) => y >= decade && y < decade + 10)
                .map((y) => (
                  <button key={y} type="button" className="date-choice" aria-pressed={parts.year === y} onClick={() => choose({ ...parts, year: y })}>
                    {y}
                  </button>
                ))
            : null}
        </div>
      )}
    </div>
  );
}

function decadesOf(years: readonly number[]): number[] {
  return [...new Set(years.map((y) => Math.floor(y / 10) * 10))];
}
