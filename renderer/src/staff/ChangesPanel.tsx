import type { ChangesSinceLast, PainChange } from '../../../api/contract.ts';
import { assertNever } from '../../../forms/engine/index.ts';

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function trendWords(trend: PainChange['trend']): string {
  switch (trend) {
    case 'better':
      return '↓ better';
    case 'worse':
      return '↑ worse';
    case 'same':
      return '= unchanged';
    case 'unknown':
      return 'not comparable';
    default:
      return assertNever(trend);
  }
}

function List({ title, items }: { readonly title: string; readonly items: readonly string[] }) {
  return (
    <div className="change-group">
      <dt>{title}</dt>
      <dd>{items.length > 0 ? items.join(', ') : 'None'}</dd>
    </div>
  );
}

/** What changed since the same client's (name + date of birth) previous visit. */
export function ChangesPanel({ changes }: { readonly changes: ChangesSinceLast }) {
  const { pain } = changes;
  return (
    <section className="detail-block changes" aria-labelledby="changes-title">
      <h3 id="changes-title">Returning client: changes since {dayFormat.format(new Date(changes.previousVisitAt))}</h3>
      <p>
        {changes.earlierVisits === 1 ? 'One earlier visit' : `${changes.earlierVisits} earlier visits`} on this kiosk.
      </p>
      <dl className="changes-list">
        <List title="New conditions" items={changes.newConditions} />
        <List title="No longer reported" items={changes.resolvedConditions} />
        <div className="change-group">
          <dt>Pain</dt>
          <dd>
            {pain.before ?? '–'} → {pain.now ?? '–'} <strong>({trendWords(pain.trend)})</strong>
          </dd>
        </div>
        <List title="New pain areas" items={changes.newAreas} />
        <List title="Areas no longer painful" items={changes.resolvedAreas} />
      </dl>
    </section>
  );
}
