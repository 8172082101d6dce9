import { useTranslation } from 'react-i18next';
import { weakensSafety, type ScreeningChange } from '../../../../forms/engine/index.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import type { DraftRule } from './draft-edit.ts';
import { ScreeningChanges } from './ScreeningChanges.tsx';

export interface ReviewState {
  readonly liveVersion: number;
  /** Null when the live version's rules could not be read. */
  readonly changes: readonly ScreeningChange<DraftRule>[] | null;
}

interface PublishReviewProps {
  readonly review: ReviewState;
  readonly defaultLanguage: string;
  readonly onPublish: () => void;
  readonly onCancel: () => void;
}

/** The publish confirm: what changes in screening against the live version, in sentences, then Publish or Not yet. */
export function PublishReview({ review, defaultLanguage, onPublish, onCancel }: PublishReviewProps) {
  const { t } = useTranslation('admin');
  const { changes, liveVersion } = review;
  const weakens = changes?.some(weakensSafety) ?? false;
  return (
    <ConfirmDialog
      title={t('safety.publishTitle')}
      confirmLabel={t('safety.publishConfirm')}
      cancelLabel={t('safety.publishCancel')}
      isDanger={weakens}
      onConfirm={onPublish}
      onCancel={onCancel}
      testId="publish-review"
    >
      {changes === null ? (
        <p className="admin-warn">{t('safety.publishLiveUnreadable')}</p>
      ) : changes.length === 0 ? (
        <p>{t('safety.publishNoChanges', { version: liveVersion })}</p>
      ) : (
        <>
          <p>{t('safety.publishIntro', { version: liveVersion })}</p>
          {weakens ? <p className="admin-warn">{t('safety.publishWarning')}</p> : null}
          <ScreeningChanges changes={changes} defaultLanguage={defaultLanguage} />
        </>
      )}
      <p>{t('safety.publishAfter')}</p>
    </ConfirmDialog>
  );
}
