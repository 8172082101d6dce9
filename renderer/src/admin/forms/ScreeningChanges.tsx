import { useTranslation } from 'react-i18next';
import { isLowerSeverity, localize, weakensSafety, type ScreeningChange } from '../../../../forms/engine/index.ts';
import type { DraftRule } from './draft-edit.ts';

/** A rule as the sentences name it: its code and its title in the form's default language. */
type NamedRule = Pick<DraftRule, 'code' | 'severity' | 'when' | 'title'>;

interface ScreeningChangesProps {
  readonly changes: readonly ScreeningChange<NamedRule>[];
  readonly defaultLanguage: string;
}

/** One sentence per change in screening, weakenings of a stop or clearance rule marked ⚠ and first. */
export function ScreeningChanges({ changes, defaultLanguage }: ScreeningChangesProps) {
  const { t } = useTranslation('admin');
  const word = (severity: DraftRule['severity']) => t(`severityWord.${severity}`);
  const titleOf = (rule: NamedRule) => localize(rule.title, defaultLanguage) || t('rules.noTitle');
  const sentence = (c: ScreeningChange<NamedRule>): string => {
    switch (c.kind) {
      case 'removed':
        return t('safety.change.removed', { severity: word(c.before.severity), code: c.code, title: titleOf(c.before) });
      case 'severity':
        return t(isLowerSeverity(c.before.severity, c.after.severity) ? 'safety.change.lowered' : 'safety.change.raised', {
          code: c.code,
          title: titleOf(c.after),
          from: word(c.before.severity),
          to: word(c.after.severity),
        });
      case 'condition':
        return t('safety.change.condition', { severity: word(c.before.severity), code: c.code, title: titleOf(c.after), before: c.before.when.trim(), after: c.after.when.trim() });
      case 'added':
        return t('safety.change.added', { severity: word(c.after.severity), code: c.code, title: titleOf(c.after) });
    }
  };
  return (
    <ul className="screening-changes" data-testid="screening-changes">
      {changes.map((c) => {
        const weakens = weakensSafety(c);
        return (
          <li key={`${c.kind}-${c.code}`} className={weakens ? 'weakens' : undefined} data-change={c.kind} data-code={c.code}>
            {weakens ? (
              <span className="weakens-mark" role="img" aria-label={t('safety.weakens')}>
                ⚠
              </span>
            ) : null}{' '}
            {sentence(c)}
          </li>
        );
      })}
    </ul>
  );
}
