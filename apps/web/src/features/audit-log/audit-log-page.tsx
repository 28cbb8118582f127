// Change history of a plan: every audited change, newest first, with filters and "load more", and
// a revert of one change or of everything saved together (a batch). A revert is a version-checked
// write: when a value moved on since, the server writes nothing and we show what is in the way.
// New changes committed by anyone appear at the top without a reload.
import {
  type AuditEntryFieldsFragment,
  AuditFilterOptionsDocument,
  type AuditLogFilter,
  PlanAuditLogDocument,
  RevertChangeDocument,
  type RevertChangeMutation,
  request,
} from '@ntm/graphql-client';
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { PlanHeader } from '../../app/plan-layout';
import { describeSaveFailure, type SaveFailure } from '../../app/save-failure';
import { useQuery } from '../../app/use-query';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import { usePlanChanges } from '../live-updates/use-plan-changes';
import { RequestError } from '../plans/request-error';
import { formatDateTime } from '../versions/money-text';
import { isRevertible, mergeNewest } from './audit-entries';
import { AuditValue } from './audit-value';
import './audit-log.css';
import { useSession } from '../session/session-provider';

const PAGE_SIZE = 25;

type Filters = { communeId: string; sourceId: string; actor: string; from: string; to: string };
const NO_FILTERS: Filters = { communeId: '', sourceId: '', actor: '', from: '', to: '' };

function toApiFilter(planId: string, filters: Filters): AuditLogFilter {
  // datetime-local values are local wall-clock times; the API wants instants.
  const instant = (value: string) => (value ? new Date(value).toISOString() : null);
  return {
    planId,
    communeId: filters.communeId || null,
    sourceId: filters.sourceId || null,
    actor: filters.actor.trim() || null,
    from: instant(filters.from),
    to: instant(filters.to),
  };
}

type ListState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; entries: AuditEntryFieldsFragment[]; endCursor: string | null; hasMore: boolean };

type RevertConflicts = Extract<
  RevertChangeMutation['revertChange'],
  { __typename: 'RevertConflictError' }
>['conflicts'];

type RevertState =
  | { status: 'idle' }
  | { status: 'reverting'; key: string }
  | { status: 'done'; count: number }
  | { status: 'conflict'; conflicts: RevertConflicts }
  | { status: 'failed'; failure: SaveFailure };

