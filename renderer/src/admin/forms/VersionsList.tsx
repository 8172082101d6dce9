import type { FormVersionSummary } from '../../../../api/contract.ts';

interface VersionsListProps {
  readonly versions: readonly FormVersionSummary[];
  readonly onRestore: (v: FormVersionSummary) => void;
  readonly onExport: (v: FormVersionSummary) => void;
}

/** Every published version, newest first; any can be restored as a new draft or exported. */
export function VersionsList({ versions, onRestore, onExport }: VersionsListProps) {
  return (
    <section className="versions" aria-labelledby="versions-heading">
      <h3 id="versions-heading">Published versions</h3>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Published</th>
            <th scope="col">By</th>
            <th scope="col">Questions</th>
            <th scope="col">Rules</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={`${v.formId}@${v.version}`} data-version={v.version}>
              <th scope="row">
                {v.formId} v{v.version}
                {v.isLive ? <span className="badge live">● Live</span> : null}
              </th>
              <td>{new Date(v.publishedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</td>
              <td>{v.publishedBy}</td>
              <td>{v.questions}</td>
              <td>{v.rules}</td>
              <td className="item-actions">
                <button type="button" className="button secondary small" onClick={() => onRestore(v)}>
                  Restore as draft<span className="visually-hidden"> version {v.version}</span>
                </button>
                <button type="button" className="button secondary small" onClick={() => onExport(v)}>
                  Export JSON<span className="visually-hidden"> version {v.version}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
