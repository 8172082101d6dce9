import { useTranslation } from 'react-i18next';
import type { FormVersionSummary } from '../../../../api/contract.ts';
import { useFormat } from '../../i18n/use-format.ts';

interface VersionsListProps {
  readonly versions: readonly FormVersionSummary[];
  readonly onRestore: (v: FormVersionSummary) => void;
  readonly onExport: (v: FormVersionSummary) => void;
}

/** Every published version, newest first; any can be restored as a new draft or exported. */
export function VersionsList({ versions, onRestore, onExport }: VersionsListProps) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  return (
    <section className="versions" aria-labelledby="versions-heading">
      <h3 id="versions-heading">{t('versions.title')}</h3>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('versions.colVersion')}</th>
            <th scope="col">{t('versions.colPublished')}</th>
            <th scope="col">{t('versions.colBy')}</th>
            <th scope="col">{t('versions.colQuestions')}</th>
            <th scope="col">{t('versions.colRules')}</th>
            <th scope="col">{t('versions.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={`${v.formId}@${v.version}`} data-version={v.version}>
              <th scope="row">
                {t('versions.name', { formId: v.formId, version: v.version })}
                {v.isLive ? <span className="badge live">{t('versions.live')}</span> : null}
              </th>
              <td>{format.dateTime(v.publishedAt)}</td>
              <td>{v.publishedBy}</td>
              <td>{v.questions}</td>
              <td>{v.rules}</td>
              <td className="item-actions">
                <button type="button" className="button secondary small" onClick={() => onRestore(v)}>
                  {t('versions.restore')}
                  <span className="visually-hidden"> {t('versions.versionN', { version: v.version })}</span>
                </button>
                <button type="button" className="button secondary small" onClick={() => onExport(v)}>
                  {t('versions.export')}
                  <span className="visually-hidden"> {t('versions.versionN', { version: v.version })}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
