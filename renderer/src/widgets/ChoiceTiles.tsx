export interface TileOption {
  readonly id: string;
  readonly label: string;
}

interface ChoiceTilesProps {
  readonly name: string;
  readonly multiple: boolean;
  readonly options: readonly TileOption[];
  readonly selected: readonly string[];
  readonly onToggle: (optionId: string) => void;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly labelId: string;
  /** Lays the tiles out in a row (yes/no) rather than a grid. */
  readonly compact?: boolean;
}

/**
 * Single or multiple choice as large tiles around native radio/checkbox inputs, so
 * keyboards and screen readers get the real controls. A chosen tile shows a check
 * mark as well as its colour.
 */
export function ChoiceTiles({ name, multiple, options, selected, onToggle, describedBy, invalid, labelId, compact = false }: ChoiceTilesProps) {
  return (
    <div
      className={`tiles${compact ? ' tiles-compact' : ''}`}
      role={multiple ? 'group' : 'radiogroup'}
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={!multiple && invalid ? true : undefined}
    >
      {options.map((o, i) => {
        const isChosen = selected.includes(o.id);
        return (
          <label key={o.id} className={`tile${isChosen ? ' chosen' : ''}`}>
            <input
              id={i === 0 ? `${name}-first` : undefined}
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={o.id}
              checked={isChosen}
              aria-invalid={multiple && invalid ? true : undefined}
              onChange={() => onToggle(o.id)}
            />
            <span className="tile-mark" aria-hidden="true">
              {isChosen ? '✓' : ''}
            </span>
            <span className="tile-label">{o.label}</span>
          </label>
        );
      })}
    </div>
  );
}
