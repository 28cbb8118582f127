// What changed between a snapshot and another snapshot or the plan now: totals by commune,
// criterion or source, and the changed cells. Against "now" it refetches when a change is committed.
import { type DiffTotalFieldsFragment, PlanDiffDocument } from '@ntm/graphql-client';
import { useMemo, useState } from 'react';
import { describeSaveFailure } from '../../app/save-failure';
import { useQuery } from '../../app/use-query';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import { usePlanChanges } from '../live-updates/use-plan-changes';
import { RequestError } from '../plans/request-error';
import { DeltaText, MoneyText } from './money-text';
import type { VersionsData } from './versions-page';

/** Cells listed at most; the total count is always shown. */
const CELL_LIMIT = 500;

export type Grouping = 'commune' | 'criterion' | 'source';
const GROUPINGS: readonly Grouping[] = ['commune', 'criterion', 'source'];

export function TotalsTable({
  rows,
  grouping,
}: {
  rows: readonly DiffTotalFieldsFragment[];
  grouping: Grouping;
}) {
  const t = useT();
  return (
    <div className="table-scroll versions-diff__table">
      <table className="data-table" data-testid={`diff-by-${grouping}`}>
        <caption className="visually-hidden">{t(`versions.diff.by.${grouping}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`versions.diff.column.${grouping}`)}</th>
            <th scope="col" className="num">
              {t('versions.diff.column.before')}
            </th>
            <th scope="col" className="num">
              {t('versions.diff.column.after')}
            </th>
            <th scope="col" className="num">
              {t('versions.diff.column.delta')}
            </th>
            <th scope="col" className="num">
              {t('versions.diff.column.changedCells')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id ?? row.name}>
              <th scope="row">{row.name}</th>
              <td className="num">
                <MoneyText value={row.before} />
              </td>
              <td className="num">
                <MoneyText value={row.after} />
              </td>
              <td className="num">
                <DeltaText value={row.delta} />
              </td>
              <td className="num">{row.changedCells}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DiffView({
  planId,
  fromId,
  toId,
  names,
}: {
  planId: string;
  fromId: string;
  /** '' compares with the plan now. */
  toId: string;
  names: VersionsData;
}) {
  const t = useT();
  const [locale] = useLocale();
  const [grouping, setGrouping] = useState<Grouping>('commune');
  const [isChangedOnly, setChangedOnly] = useState(true);
  const [refreshedAt, setRefreshedAt] = useState<Date | null>(null);
  const { state, reload, refresh } = useQuery(
    PlanDiffDocument,
    { planId, from: fromId, to: toId || null, firstCells: CELL_LIMIT },
    { refetchOnLocale: true },
  );

  usePlanChanges(planId, (change) => {
    if (toId) return; // Two snapshots never change.
    if (
      change.__typename === 'CellsChanged' ||
      change.__typename === 'CapChanged' ||
      change.__typename === 'ResyncRequired'
    ) {
      refresh();
      setRefreshedAt(new Date());
    }
  });

  const labels = useMemo(() => {
    const communes = new Map(names.communes.map(({ commune }) => [commune.id, commune.name]));
    const criteria = new Map(
      names.criteriaSet.criteria.map((criterion) => [criterion.id, `${criterion.number}. ${criterion.name}`]),
    );
    const sources = new Map(names.fundingSources.map((source) => [source.id, source.name]));
    return { communes, criteria, sources };
  }, [names]);

  if (state.status === 'loading') {
    return (
      <p className="notice notice--loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('versions.diff.loading')}
      </p>
    );
  }
  if (state.status === 'error' || !state.data.plan) {
    return (
      <RequestError
        title={t('versions.diff.errorTitle')}
        error={state.status === 'error' ? state.error : null}
        onRetry={reload}
      />
    );
  }
  const diff = state.data.plan.diff;
  if (diff.__typename === 'InputError') {
    return (
      <p className="notice notice--error" role="alert">
        {describeSaveFailure({ kind: 'input', code: diff.code, message: diff.message, locale }, locale, t)}
      </p>
    );
  }

  const groups = { commune: diff.byCommune, criterion: diff.byCriterion, source: diff.bySource };
  const rows = groups[grouping].filter((row) => !isChangedOnly || row.changedCells > 0 || row.delta !== '0');
  const toName = diff.to?.name ?? t('versions.compare.now');

  return (
    <div className="versions-diff" data-testid="versions-diff">
      <dl className="versions-diff__summary" data-testid="diff-total">
        <div>
          <dt>{t('versions.diff.totalBefore', { name: diff.from.name })}</dt>
          <dd>
            <MoneyText value={diff.total.before} />
          </dd>
        </div>
        <div>
          <dt>{t('versions.diff.totalAfter', { name: toName })}</dt>
          <dd>
            <MoneyText value={diff.total.after} />
          </dd>
        </div>
        <div>
          <dt>{t('versions.diff.totalDelta')}</dt>
          <dd data-testid="diff-total-delta">
            <DeltaText value={diff.total.delta} />
          </dd>
        </div>
        <div>
          <dt>{t('versions.diff.changedCells')}</dt>
          <dd data-testid="diff-changed-cells">
            {diff.total.changedCells.toLocaleString(LOCALE_TAGS[locale])}
          </dd>
        </div>
      </dl>
      <p className="screen__hint" role="status">
        {t('versions.diff.unit')}
        {refreshedAt && !toId
          ? ` ${t('versions.diff.liveRefreshed', { time: refreshedAt.toLocaleTimeString(LOCALE_TAGS[locale]) })}`
          : ''}
      </p>

      <div className="versions-diff__toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('versions.diff.groupBy')}</legend>
          {GROUPINGS.map((option) => (
            <button
              key={option}
              type="button"
              className="segmented__option"
              aria-pressed={grouping === option}
              onClick={() => setGrouping(option)}
            >
              {t(`versions.diff.by.${option}`)}
            </button>
          ))}
        </fieldset>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={isChangedOnly}
            onChange={(event) => setChangedOnly(event.target.checked)}
          />
          <span>{t('versions.diff.changedOnly')}</span>
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="screen__hint">{t('versions.diff.noChanges')}</p>
      ) : (
        <TotalsTable rows={rows} grouping={grouping} />
      )}

      <h4 className="versions-subheading">{t('versions.diff.cellsHeading')}</h4>
      {diff.cells.length === 0 ? (
        <p className="screen__hint">{t('versions.diff.noChanges')}</p>
      ) : (
        <div className="table-scroll versions-diff__table">
          <table className="data-table" data-testid="diff-cells">
            <caption className="visually-hidden">{t('versions.diff.cellsHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('versions.diff.column.commune')}</th>
                <th scope="col">{t('versions.diff.column.criterion')}</th>
                <th scope="col">{t('versions.diff.column.source')}</th>
                <th scope="col" className="num">
                  {t('versions.diff.column.beforeAfter')}
                </th>
                <th scope="col" className="num">
                  {t('versions.diff.column.delta')}
                </th>
              </tr>
            </thead>
            <tbody>
              {diff.cells.map((cell) => (
                <tr key={`${cell.communeId}:${cell.criterionId}:${cell.sourceId}`}>
                  <th scope="row">{labels.communes.get(cell.communeId) ?? cell.communeId}</th>
                  <td>{labels.criteria.get(cell.criterionId) ?? cell.criterionId}</td>
                  <td>{labels.sources.get(cell.sourceId) ?? cell.sourceId}</td>
                  <td className="num">
                    <MoneyText value={cell.before} /> <span aria-hidden="true">→</span>
                    <span className="visually-hidden">{t('versions.diff.to')}</span>{' '}
                    <MoneyText value={cell.after} />
                  </td>
                  <td className="num">
                    <DeltaText value={cell.delta} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {diff.total.changedCells > diff.cells.length && (
        <p className="screen__hint">
          {t('versions.diff.moreCells', { shown: diff.cells.length, total: diff.total.changedCells })}
        </p>
      )}
    </div>
  );
}
