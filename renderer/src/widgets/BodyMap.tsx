import { useTranslation } from 'react-i18next';
import { BODY_MAP, localize, type BodyMapView } from '../../../forms/engine/index.ts';

interface BodyMapProps {
  readonly name: string;
  readonly lang: string;
  /** Region ids this question offers (all of BODY_MAP's when the form does not narrow it). */
  readonly regionIds: readonly string[];
  readonly selected: readonly string[];
  readonly onToggle: (regionId: string) => void;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly labelId: string;
  /** The question's text, repeated in the list's legend so the checkboxes make sense on their own. */
  readonly questionLabel: string;
}

const SIDES = ['front', 'back'] as const;
const UNCHOSEN_FILL = 'rgba(11, 83, 71, 0.06)';

/**
 * Front and back outlines with tappable regions (drawn from BODY_MAP), and the same
 * choice as a list of checkboxes for keyboards and screen readers. The drawing is
 * hidden from assistive tech because the list is its exact equivalent. Chosen regions
 * are hatched as well as coloured.
 */
export function BodyMap({ name, lang, regionIds, selected, onToggle, describedBy, invalid, labelId, questionLabel }: BodyMapProps) {
  const { t } = useTranslation();
  const { width, height } = BODY_MAP.viewBox;
  const offered = new Set(regionIds);
  const labels = new Map<string, string>();
  for (const side of SIDES) for (const r of BODY_MAP.views[side].regions) labels.set(r.id, localize(r.label, lang));
  const listed = regionIds.filter((id) => labels.has(id));
  const chosenNames = listed.filter((id) => selected.includes(id)).map((id) => labels.get(id) ?? id);

  const drawView = (side: (typeof SIDES)[number], view: BodyMapView) => (
    <figure className="body-view" key={side}>
      <svg viewBox={`0 0 ${width} ${height}`} className="body-svg" aria-hidden="true" focusable="false" data-testid={`body-${side}`}>
        <defs>
          <pattern id={`${name}-hatch-${side}`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" className="hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="8" className="hatch-line" />
          </pattern>
        </defs>
        <path d={view.outline} className="body-outline" />
        {view.regions
          .filter((r) => offered.has(r.id))
          .map((r) => {
            const isChosen = selected.includes(r.id);
            return (
              <path
                key={r.id}
                d={r.path}
                data-region={r.id}
                className={`body-region${isChosen ? ' chosen' : ''}`}
                // A presentation attribute (not CSS) so each instance can point at its own pattern.
                fill={isChosen ? `url(#${name}-hatch-${side})` : UNCHOSEN_FILL}
                onClick={() => onToggle(r.id)}
              >
                <title>{labels.get(r.id)}</title>
              </path>
            );
          })}
      </svg>
      <figcaption className="body-caption" dir="auto">{t(`bodyMap.${side}`)}</figcaption>
    </figure>
  );

  return (
    <div className={`body-map${invalid ? ' invalid' : ''}`} role="group" aria-labelledby={labelId}>
      {/* Anatomy is never mirrored: front on the left, back on the right, as in the PDF, whatever the
          page's direction (in Arabic too); the figures' captions keep their own direction. */}
      <div className="body-views" dir="ltr" data-testid="body-views">
        {SIDES.map((side) => drawView(side, BODY_MAP.views[side]))}
      </div>
      <p className="body-chosen" aria-live="polite">
        {chosenNames.length === 0 ? t('bodyMap.selectedNone') : t('bodyMap.selected', { areas: chosenNames.join(', ') })}
      </p>
      <fieldset className="body-list" aria-describedby={describedBy}>
        <legend className="body-list-legend">
          <span className="visually-hidden">{questionLabel} – </span>
          {t('bodyMap.listLabel')}
        </legend>
        <div className="tiles tiles-small">
          {listed.map((id, i) => {
            const isChosen = selected.includes(id);
            return (
              <label key={id} className={`tile${isChosen ? ' chosen' : ''}`}>
                <input
                  id={i === 0 ? `${name}-first` : undefined}
                  type="checkbox"
                  name={name}
                  value={id}
                  checked={isChosen}
                  aria-invalid={invalid || undefined}
                  onChange={() => onToggle(id)}
                />
                <span className="tile-mark" aria-hidden="true">
                  {isChosen ? '✓' : ''}
                </span>
                <span className="tile-label">{labels.get(id)}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
