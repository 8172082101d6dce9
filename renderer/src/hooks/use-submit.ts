import { useCallback, useEffect, useRef, type Dispatch } from 'react';
import type { FormDefinition } from '../../../forms/engine/index.ts';
import { toWireAnswers } from '../lib/wire-answers.ts';
import type { SessionAction, SessionState } from '../lib/session.ts';

/**
 * Sends the intake once at a time. A second tap while a send is in flight is ignored
 * (the ref flips synchronously, before React re-renders the disabled button), and every
 * retry re-sends the same submissionId, so the main process stores it at most once.
 */
export function useSubmit(form: FormDefinition, state: SessionState, dispatch: Dispatch<SessionAction>): () => void {
  const inFlight = useRef(false);
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);

  return useCallback(() => {
    const s = latest.current;
    if (inFlight.current || s.submissionId === null || s.startedAt === null) return;
    inFlight.current = true;
    dispatch({ type: 'submitting' });
    const request = {
      submissionId: s.submissionId,
      formId: form.id,
      formVersion: form.version,
      language: s.language,
      answers: toWireAnswers(s.answers),
      startedAt: s.startedAt,
    };
    window.kiosk
      .submitIntake(request)
      .then((result) => {
        if (result.ok) dispatch({ type: 'submitted', receipt: result.value });
        else if (result.error.code === 'invalid_request') dispatch({ type: 'submitFailed', status: 'invalid' });
        else if (result.error.code === 'conflict') dispatch({ type: 'submitFailed', status: 'conflict' });
        else dispatch({ type: 'submitFailed', status: 'failed' });
      })
      .catch(() => dispatch({ type: 'submitFailed', status: 'failed' }))
      .finally(() => {
        inFlight.current = false;
      });
  }, [form, dispatch]);
}
