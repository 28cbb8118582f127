// Shown in every plan screen's header: whether live updates are on, who else has this plan open,
// and the last change this page heard of. Announced politely to screen readers.
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/vi';
import './presence-bar.css';
import { type LastChange, useLiveStatus, usePlanPresence } from './use-plan-changes';

const ORIGINS = new Set(['API', 'GRID', 'IMPORT', 'OPTIMIZER', 'SEED', 'SYSTEM']);

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => word?.[0]?.toUpperCase() ?? '').join('') || '?';
}

function useDescribeLastChange(): (change: LastChange) => string {
  const t = useT();
  const [locale] = useLocale();
  return (change) => {
    const time = change.at.toLocaleTimeString(LOCALE_TAGS[locale]);
    const originCode = change.origin?.toUpperCase() ?? '';
    const origin = ORIGINS.has(originCode)
      ? t(`audit.origin.${originCode}` as MessageKey)
      : (change.origin ?? '');
    return t(`live.last.${change.kind}`, { count: change.cellCount, origin, time });
  };
}

export function PresenceBar({ planId }: { planId: string }) {
  const t = useT();
  const status = useLiveStatus();
  const { others, lastChange } = usePlanPresence(planId);
  const describe = useDescribeLastChange();
  return (
    <section className="presence-bar" aria-label={t('live.presenceLabel')} data-testid="presence-bar">
      <span className={`presence-bar__status presence-bar__status--${status}`}>
        <span className="presence-bar__dot" aria-hidden="true" />
        {t(`live.status.${status}`)}
      </span>
      {others.length === 0 ? (
        <span className="presence-bar__alone">{t('live.alone')}</span>
      ) : (
        <>
          <span className="presence-bar__count">{t('live.othersHere', { count: others.length })}</span>
          <ul className="presence-bar__viewers" aria-label={t('live.othersLabel')}>
            {others.map((viewer) => {
              const name = viewer.name ?? t('live.anonymous');
              return (
                <li key={viewer.sessionId} className="presence-bar__viewer" title={name}>
                  <span className="presence-bar__avatar" aria-hidden="true">
                    {initialsOf(name)}
                  </span>
                  <span className="presence-bar__name">{name}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <span className="presence-bar__last" role="status" data-testid="live-last-change">
        {lastChange ? describe(lastChange) : ''}
      </span>
    </section>
  );
}
