import { useCallback, useEffect, useState } from 'react';
import type { SubmissionDetail } from '../../../api/contract.ts';
import type { ApiError } from '../../../api/result.ts';
import { BodyMapFigure } from './BodyMapFigure.tsx';
import { ChangesPanel } from './ChangesPanel.tsx';
import { downloadPdf } from './download.ts';
import { FlagsPanel } from './FlagsPanel.tsx';
import { PdfPanel } from './PdfPanel.tsx';

interface DetailScreenProps {
  readonly submissionId: string;
  readonly onBack: () => void;
  readonly onError: (error: ApiError) => void;
}

type Notice = { readonly tone: 'ok' | 'error'; readonly text: string } | null;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One client's submission: flags to acknowledge, changes, body map, answers and the signed PDF. */
export function DetailScreen({ submissionId, onBack, onError }: DetailScreenProps) {
  const [detail, setDetail] = useState<SubmissionDetail | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<'ack' | 'print' | 'export' | null>(null);

  const fail = useCallback(
    (error: ApiError) => {
      setNotice({ tone: 'error', text: error.message });
      onError(error);
    },
    [onError],
  );

  useEffect(() => {
    let isCancelled = false;
    void window.kiosk.getSubmission({ submissionId }).then((result) => {
      if (isCancelled) return;
      if (result.ok) setDetail(result.value);
      else fail(result.error);
    });
    return () => {
      isCancelled = true;
    };
  }, [submissionId, fail]);

  if (!detail) {
    return (
      <section className="staff-panel" aria-labelledby="detail-title">
        <h2 id="detail-title">Client summary</h2>
        {notice ? <p className="error-text">{notice.text}</p> : <p aria-busy="true">Loading…</p>}
        <button type="button" className="button secondary" onClick={onBack}>
          Back to the list
        </button>
      </section>
    );
  }

  const isAcknowledged = detail.acknowledgement.status === 'acknowledged';
  const mustTick = detail.flags.filter((f) => f.mustTick);
  const allTicked = mustTick.every((f) => ticked.has(f.code));

  const tick = (code: string, isTicked: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (isTicked) next.add(code);
      else next.delete(code);
      return next;
    });

  const acknowledge = async () => {
    setBusy('ack');
    const result = await window.kiosk.acknowledgeSubmission({ submissionId, flagsRead: [...ticked] });
    setBusy(null);
    if (!result.ok) return fail(result.error);
    setDetail({ ...detail, acknowledgement: result.value });
    setNotice({ tone: 'ok', text: 'Acknowledged. Recorded in the audit log.' });
  };

  const print = async () => {
    setBusy('print');
    const result = await window.kiosk.printSubmission({ submissionId });
    setBusy(null);
    if (!result.ok) return fail(result.error);
    if (result.value.kind === 'pdf') {
      downloadPdf(result.value.pdfBase64, `intake-summary-${submissionId.slice(0, 8)}.pdf`);
      setNotice({ tone: 'ok', text: 'No printer here: the signed PDF was downloaded. Open it to print.' });
    } else {
      setNotice({ tone: 'ok', text: 'Sent to the printer.' });
    }
  };

  const exportAgain = async () => {
    setBusy('export');
    const result = await window.kiosk.exportSubmission({ submissionId });
    setBusy(null);
    if (!result.ok) return fail(result.error);
    setNotice({ tone: 'ok', text: `Exported to the export folder as ${result.value.fileName}.` });
  };

  return (
    <article className="staff-panel detail" aria-labelledby="detail-title">
      <div className="detail-top">
        <button type="button" className="button secondary" onClick={onBack}>
          ← Back to the list
        </button>
        <div className="detail-actions">
          <button type="button" className="button secondary" disabled={busy !== null} onClick={() => void print()}>
            Print
          </button>
          <button type="button" className="button secondary" disabled={busy !== null} onClick={() => void exportAgain()}>
            Export again
          </button>
        </div>
      </div>
      <header className="detail-header">
        <h2 id="detail-title">{detail.clientName}</h2>
        {detail.undrawableInName.length > 0 ? (
          <p className="error-text" role="note">
            Part of this name could not be drawn in the signed PDF: it shows {detail.undrawableInName.map((c) => `[${c}]`).join(', ')} in place of
            the character. Check the name with the client.
          </p>
        ) : null}
        <dl className="detail-facts">
          <div>
            <dt>Date of birth</dt>
            <dd>
              {detail.dateOfBirthText ?? '–'}
              {detail.age !== null ? ` (age ${detail.age})` : ''}
            </dd>
          </div>
          <div>
            <dt>Visit</dt>
            <dd>{detail.visitText}</dd>
          </div>
          <div>
            <dt>Language</dt>
            <dd>{detail.languageName}</dd>
          </div>
          <div>
            <dt>Form</dt>
            <dd>
              {detail.formTitle} (v{detail.formVersion})
            </dd>
          </div>
        </dl>
      </header>
      <div className="detail-notice" aria-live="polite">
        {notice ? <p className={notice.tone === 'ok' ? 'ok-text' : 'error-text'}>{notice.text}</p> : null}
      </div>

      <section className="detail-block" aria-labelledby="flags-title">
        <h3 id="flags-title">May I treat today?</h3>
        <FlagsPanel flags={detail.flags} ticked={ticked} onTick={isAcknowledged ? null : tick} />
        <div className="ack-row">
          {isAcknowledged ? (
            <p className="ack-done" data-testid="ack-status">
              ✓ Acknowledged by {detail.acknowledgement.byName ?? 'a staff member'}
              {detail.acknowledgement.at ? ` on ${dateTime.format(new Date(detail.acknowledgement.at))}` : ''}.
            </p>
          ) : (
            <>
              <button type="button" className="button primary large" disabled={!allTicked || busy !== null} onClick={() => void acknowledge()}>
                Acknowledge
              </button>
              {!allTicked ? <p className="ack-hint">Tick each stop and clearance flag as read to acknowledge.</p> : null}
            </>
          )}
        </div>
      </section>

      {detail.changes ? <ChangesPanel changes={detail.changes} /> : null}

      <section className="detail-block" aria-labelledby="where-title">
        <h3 id="where-title">Where it hurts</h3>
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
        <h3 id="prefs-title">Preferences</h3>
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
        <h3 id="answers-title">All answers</h3>
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

      <PdfPanel submissionId={submissionId} onError={onError} />
    </article>
  );
}