function RevertResult({ state }: { state: RevertState }) {
  const t = useT();
  const [locale] = useLocale();
  if (state.status === 'done') {
    return (
      <p className="notice notice--inline audit-result" role="status">
        {t('audit.revert.done', { count: state.count })}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="notice notice--error audit-result" role="alert">
        <p className="notice__title">{t('audit.revert.failedTitle')}</p>
        <p>{describeSaveFailure(state.failure, locale, t)}</p>
      </div>
    );
  }
  if (state.status !== 'conflict') return null;
  return (
    <div className="notice notice--error audit-result" role="alert" data-testid="revert-conflict">
      <p className="notice__title">{t('audit.revert.conflictTitle')}</p>
      <p>{t('audit.revert.conflictExplain', { count: state.conflicts.length })}</p>
      <ul>
        {state.conflicts.map((conflict, index) => (
          <li key={`${conflict.communeId}:${conflict.criterionId}:${conflict.sourceId}:${index}`}>
            {t('audit.revert.conflictItem', {
              what: `${t(`audit.entity.${conflict.entity}`)}${conflict.commune ? ` · ${conflict.commune.name}` : ''}`,
              version: conflict.currentVersion,
              expected: conflict.expectedVersion,
            })}
            {conflict.currentAmount != null && (
              <>
                {' '}
                {t('audit.revert.conflictNow')}{' '}
                <AuditValue entity={conflict.entity} values={{ amount: conflict.currentAmount }} />
              </>
            )}
            {conflict.changedBy && conflict.changedAt && (
              <>
                {' '}
                {t('audit.revert.conflictBy', {
                  actor: conflict.changedBy,
                  time: formatDateTime(conflict.changedAt, LOCALE_TAGS[locale]),
                })}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function FilterForm({ planId, onApply }: { planId: string; onApply: (filters: Filters) => void }) {
  const t = useT();
  const { state } = useQuery(AuditFilterOptionsDocument, { planId }, { refetchOnLocale: true });
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const id = useId();
  const options = state.status === 'ready' ? state.data : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const update = (field: keyof Filters) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  return (
    <form className="audit-filters" onSubmit={submit} aria-label={t('audit.filters.label')}>
      <label htmlFor={`${id}-commune`}>
        {t('audit.filters.commune')}
        <select id={`${id}-commune`} value={draft.communeId} onChange={update('communeId')}>
          <option value="">{t('audit.filters.all')}</option>
          {options?.plan?.communes.map(({ commune }) => (
            <option key={commune.id} value={commune.id}>
              {commune.name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-source`}>
        {t('audit.filters.source')}
        <select id={`${id}-source`} value={draft.sourceId} onChange={update('sourceId')}>
          <option value="">{t('audit.filters.all')}</option>
          {options?.fundingSources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-actor`}>
        {t('audit.filters.actor')}
        <input id={`${id}-actor`} value={draft.actor} onChange={update('actor')} />
      </label>
      <label htmlFor={`${id}-from`}>
        {t('audit.filters.from')}
        <input id={`${id}-from`} type="datetime-local" value={draft.from} onChange={update('from')} />
      </label>
      <label htmlFor={`${id}-to`}>
        {t('audit.filters.to')}
        <input id={`${id}-to`} type="datetime-local" value={draft.to} onChange={update('to')} />
      </label>
      <div className="audit-filters__actions">
        <button type="submit" className="button">
          {t('audit.filters.apply')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          {t('audit.filters.reset')}
        </button>
      </div>
    </form>
  );
}

function describeWhere(entry: AuditEntryFieldsFragment): string {
  const parts = [
    entry.commune?.name,
    entry.criterion ? `${entry.criterion.number}. ${entry.criterion.name}` : undefined,
    entry.source?.name,
  ].filter(Boolean);
  return parts.join(' · ');
}

export function AuditLogPage({ plan }: { plan: PlanHeader }) {
  const mayRevert = useSession().can('Mutation.revertChange');
  const t = useT();
  const [locale] = useLocale();
  const localeTag = LOCALE_TAGS[locale];
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [isLoadingMore, setLoadingMore] = useState(false);
  const [revert, setRevert] = useState<RevertState>({ status: 'idle' });
  const [liveCount, setLiveCount] = useState(0);
  const generation = useRef(0);

  const fetchPage = useCallback(
    (after: string | null) =>
      request(
        PlanAuditLogDocument,
        { filter: toApiFilter(plan.id, filters), first: PAGE_SIZE, after },
        { locale: localeTag },
      ),
    [plan.id, filters, localeTag],
  );

  const loadFirst = useCallback(() => {
    const current = ++generation.current;
    setList({ status: 'loading' });
    fetchPage(null)
      .then((data) => {
        if (current !== generation.current) return;
        setList({
          status: 'ready',
          entries: data.auditLog.edges.map((edge) => edge.node),
          endCursor: data.auditLog.pageInfo.endCursor ?? null,
          hasMore: data.auditLog.pageInfo.hasNextPage,
        });
      })
      .catch((error: unknown) => {
        if (current === generation.current) setList({ status: 'error', error });
      });
  }, [fetchPage]);

  useEffect(loadFirst, [loadFirst]);

  /** Puts entries newer than what is shown on top, keeping the pages already loaded. */
  const pullNewest = useCallback(() => {
    const current = generation.current;
    fetchPage(null)
      .then((data) => {
        if (current !== generation.current) return;
        const fresh = data.auditLog.edges.map((edge) => edge.node);
        setList((state) => {
          if (state.status !== 'ready') return state;
          const merged = mergeNewest(state.entries, fresh);
          return merged
            ? { ...state, entries: merged }
            : {
                status: 'ready',
                entries: fresh,
                endCursor: data.auditLog.pageInfo.endCursor ?? null,
                hasMore: data.auditLog.pageInfo.hasNextPage,
              };
        });
      })
      .catch(() => {
        // The next change or a manual reload will try again; the list on screen stays valid.
      });
  }, [fetchPage]);

  usePlanChanges(plan.id, (change) => {
    if (change.__typename === 'ViewersChanged') return;
    setLiveCount((count) => count + 1);
    pullNewest();
  });

  const loadMore = () => {
    if (list.status !== 'ready' || !list.endCursor) return;
    const current = generation.current;
    setLoadingMore(true);
    fetchPage(list.endCursor)
      .then((data) => {
        if (current !== generation.current) return;
        setList((state) =>
          state.status === 'ready'
            ? {
                status: 'ready',
                entries: [...state.entries, ...data.auditLog.edges.map((edge) => edge.node)],
                endCursor: data.auditLog.pageInfo.endCursor ?? null,
                hasMore: data.auditLog.pageInfo.hasNextPage,
              }
            : state,
        );
      })
      .catch((error: unknown) => setList({ status: 'error', error }))
      .finally(() => setLoadingMore(false));
  };

  const runRevert = (key: string, input: { auditId?: string; batchId?: string }) => {
    setRevert({ status: 'reverting', key });
    request(RevertChangeDocument, { input }, { locale: localeTag })
      .then((result) => {
        const payload = result.revertChange;
        if (payload.__typename === 'RevertChangePayload') {
          setRevert({ status: 'done', count: payload.revertedCount });
          pullNewest();
        } else if (payload.__typename === 'RevertConflictError') {
          setRevert({ status: 'conflict', conflicts: payload.conflicts });
        } else {
          setRevert({
            status: 'failed',
            failure: { kind: 'input', code: payload.code, message: payload.message, locale },
          });
        }
      })
      .catch((error: unknown) => setRevert({ status: 'failed', failure: { kind: 'request', error } }));
  };

  const batchSizes = new Map<string, number>();
  if (list.status === 'ready') {
    for (const entry of list.entries) {
      if (entry.batchId) batchSizes.set(entry.batchId, (batchSizes.get(entry.batchId) ?? 0) + 1);
    }
  }
  const shownBatches = new Set<string>();

  return (
    <section className="screen audit-log" aria-labelledby="audit-heading">
      <div className="screen__header">
        <div>
          <h2 id="audit-heading">{t('audit.heading')}</h2>
          <p className="page__intro">{t('audit.intro')}</p>
        </div>
      </div>
      <FilterForm
        planId={plan.id}
        onApply={(next) => {
          setRevert({ status: 'idle' });
          setFilters(next);
        }}
      />
      <RevertResult state={revert} />
      <p className="visually-hidden" role="status">
        {liveCount > 0 ? t('audit.liveUpdated', { count: liveCount }) : ''}
      </p>

      {list.status === 'loading' && (
        <p className="notice notice--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('audit.loading')}
        </p>
      )}
      {list.status === 'error' && (
        <RequestError title={t('audit.errorTitle')} error={list.error} onRetry={loadFirst} />
      )}
      {list.status === 'ready' && list.entries.length === 0 && (
        <p className="screen__hint">{t('audit.empty')}</p>
      )}
      {list.status === 'ready' && list.entries.length > 0 && (
        <div className="table-scroll">
          <table className="data-table audit-table" data-testid="audit-table">
            <caption className="visually-hidden">{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.column.at')}</th>
                <th scope="col">{t('audit.column.actor')}</th>
                <th scope="col">{t('audit.column.origin')}</th>
                <th scope="col">{t('audit.column.what')}</th>
                <th scope="col" className="num">
                  {t('audit.column.change')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('audit.column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.entries.map((entry) => {
                const where = describeWhere(entry);
                const canRevert = mayRevert && isRevertible(entry, plan.status);
                const batchSize = entry.batchId ? (batchSizes.get(entry.batchId) ?? 0) : 0;
                const isFirstOfBatch = entry.batchId ? !shownBatches.has(entry.batchId) : false;
                if (entry.batchId) shownBatches.add(entry.batchId);
                const isBusy = revert.status === 'reverting';
                return (
                  <tr key={entry.id} data-testid="audit-row">
                    <td>
                      <time dateTime={entry.at}>{formatDateTime(entry.at, localeTag)}</time>
                    </td>
                    <td>{entry.actor}</td>
                    <td>
                      <span className="mini-badge">{t(`audit.origin.${entry.origin}`)}</span>
                    </td>
                    <th scope="row">
                      <span className="audit-table__entity">
                        {t(`audit.entity.${entry.entity}`)}
                        {entry.after?.revertOf && <> · {t('audit.isRevert')}</>}
                      </span>
                      {where && <span className="audit-table__where">{where}</span>}
                    </th>
                    <td className="num">
                      <AuditValue entity={entry.entity} values={entry.before} />{' '}
                      <span aria-hidden="true">→</span>
                      <span className="visually-hidden">{t('audit.to')}</span>{' '}
                      <AuditValue entity={entry.entity} values={entry.after} />
                    </td>
                    <td className="audit-table__actions">
                      {canRevert && (
                        <button
                          type="button"
                          className="button button--quiet"
                          disabled={isBusy}
                          aria-label={t('audit.revert.oneLabel', {
                            what: where || t(`audit.entity.${entry.entity}`),
                          })}
                          onClick={() => runRevert(entry.id, { auditId: entry.id })}
                        >
                          {t('audit.revert.one')}
                        </button>
                      )}
                      {canRevert && entry.batchId && batchSize > 1 && isFirstOfBatch && (
                        <button
                          type="button"
                          className="button button--quiet"
                          disabled={isBusy}
                          onClick={() => runRevert(entry.batchId ?? '', { batchId: entry.batchId ?? '' })}
                        >
                          {t('audit.revert.batch', { count: batchSize })}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {list.status === 'ready' && list.hasMore && (
        <div className="page__more">
          <button type="button" className="button" onClick={loadMore} disabled={isLoadingMore}>
            {isLoadingMore ? t('audit.loadingMore') : t('audit.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}
