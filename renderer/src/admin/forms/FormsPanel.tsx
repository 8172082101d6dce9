import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDraft, FormVersionSummary } from '../../../../api/contract.ts';
import { diffScreening, localize, type FormDefinitionError } from '../../../../forms/engine/index.ts';
import { parseDefinitionToPublish } from '../../../../forms/engine/publish.ts';
import { CallError } from '../../data/CallError.tsx';
import { useKioskAction, useKioskQuery } from '../../data/use-kiosk-data.ts';
import { downloadText } from '../files.ts';
import { DefinitionErrors } from './DefinitionErrors.tsx';
import { LocalizedInput } from './LocalizedInput.tsx';
import { PreviewPane } from './PreviewPane.tsx';
import { PublishReview, type ReviewState } from './PublishReview.tsx';
import { RulesEditor } from './RulesEditor.tsx';
import { StepEditor } from './StepEditor.tsx';
import { VersionsList } from './VersionsList.tsx';
import { move, newStep, removeAt, replaceAt, rulesOfJson, toDraft, toJson, type DraftForm } from './draft-edit.ts';
import { CodeInput } from './CodeInput.tsx';

type Section = { readonly kind: 'form' } | { readonly kind: 'step'; readonly index: number } | { readonly kind: 'rules' };

/**
 * The form editor: the draft (edited here, saved on request), its problems as you go,
 * a live preview, publish, the versions list, and JSON import/export.
 */
