import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { FormDraft, FormVersionSummary } from '../../../../api/contract.ts';
import { localize, type FormDefinitionError } from '../../../../forms/engine/index.ts';
import { parseDefinitionToPublish } from '../../../../forms/engine/publish.ts';
import { downloadText } from '../files.ts';
import { DefinitionErrors } from './DefinitionErrors.tsx';
import { LocalizedInput } from './LocalizedInput.tsx';
import { PreviewPane } from './PreviewPane.tsx';
import { RulesEditor } from './RulesEditor.tsx';
import { StepEditor } from './StepEditor.tsx';
import { VersionsList } from './VersionsList.tsx';
import { move, newStep, removeAt, replaceAt, toDraft, toJson, type DraftForm } from './draft-edit.ts';

type Section = { readonly kind: 'form' } | { readonly kind: 'step'; readonly index: number } | { readonly kind: 'rules' };

/**
 * The form editor: the draft (edited here, saved on request), its problems as you go,
 * a live preview, publish, the versions list, and JSON import/export.
 */
export function FormsPanel({ onSessionEnded }: { readonly onSessionEnded: () => void }) {
  const [draft, setDraft] = useState<DraftForm | null>(null);
  const [meta, setMeta] = useState<Pick<FormDraft, 'basedOn' | 'live' | 'updatedAt'> | null>(null);
  const [dirty, setDirty] = useState(false);
  const [versions, setVersions] = useState<readonly FormVersionSummary[]>([]);
  const [section, setSection] = useState<Section>({ kind: 'step', index: 0 });
  const [status, setStatus] = useState('');
  const [importErrors, setImportErrors] = useState<readonly FormDefinitionError[]>([]);
  const [publishErrors, setPublishErrors] = useState<readonly FormDefinitionError[]>([]);
  const fileRef = useRef<HTMLInputElement>(null);

  const failed = useCallback(
    (error: { code: string; message: string }) => {
      if (error.code === 'unauthenticated') onSessionEnded();
      else setStatus(error.message);
    },
    [onSessionEnded],
  );

  const adopt = (d: FormDraft) => {
    setDraft(toDraft(d.definition));
    setMeta({ basedOn: d.basedOn, live: d.live, updatedAt: d.updatedAt });
    setDirty(false);
  };

  const loadVersions = useCallback(async () => {
    const r = await window.kiosk.adminListFormVersions({});
    if (r.ok) setVersions(r.value.versions);
    else failed(r.error);
  }, [failed]);

  useEffect(() => {
    void (async () => {
      const r = await window.kiosk.adminGetFormDraft({});
      if (r.ok) adopt(r.value);
      else failed(r.error);
      await loadVersions();
    })();
  }, [failed, loadVersions]);

  // Checked on the deferred copy so typing stays responsive on a large form.
  const deferred = useDeferredValue(draft);
  const checked = useMemo(() => (deferred ? parseDefinitionToPublish(toJson(deferred)) : null), [deferred]);
  const errors = checked && !checked.ok ? checked.errors : [];
  const parsed = checked?.ok ? checked.form : null;

  if (!draft || !meta) return <p aria-busy="true">Loading the form…</p>;

  const edit = (next: DraftForm) => {
    setDraft(next);
    setDirty(true);
    setPublishErrors([]);
  };

  const save = async () => {
    const r = await window.kiosk.adminSaveFormDraft({ definition: toJson(draft) });
    if (!r.ok) return failed(r.error);
    setMeta({ basedOn: r.value.basedOn, live: r.value.live, updatedAt: r.value.updatedAt });
    setDirty(false);
    setStatus(r.value.errors.length === 0 ? 'Draft saved. It has no problems and can be published.' : `Draft saved with ${r.value.errors.length} problem(s) to fix before publishing.`);
  };

  const publish = async () => {
    const r = await window.kiosk.adminPublishForm({ definition: toJson(draft) });
    if (!r.ok) return failed(r.error);
    if (r.value.status === 'invalid') {
      setPublishErrors(r.value.errors);
      setStatus('Not published: fix the problems listed below first.');
      return;
    }
    setPublishErrors([]);
    setStatus(`Published version ${r.value.version}. New clients get it from now on.`);
    const d = await window.kiosk.adminGetFormDraft({});
    if (d.ok) adopt(d.value);
    await loadVersions();
  };

  const exportVersion = async (v: { formId: string; version: number }) => {
    const r = await window.kiosk.adminExportFormVersion({ formId: v.formId, version: v.version });
    if (!r.ok) return failed(r.error);
    downloadText(r.value.fileName, r.value.json, 'application/json');
    setStatus(`Exported ${r.value.fileName}.`);
  };

  const restore = async (v: FormVersionSummary) => {
    const r = await window.kiosk.adminRestoreFormVersion({ formId: v.formId, version: v.version });
    if (!r.ok) return failed(r.error);
    adopt(r.value);
    setSection({ kind: 'step', index: 0 });
    setStatus(`Version ${v.version} restored as the draft. Publish it to make it live again.`);
  };

  const importFile = async (file: File) => {
    const json = await file.text();
    const r = await window.kiosk.adminImportForm({ json });
    if (fileRef.current) fileRef.current.value = '';
    if (!r.ok) return failed(r.error);
    if (r.value.status === 'invalid') {
      setImportErrors(r.value.errors);
      setStatus(`“${file.name}” was not imported: it has problems (listed below). Nothing was changed.`);
      return;
    }
    setImportErrors([]);
    adopt(r.value.draft);
    setSection({ kind: 'step', index: 0 });
    setStatus(`“${file.name}” imported as the draft. Review it, then publish.`);
  };

  const stepIndex = section.kind === 'step' ? Math.min(section.index, draft.steps.length - 1) : 0;
  const current = draft.steps[stepIndex];
  const topErrors = errors.filter((e) => !e.path.startsWith('steps[') && !e.path.startsWith('rules['));

  return (
    <div className="forms-panel">
      <div className="admin-toolbar">
        <p className="draft-meta">
          Live: <strong>v{meta.live.version}</strong>. Draft {meta.basedOn ? `based on v${meta.basedOn.version}` : 'imported from a file'}
          {dirty ? ' · unsaved changes' : meta.updatedAt ? ' · saved' : ' · not edited yet'}
          {' · '}
          {errors.length === 0 ? (
            <span className="admin-ok">✓ no problems</span>
          ) : (
            <span className="admin-warn">
              ⚠ {errors.length} problem{errors.length === 1 ? '' : 's'}
            </span>
          )}
        </p>
        <div className="item-actions">
          <button type="button" className="button secondary" onClick={() => void save()}>
            Save draft
          </button>
          <button type="button" className="button primary" onClick={() => void publish()}>
            Publish
          </button>
          <button type="button" className="button secondary" onClick={() => void exportVersion(meta.live)}>
            Export live version
          </button>
          <label className="button secondary file-button" htmlFor="import-file">
            Import JSON…
          </label>
          <input
            id="import-file"
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
            }}
          />
        </div>
      </div>
      <p role="status" className="admin-status" data-testid="admin-status">
        {status}
      </p>
      <DefinitionErrors id="import-errors" title="The file could not be imported" errors={importErrors} />
      <DefinitionErrors id="publish-errors" title="Not published" errors={publishErrors} />

      <nav className="section-tabs" aria-label="Parts of the form">
        <button type="button" className={`button small ${section.kind === 'form' ? 'primary' : 'secondary'}`} aria-current={section.kind === 'form' || undefined} onClick={() => setSection({ kind: 'form' })}>
          Form
        </button>
        {draft.steps.map((s, i) => (
          <button
            key={i}
            type="button"
            className={`button small ${section.kind === 'step' && stepIndex === i ? 'primary' : 'secondary'}`}
            aria-current={(section.kind === 'step' && stepIndex === i) || undefined}
            onClick={() => setSection({ kind: 'step', index: i })}
          >
            {i + 1}. {localize(s.title, draft.defaultLanguage) || s.id}
            {errors.some((e) => e.path.startsWith(`steps[${i}]`)) ? <span aria-label=" has problems"> ⚠</span> : null}
          </button>
        ))}
        <button type="button" className={`button small ${section.kind === 'rules' ? 'primary' : 'secondary'}`} aria-current={section.kind === 'rules' || undefined} onClick={() => setSection({ kind: 'rules' })}>
          Rules ({draft.rules.length}){errors.some((e) => e.path.startsWith('rules[')) ? <span aria-label=" have problems"> ⚠</span> : null}
        </button>
      </nav>

      {section.kind === 'form' ? (
        <section className="step-editor" aria-labelledby="form-heading">
          <h3 id="form-heading">Form</h3>
          <DefinitionErrors id="form-errors" title="Problems" errors={topErrors} />
          <LocalizedInput id="form-title" label="Form title" value={draft.title} languages={draft.languages} onChange={(title) => edit({ ...draft, title })} />
          <div className="field">
            <label htmlFor="form-languages" className="field-label">
              Languages of this form (codes, comma-separated, e.g. en, es)
            </label>
            <input
              id="form-languages"
              className="admin-input mono"
              value={draft.languages.join(', ')}
              onChange={(e) =>
                edit({
                  ...draft,
                  languages: e.target.value
                    .split(',')
                    .map((s) => s.trim())
                    .filter((s) => s !== ''),
                })
              }
            />
          </div>
          <h4>Steps</h4>
          <ol className="question-list-admin">
            {draft.steps.map((s, i) => (
              <li key={i} className="question-item">
                <div className="question-summary">
                  <span className="question-title">
                    {i + 1}. {localize(s.title, draft.defaultLanguage) || s.id} ({s.questions.length} questions)
                  </span>
                  <span className="item-actions">
                    <button type="button" className="button secondary small" disabled={i === 0} onClick={() => edit({ ...draft, steps: move(draft.steps, i, -1) })}>
                      ↑ Up<span className="visually-hidden"> step {i + 1}</span>
                    </button>
                    <button type="button" className="button secondary small" disabled={i === draft.steps.length - 1} onClick={() => edit({ ...draft, steps: move(draft.steps, i, 1) })}>
                      ↓ Down<span className="visually-hidden"> step {i + 1}</span>
                    </button>
                    <button type="button" className="button secondary small danger" disabled={draft.steps.length === 1} onClick={() => edit({ ...draft, steps: removeAt(draft.steps, i) })}>
                      Remove<span className="visually-hidden"> step {i + 1}</span>
                    </button>
                  </span>
                </div>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              edit({ ...draft, steps: [...draft.steps, newStep(draft)] });
              setSection({ kind: 'step', index: draft.steps.length });
            }}
          >
            + Add step
          </button>
        </section>
      ) : section.kind === 'rules' ? (
        <RulesEditor draft={draft} errors={errors} onChange={(rules) => edit({ ...draft, rules })} />
      ) : current ? (
        <div className="editor-and-preview">
          <StepEditor
            key={stepIndex}
            draft={draft}
            step={current}
            index={stepIndex}
            errors={errors.filter((e) => e.path.startsWith(`steps[${stepIndex}]`))}
            onChange={(step) => edit({ ...draft, steps: replaceAt(draft.steps, stepIndex, step) })}
          />
          <PreviewPane key={`preview-${stepIndex}`} draft={draft} parsed={parsed} errors={errors} stepIndex={stepIndex} />
        </div>
      ) : null}

      <VersionsList versions={versions} onRestore={(v) => void restore(v)} onExport={(v) => void exportVersion(v)} />
    </div>
  );
}
