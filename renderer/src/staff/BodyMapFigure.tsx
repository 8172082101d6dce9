import { useTranslation } from 'react-i18next';
import { BODY_MAP } from '../../../forms/engine/index.ts';
import type { DetailBodyMap } from '../../../api/contract.ts';

const SIDES = ['front', 'back'] as const;

/** Read-only body map: the client's marked regions hatched on front and back, and listed in words. */
export function BodyMapFigure({ map }: { readonly map: DetailBodyMap }) {
  const { t } = useTranslation('staff');
  const { width, height } = BODY_MAP.viewBox;
  const marked = new Set(map.regionIds);
  return (
    <figure className="detail-body-map">
      <div className="body-views">
        {SIDES.map((side) => (
          <div className="body-view" key={side}>
            <svg viewBox={`0 0 ${width} ${height}`} className="body-svg detail-body-svg" aria-hidden="true" focusable="false" data-testid={`detail-body-${side}`}>
              <defs>
                <pattern id={`detail-hatch-${side}`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <rect width="8" height="8" className="hatch-bg" />
                  <line x1="0" y1="0" x2="0" y2="8" className="hatch-line" />
                </pattern>
              </defs>
              <path d={BODY_MAP.views[side].outline} className="body-outline" />
              {BODY_MAP.views[side].regions.map((r) => (
                <path
                  key={r.id}
                  d={r.path}
                  data-region={r.id}
                  className={`body-region readonly${marked.has(r.id) ? ' chosen' : ''}`}
                  // A presentation attribute so each view points at its own pattern (as in the client widget).
                  fill={marked.has(r.id) ? `url(#detail-hatch-${side})` : 'transparent'}
                />
              ))}
            </svg>
            <span className="body-caption">{t(`bodyMap.${side}`)}</span>
          </div>
        ))}
      </div>
      <figcaption>
        <strong>{map.label}</strong> {map.regionLabels.length > 0 ? map.regionLabels.join(t('common.listSeparator')) : t('bodyMap.none')}
      </figcaption>
    </figure>
  );
}