export function FormsPanel() {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState<DraftForm | null>(null);
  const [meta, setMeta] = useState<Pick<FormDraft, 'basedOn' | 'live' | 'updatedAt'> | null>(null);
  const [dirty, setDirty] = useState(false);
  const [section, setSection] = useState<Section>({ kind: 'step', index: 0 });
  const [status, setStatus] = useState('');
  const [importErrors, setImportErrors] = useState<readonly FormDefinitionError[]>([]);
  const [publishErrors, setPublishErrors] = useState<readonly FormDefinitionError[]>([]);
  const fileRef = useRef<HTMLInputElement>(null);
  // Publishing first shows what changes in screening against the live version, then asks.
  const [review, setReview] = useState<ReviewState | null>(null);

  const adopt = (d: FormDraft) => {
    setDraft(toDraft(d.definition));
    setMeta({ basedOn: d.basedOn, live: d.live, updatedAt: d.updatedAt });
    setDirty(false);
  };

  // The saved draft seeds the editable copy; reload() after a publish brings the new one.
  const savedDraft = useKioskQuery((api) => api.adminGetFormDraft({}), [], { onData: adopt });
  const versionList = useKioskQuery((api) => api.adminListFormVersions({}), []);
  const versions = versionList.data?.versions ?? [];
  const saveCall = useKioskAction((api, definition: Record<string, unknown>) => api.adminSaveFormDraft({ definition }));
  const publishCall = useKioskAction((api, definition: Record<string, unknown>) => api.adminPublishForm({ definition }));
  const exportCall = useKioskAction((api, formId: string, version: number) => api.adminExportFormVersion({ formId, version }));
  const liveCall = useKioskAction((api, formId: string, version: number) => api.adminExportFormVersion({ formId, version }));
  const restoreCall = useKioskAction((api, formId: string, version: number) => api.adminRestoreFormVersion({ formId, version }));
  const importCall = useKioskAction((api, json: string) => api.adminImportForm({ json }));
  const callErrors = [savedDraft.error, versionList.error, saveCall.error, publishCall.error, liveCall.error, exportCall.error, restoreCall.error, importCall.error];

  // Checked on the deferred copy so typing stays responsive on a large form.
  const deferred = useDeferredValue(draft);
  const checked = useMemo(() => (deferred ? parseDefinitionToPublish(toJson(deferred)) : null), [deferred]);
  const errors = checked && !checked.ok ? checked.errors : [];
  const parsed = checked?.ok ? checked.form : null;

  if (!draft || !meta) return savedDraft.isLoading ? <p aria-busy="true">{t('forms.loading')}</p> : <CallError errors={callErrors} />;

  const edit = (next: DraftForm) => {
    setDraft(next);
    setDirty(true);
    setPublishErrors([]);
  };

  const save = async () => {
    setStatus('');
    const r = await saveCall.run(toJson(draft));
    if (!r.ok) return;
    setMeta({ basedOn: r.value.basedOn, live: r.value.live, updatedAt: r.value.updatedAt });
    setDirty(false);
    setStatus(r.value.errors.length === 0 ? t('forms.savedClean') : t('forms.savedWithProblems', { count: r.value.errors.length }));
  };

  const reviewPublish = async () => {
    setStatus('');
    const r = await liveCall.run(meta.live.formId, meta.live.version);
    if (!r.ok) return;
    const liveRules = rulesOfJson(r.value.json);
    setReview({ liveVersion: meta.live.version, changes: liveRules ? diffScreening(liveRules, draft.rules) : null });
  };

  const publish = async () => {
    setReview(null);
    setStatus('');
    const r = await publishCall.run(toJson(draft));
    if (!r.ok) return;
    if (r.value.status === 'invalid') {
      setPublishErrors(r.value.errors);
      setStatus(t('forms.notPublished'));
      return;
    }
    setPublishErrors([]);
    setStatus(t('forms.published', { version: r.value.version }));
    savedDraft.reload();
    versionList.reload();
  };

  const exportVersion = async (v: { formId: string; version: number }) => {
    setStatus('');
    const r = await exportCall.run(v.formId, v.version);
    if (!r.ok) return;
    downloadText(r.value.fileName, r.value.json, 'application/json');
    setStatus(t('forms.exported', { fileName: r.value.fileName }));
  };

  const restore = async (v: FormVersionSummary) => {
    setStatus('');
    const r = await restoreCall.run(v.formId, v.version);
    if (!r.ok) return;
    adopt(r.value);
    setSection({ kind: 'step', index: 0 });
    setStatus(t('forms.restored', { version: v.version }));
  };

  const importFile = async (file: File) => {
    setStatus('');
    const json = await file.text();
    const r = await importCall.run(json);
    if (fileRef.current) fileRef.current.value = '';
    if (!r.ok) return;
    if (r.value.status === 'invalid') {
      setImportErrors(r.value.errors);
      setStatus(t('forms.importInvalid', { fileName: file.name }));
      return;
    }
    setImportErrors([]);
    adopt(r.value.draft);
    setSection({ kind: 'step', index: 0 });
    setStatus(t('forms.imported', { fileName: file.name }));
  };

  const stepIndex = section.kind === 'step' ? Math.min(section.index, draft.steps.length - 1) : 0;
  const current = draft.steps[stepIndex];
  const topErrors = errors.filter((e) => !e.path.startsWith('steps[') && !e.path.startsWith('rules['));

  return (
    <div className="forms-panel">
      <div className="admin-toolbar">
        <p className="draft-meta">
          {t('forms.live')} <strong>{t('forms.versionShort', { version: meta.live.version })}</strong>.{' '}
          {meta.basedOn ? t('forms.draftBasedOn', { version: meta.basedOn.version }) : t('forms.draftImported')}
          {' · '}
          {dirty ? t('forms.unsaved') : meta.updatedAt ? t('forms.saved') : t('forms.notEdited')}
          {' · '}
          {errors.length === 0 ? <span className="admin-ok">{t('forms.noProblems')}</span> : <span className="admin-warn">{t('forms.problems', { count: errors.length })}</span>}
        </p>
        <div className="item-actions">
          <button type="button" className="button secondary" disabled={saveCall.isBusy} onClick={() => void save()}>
            {t('forms.saveDraft')}
          </button>
          <button type="button" className="button primary" disabled={publishCall.isBusy || liveCall.isBusy} onClick={() => void reviewPublish()}>
            {t('forms.publish')}
          </button>
          <button type="button" className="button secondary" onClick={() => void exportVersion(meta.live)}>
            {t('forms.exportLive')}
          </button>
          <label className="button secondary file-button" htmlFor="import-file">
            {t('forms.importJson')}
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
      <CallError errors={callErrors} />
      <DefinitionErrors id="import-errors" title={t('forms.importErrorsTitle')} errors={importErrors} />
      <DefinitionErrors id="publish-errors" title={t('forms.publishErrorsTitle')} errors={publishErrors} />

      <nav className="section-tabs" aria-label={t('forms.partsLabel')}>
        <button type="button" className={`button small ${section.kind === 'form' ? 'primary' : 'secondary'}`} aria-current={section.kind === 'form' || undefined} onClick={() => setSection({ kind: 'form' })}>
          {t('forms.formTab')}
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
            {errors.some((e) => e.path.startsWith(`steps[${i}]`)) ? <span aria-label={t('forms.stepHasProblems')}> ⚠</span> : null}
          </button>
        ))}
        <button type="button" className={`button small ${section.kind === 'rules' ? 'primary' : 'secondary'}`} aria-current={section.kind === 'rules' || undefined} onClick={() => setSection({ kind: 'rules' })}>
          {t('forms.rulesTab', { count: draft.rules.length })}
          {errors.some((e) => e.path.startsWith('rules[')) ? <span aria-label={t('forms.rulesHaveProblems')}> ⚠</span> : null}
        </button>
      </nav>

      {section.kind === 'form' ? (
        <section className="step-editor" aria-labelledby="form-heading">
          <h3 id="form-heading">{t('forms.formTab')}</h3>
          <DefinitionErrors id="form-errors" title={t('forms.problemsTitle')} errors={topErrors} />
          <LocalizedInput id="form-title" label={t('forms.formTitle')} value={draft.title} languages={draft.languages} onChange={(title) => edit({ ...draft, title })} />
          <div className="field">
            <label htmlFor="form-languages" id="form-languages-label" className="field-label">
              {t('forms.formLanguages')}
            </label>
            <CodeInput
              id="form-languages"
              value={draft.languages.join(', ')}
              onChange={(text) =>
                edit({
                  ...draft,
                  languages: text
                    .split(',')
                    .map((s) => s.trim())
                    .filter((s) => s !== ''),
                })
              }
            />
          </div>
          <h4>{t('forms.steps')}</h4>
          <ol className="question-list-admin">
            {draft.steps.map((s, i) => (
              <li key={i} className="question-item">
                <div className="question-summary">
                  <span className="question-title">
                    {i + 1}. {localize(s.title, draft.defaultLanguage) || s.id} {t('forms.questionCount', { count: s.questions.length })}
                  </span>
                  <span className="item-actions">
                    <button type="button" className="button secondary small" disabled={i === 0} onClick={() => edit({ ...draft, steps: move(draft.steps, i, -1) })}>
                      {t('common.up')}
                      <span className="visually-hidden"> {t('forms.stepN', { n: i + 1 })}</span>
                    </button>
                    <button type="button" className="button secondary small" disabled={i === draft.steps.length - 1} onClick={() => edit({ ...draft, steps: move(draft.steps, i, 1) })}>
                      {t('common.down')}
                      <span className="visually-hidden"> {t('forms.stepN', { n: i + 1 })}</span>
                    </button>
                    <button type="button" className="button secondary small danger" disabled={draft.steps.length === 1} onClick={() => edit({ ...draft, steps: removeAt(draft.steps, i) })}>
                      {t('common.remove')}
                      <span className="visually-hidden"> {t('forms.stepN', { n: i + 1 })}</span>
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
            {t('forms.addStep')}
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

      {review ? <PublishReview review={review} defaultLanguage={draft.defaultLanguage} onPublish={() => void publish()} onCancel={() => setReview(null)} /> : null}
      <VersionsList versions={versions} onRestore={(v) => void restore(v)} onExport={(v) => void exportVersion(v)} />
    </div>
  );
}
