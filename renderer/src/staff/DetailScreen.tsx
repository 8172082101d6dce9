import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CallError } from '../data/CallError.tsx';
import { useKioskAction, useKioskQuery } from '../data/use-kiosk-data.ts';
import { NO_VALUE } from '../i18n/format.ts';
import { useFormat } from '../i18n/use-format.ts';
import { BodyMapFigure } from './BodyMapFigure.tsx';
import { ChangesPanel } from './ChangesPanel.tsx';
import { downloadPdf } from './download.ts';
import { FlagsPanel, VerdictLine } from './FlagsPanel.tsx';
import { EMPTY_OUTCOME, OutcomeLine, OutcomePicker, outcomeToSend, type OutcomeDraft } from './OutcomePicker.tsx';
import { PdfPanel } from './PdfPanel.tsx';
import type { AcknowledgementOutcome } from '../../../api/contract.ts';

interface DetailScreenProps {
  readonly submissionId: string;
  readonly onBack: () => void;
}

/** One client's submission: flags to acknowledge, changes, body map, answers and the signed PDF. */
export function DetailScreen({ submissionId, onBack }: DetailScreenProps) {
  const { t } = useTranslation('staff');
  const format = useFormat();
  const loaded = useKioskQuery((api) => api.getSubmission({ submissionId }), [submissionId]);
  const ackCall = useKioskAction((api, flagsRead: readonly string[], outcome: AcknowledgementOutcome | null) =>
    api.acknowledgeSubmission({ submissionId, flagsRead: [...flagsRead], ...(outcome ? { outcome: { code: outcome.code, ...(outcome.note ? { note: outcome.note } : {}) } } : {}) }),
  );
  const printCall = useKioskAction((api) => api.printSubmission({ submissionId }));
  const exportCall = useKioskAction((api) => api.exportSubmission({ submissionId }));
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<OutcomeDraft>(EMPTY_OUTCOME);
  const [done, setDone] = useState<string | null>(null);
  const busy = ackCall.isBusy || printCall.isBusy || exportCall.isBusy;
  const detail = loaded.data;

  if (!detail) {
    return (
      <section className="staff-panel" aria-labelledby="detail-title">
        <h2 id="detail-title">{t('detail.loadingTitle')}</h2>
        {loaded.isLoading ? <p aria-busy="true">{t('common.loading')}</p> : <CallError errors={[loaded.error]} />}
        <button type="button" className="button secondary" onClick={onBack}>
          {t('detail.backToList')}
        </button>
      </section>
    );
  }

  const isAcknowledged = detail.acknowledgement.status === 'acknowledged';
  const mustTick = detail.flags.filter((f) => f.mustTick);
  const allTicked = mustTick.every((f) => ticked.has(f.code));
  // A stop or clearance flag needs the outcome too (what happened with the client).
  const needsOutcome = mustTick.length > 0;
  const toSend = outcomeToSend(outcome);
  const canAcknowledge = allTicked && (!needsOutcome || toSend !== null);
  const ackHint = !allTicked ? t('detail.tickHint') : needsOutcome && toSend === null ? (outcome.code === 'other' ? t('outcome.noteHint') : t('outcome.chooseHint')) : null;

  const tick = (code: string, isTicked: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (isTicked) next.add(code);
      else next.delete(code);
      return next;
    });

  // One outcome line for the three actions: the last one's success, or its refusal.
  const acknowledge = async () => {
    setDone(null);
    const result = await ackCall.run([...ticked], needsOutcome ? toSend : null);
    if (!result.ok) return;
    loaded.setData((d) => ({ ...d, acknowledgement: result.value }));
    setDone(t('detail.acknowledged'));
  };

  const print = async () => {
    setDone(null);
    const result = await printCall.run();
    if (!result.ok) return;
    if (result.value.kind === 'pdf') {
      downloadPdf(result.value.pdfBase64, `intake-summary-${submissionId.slice(0, 8)}.pdf`);
      setDone(t('detail.printedAsDownload'));
    } else {
      setDone(t('detail.printed'));
    }
  };

  const exportAgain = async () => {
    setDone(null);
    const result = await exportCall.run();
    if (!result.ok) return;
    setDone(t('detail.exported', { fileName: result.value.fileName }));
  };

  return (
    <article className="staff-panel detail" aria-labelledby="detail-title">
      <div className="detail-top">
        <button type="button" className="button secondary" onClick={onBack}>
          {t('detail.backArrow')}
        </button>
        <div className="detail-actions">
          <button type="button" className="button secondary" disabled={busy} onClick={() => void print()}>
            {t('detail.print')}
          </button>
          <button type="button" className="button secondary" disabled={busy} onClick={() => void exportAgain()}>
            {t('detail.exportAgain')}
          </button>
        </div>
      </div>
      <header className="detail-header">
        <h2 id="detail-title">{detail.clientName}</h2>
        {detail.undrawableInName.length > 0 ? (
          <p className="error-text" role="note">
            {t('detail.undrawableName', { codes: detail.undrawableInName.map((c) => `[${c}]`).join(t('common.listSeparator')) })}
          </p>
        ) : null}
        <dl className="detail-facts">
          <div>
            <dt>{t('detail.dateOfBirth')}</dt>
            <dd>
              {detail.dateOfBirth ? format.date(detail.dateOfBirth) : (detail.dateOfBirthText ?? NO_VALUE)}
              {detail.age !== null ? ` ${t('detail.age', { age: detail.age })}` : ''}
            </dd>
          </div>
          {detail.guardian ? (
            <div className="detail-guardian" data-testid="detail-guardian">
              <dt>{t('detail.guardian')}</dt>
              <dd>{detail.guardian}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('detail.visit')}</dt>
            <dd>{format.dateTime(detail.createdAt)}</dd>
          </div>
          <div>
            <dt>{t('detail.language')}</dt>
            <dd>{format.language(detail.language)}</dd>
          </div>
          <div>
            <dt>{t('detail.form')}</dt>
            <dd>{t('detail.formVersion', { title: detail.formTitle, version: detail.formVersion })}</dd>
          </div>
        </dl>
      </header>
      <div className="detail-notice" aria-live="polite">
        {done ? <p className="ok-text">{done}</p> : null}
      </div>
      <CallError errors={[ackCall.error, printCall.error, exportCall.error]} />

      <section className="detail-block" aria-labelledby="flags-title">
        <h3 id="flags-title">{t('detail.flagsTitle')}</h3>
        <VerdictLine flags={detail.flags} />
        <FlagsPanel flags={detail.flags} ticked={ticked} onTick={isAcknowledged ? null : tick} />
        {!isAcknowledged && needsOutcome ? <OutcomePicker value={outcome} onChange={setOutcome} disabled={busy} /> : null}
        <div className="ack-row">
          {isAcknowledged ? (
            <div className="ack-done-block">
              <p className="ack-done" data-testid="ack-status">
                {detail.acknowledgement.at
                  ? t('detail.acknowledgedByOn', { name: detail.acknowledgement.byName ?? t('detail.someStaffMember'), when: format.dateTime(detail.acknowledgement.at) })
                  : t('detail.acknowledgedBy', { name: detail.acknowledgement.byName ?? t('detail.someStaffMember') })}
              </p>
              {detail.acknowledgement.outcome ? <OutcomeLine outcome={detail.acknowledgement.outcome} /> : null}
            </div>
          ) : (
            <>
              <button type="button" className="button primary large" disabled={!canAcknowledge || busy} onClick={() => void acknowledge()}>
                {t('detail.acknowledge')}
              </button>
              {ackHint ? <p className="ack-hint">{ackHint}</p> : null}
            </>
          )}
        </div>
      </section>

      {detail.changes ? <ChangesPanel changes={detail.changes} /> : null}

      <section className="detail-block" aria-labelledby="where-title">
        <h3 id="where-title">{t('detail.whereTitle')}</h3>
        <div className="where-grid">
          {detail.bodyMap ? <BodyMapFigure map={detail.bodyMap} /> : null}
          <dl className="key-facts">
            {detail.pain ? (
              <div>
                <dt>{detail.pain.label}</dt>
                <dd className="pain-value">{detail.pain.text}</dd>
              </div>
            ) : null}
            {detail.painFacts.map((f) => (
              <div key={f.questionId}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>

      <section className="detail-block" aria-labelledby="prefs-title">
        <h3 id="prefs-title">{t('detail.preferencesTitle')}</h3>
        <dl className="key-facts">
          {detail.preferences.map((f) => (
            <div key={f.questionId}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="detail-block" aria-labelledby="answers-title">
        <h3 id="answers-title">{t('detail.answersTitle')}</h3>
        {detail.sections.map((section) => (
          <div key={section.stepId} className="answer-section">
            <h4>{section.title}</h4>
            <dl className="answer-list">
              {section.items.map((item) => (
                <div key={item.questionId}>
                  <dt>{item.label}</dt>
                  <dd>{item.value}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </section>

      <PdfPanel submissionId={submissionId} />
    </article>
  );
}
