import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ChangesSinceLast, PainChange } from '../../../api/contract.ts';
import { assertNever } from '../../../forms/engine/index.ts';
import { NO_VALUE } from '../i18n/format.ts';
import { useFormat } from '../i18n/use-format.ts';

function trendWords(trend: PainChange['trend'], t: TFunction<'staff'>): string {
  switch (trend) {
    case 'better':
      return t('changes.trendBetter');
    case 'worse':
      return t('changes.trendWorse');
    case 'same':
      return t('changes.trendSame');
    case 'unknown':
      return t('changes.trendUnknown');
    default:
      return assertNever(trend);
  }
}

function List({ title, items }: { readonly title: string; readonly items: readonly string[] }) {
  const { t } = useTranslation('staff');
  return (
    <div className="change-group">
      <dt>{title}</dt>
      <dd>{items.length > 0 ? items.join(t('common.listSeparator')) : t('changes.none')}</dd>
    </div>
  );
}

/** What changed since the same client's (name + date of birth) previous visit. */
export function ChangesPanel({ changes }: { readonly changes: ChangesSinceLast }) {
  const { t } = useTranslation('staff');
  const format = useFormat();
  const { pain } = changes;
  return (
    <section className="detail-block changes" aria-labelledby="changes-title">
      <h3 id="changes-title">{t('changes.title', { date: format.date(changes.previousVisitAt) })}</h3>
      <p>{t('changes.earlierVisits', { count: changes.earlierVisits })}</p>
      <dl className="changes-list">
        <List title={t('changes.newConditions')} items={changes.newConditions} />
        <List title={t('changes.resolvedConditions')} items={changes.resolvedConditions} />
        <div className="change-group">
          <dt>{t('changes.pain')}</dt>
          <dd>
            {t('changes.painFromTo', { before: pain.before === null ? NO_VALUE : format.number(pain.before), now: pain.now === null ? NO_VALUE : format.number(pain.now) })} <strong>({trendWords(pain.trend, t)})</strong>
          </dd>
        </div>
        <List title={t('changes.newAreas')} items={changes.newAreas} />
        <List title={t('changes.resolvedAreas')} items={changes.resolvedAreas} />
      </dl>
    </section>
  );
}
