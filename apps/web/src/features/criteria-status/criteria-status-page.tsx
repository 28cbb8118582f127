// Criteria status matrix: communes × the plan's commune criteria (AG Grid Community, toggled with
// click, Space or Enter), progress per commune and per criterion, and the district's criteria.
import {
  AllCommunityModule,
  type CellClickedEvent,
  type CellKeyDownEvent,
  type ColDef,
  type ColGroupDef,
  type ICellRendererParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useState } from 'react';
import { TABLE_GRID_THEME } from '../../app/grid-theme';
import type { PlanHeader } from '../../app/plan-layout';
import { describeSaveFailure } from '../../app/save-failure';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { RequestError } from '../plans/request-error';
import { canSetCriterionStatus } from '../session/plan-access';
import { useSession } from '../session/session-provider';
import './criteria-status.css';
import {
  type CriterionColumn,
  countByCriterion,
  type DistrictStatus,
  groupCriteria,
  type MatrixRow,
  statusKey,
  toCriterionColumns,
  toDistrictStatus,
  toMatrixRows,
} from './status-matrix';
import { useCriteriaStatus } from './use-criteria-status';

const MODULES = [AllCommunityModule];
/** A district's communes fit on the page; a province's hundreds scroll inside the grid. */
const AUTO_HEIGHT_MAX_ROWS = 40;

type GridRow = {
  id: string;
  name: string;
  commune: MatrixRow | null;
  pending: ReadonlySet<string>;
  /** Only on the pinned "communes meeting it" row. */
  counts: Record<string, number> | null;
  communeCount: number;
};

type GridContext = { labels: { met: string; notMet: string; saving: string; target: string; p135: string } };

function StatusCell(params: ICellRendererParams<GridRow, boolean | undefined, GridContext>) {
  const row = params.data;
  const criterionId = params.column?.getColId() ?? '';
  if (!row) return null;
  if (row.counts) {
    return <span className="status-count">{`${row.counts[criterionId] ?? 0}/${row.communeCount}`}</span>;
  }
  const { labels } = params.context;
  const isMet = params.value === true;
  const isPending = row.pending.has(criterionId);
  return (
    <span
      className={`status-cell ${isMet ? 'status-cell--met' : 'status-cell--unmet'}${isPending ? ' status-cell--pending' : ''}`}
      title={isPending ? labels.saving : undefined}
    >
      <span aria-hidden="true">{isMet ? '✓' : '✗'}</span>
      <span className="visually-hidden">
        {isMet ? labels.met : labels.notMet}
        {isPending ? ` (${labels.saving})` : ''}
      </span>
    </span>
  );
}

function CommuneCell(params: ICellRendererParams<GridRow, string, GridContext>) {
  const row = params.data;
  if (!row) return null;
  if (!row.commune) return <strong>{row.name}</strong>;
  const { labels } = params.context;
  return (
    <span className="commune-cell">
      <span className="commune-cell__name">{row.name}</span>
      {row.commune.isTarget && (
        <span className="mini-badge mini-badge--target" title={labels.target}>
          {labels.target}
        </span>
      )}
      {row.commune.isProgram135 && <span className="mini-badge">{labels.p135}</span>}
    </span>
  );
}

function DistrictSection({
  district,
  pending,
  onToggle,
  mayEdit,
}: {
  district: DistrictStatus;
  pending: ReadonlyMap<string, boolean>;
  onToggle: (criterion: CriterionColumn, isMet: boolean) => void;
  mayEdit: boolean;
}) {
  const t = useT();
  return (
    <section className="status-district" aria-labelledby="status-district-heading">
      <h3 id="status-district-heading">
        {t('status.districtHeading', { district: district.name })}{' '}
        <span className="progress-pill" data-testid="district-progress">
          {t('status.progress', { met: district.metCount, total: district.total })}
        </span>
      </h3>
      <p className="page__intro">{t('status.districtIntro')}</p>
      <table className="data-table status-district__table">
        <caption className="visually-hidden">
          {t('status.districtCaption', { district: district.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('status.column.number')}
            </th>
            <th scope="col">{t('status.column.criterion')}</th>
            <th scope="col">{t('status.column.status')}</th>
          </tr>
        </thead>
        <tbody>
          {district.criteria.map((criterion) => {
            const isPending = pending.has(statusKey(district.districtId, criterion.id));
            return (
              <tr key={criterion.id}>
                <td className="num">{criterion.number}</td>
                <th scope="row">{criterion.name}</th>
                <td>
                  {mayEdit ? (
                    <button
                      type="button"
                      className={`toggle-status ${criterion.isMet ? 'toggle-status--met' : 'toggle-status--unmet'}`}
                      aria-pressed={criterion.isMet}
                      aria-label={t('status.toggleLabel', {
                        criterion: `${criterion.number}. ${criterion.name}`,
                        unit: district.name,
                      })}
                      aria-busy={isPending}
                      onClick={() => onToggle(criterion, !criterion.isMet)}
                    >
                      <span aria-hidden="true">{criterion.isMet ? '✓ ' : '✗ '}</span>
                      {criterion.isMet ? t('status.met') : t('status.notMet')}
                      {isPending && <span className="visually-hidden"> ({t('status.saving')})</span>}
                    </button>
                  ) : (
                    <span
                      className={`toggle-status toggle-status--static ${criterion.isMet ? 'toggle-status--met' : 'toggle-status--unmet'}`}
                    >
                      <span aria-hidden="true">{criterion.isMet ? '✓ ' : '✗ '}</span>
                      {criterion.isMet ? t('status.met') : t('status.notMet')}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function CriteriaStatusPage({ plan }: { plan: PlanHeader }) {
  const t = useT();
  const [locale] = useLocale();
  const { state, reload, pending, setStatus, lastFailure, lastSaved, dismissFailure } = useCriteriaStatus({
    id: plan.id,
    criteriaSetId: plan.criteriaSet.id,
    districtCriteriaSetId: plan.districtCriteriaSet?.id ?? null,
  });
  const [isTargetsOnly, setTargetsOnly] = useState(false);
  const session = useSession();
  const ownCommune = session.ownCommuneId === null ? null : (session.me.commune?.name ?? null);
  const mayEditCommune = useCallback(
    (communeId: string) => canSetCriterionStatus(session.can, session.ownCommuneId, { communeId }),
    [session],
  );
  const matrixPlan = state.status === 'ready' ? state.data.plan : null;

  const criteria = useMemo(
    () => (matrixPlan ? toCriterionColumns(matrixPlan.criteriaSet.criteria, locale) : []),
    [matrixPlan, locale],
  );
  const allRows = useMemo(
    () => (matrixPlan ? toMatrixRows(matrixPlan, criteria, pending) : []),
    [matrixPlan, criteria, pending],
  );
  const rows = useMemo(
    () => (isTargetsOnly ? allRows.filter((row) => row.isTarget) : allRows),
    [allRows, isTargetsOnly],
  );
  const counts = useMemo(() => countByCriterion(rows, criteria), [rows, criteria]);
  const district = useMemo(
    () => (matrixPlan ? toDistrictStatus(matrixPlan, locale, pending) : null),
    [matrixPlan, locale, pending],
  );
  const reachingCount = rows.filter((row) => row.reachesStandard).length;

  const gridRows = useMemo<GridRow[]>(
    () =>
      rows.map((row) => ({
        id: row.communeId,
        name: row.name,
        commune: row,
        pending: new Set(
          criteria.filter((c) => pending.has(statusKey(row.communeId, c.id))).map((c) => c.id),
        ),
        counts: null,
        communeCount: rows.length,
      })),
    [rows, criteria, pending],
  );
  const pinnedBottom = useMemo<GridRow[]>(
    () => [
      {
        id: '__count',
        name: t('status.communesMeeting'),
        commune: null,
        pending: new Set(),
        counts,
        communeCount: rows.length,
      },
    ],
    [counts, rows.length, t],
  );

  const context = useMemo<GridContext>(
    () => ({
      labels: {
        met: t('status.met'),
        notMet: t('status.notMet'),
        saving: t('status.saving'),
        target: t('status.targetBadge'),
        p135: t('status.p135Badge'),
      },
    }),
    [t],
  );

  const columnDefs = useMemo<(ColDef<GridRow> | ColGroupDef<GridRow>)[]>(() => {
    if (!matrixPlan) return [];
    const groups = groupCriteria(matrixPlan, criteria, locale);
    return [
      {
        colId: 'commune',
        headerName: t('status.column.commune'),
        field: 'name',
        pinned: 'left',
        width: 190,
        cellRenderer: CommuneCell,
        sortable: true,
      },
      {
        colId: 'progress',
        headerName: t('status.column.progress'),
        headerTooltip: t('status.column.progressHint', { total: criteria.length }),
        pinned: 'left',
        width: 92,
        type: 'rightAligned',
        sortable: true,
        valueGetter: (params) => params.data?.commune?.metCount ?? null,
        valueFormatter: (params) =>
          params.data?.commune ? `${params.data.commune.metCount}/${params.data.commune.total}` : '',
        cellClassRules: { 'progress-cell--done': (params) => params.data?.commune?.reachesStandard === true },
      },
      ...groups.map<ColGroupDef<GridRow>>((group) => ({
        headerName: group.code ? `${group.code}. ${group.name}` : t('status.otherCriteria'),
        headerTooltip: group.name,
        marryChildren: true,
        children: group.criteria.map<ColDef<GridRow>>((criterion) => ({
          colId: criterion.id,
          headerName: String(criterion.number),
          headerTooltip: `${t('status.criterionNumber', { number: criterion.number })}: ${criterion.name}`,
          width: 49,
          valueGetter: (params) => params.data?.commune?.isMet[criterion.id] ?? false,
          cellRenderer: StatusCell,
          cellClass: 'status-col',
          headerClass: 'status-col-header',
        })),
      })),
    ];
  }, [matrixPlan, criteria, locale, t]);

  const criterionById = useMemo(() => new Map(criteria.map((c) => [c.id, c])), [criteria]);

  const toggle = useCallback(
    (row: GridRow | undefined, colId: string) => {
      const criterion = criterionById.get(colId);
      // A commune the caller may not update stays as it is (the server would refuse it anyway).
      if (!row?.commune || !criterion || !mayEditCommune(row.commune.communeId)) return;
      setStatus(
        { id: row.commune.communeId, name: row.commune.name },
        { id: criterion.id, label: t('status.criterionNumber', { number: criterion.number }) },
        row.commune.isMet[criterion.id] !== true,
      );
    },
    [criterionById, setStatus, t, mayEditCommune],
  );

  const onCellClicked = useCallback(
    (event: CellClickedEvent<GridRow>) => {
      if (event.node.rowPinned) return;
      toggle(event.data, event.column.getColId());
    },
    [toggle],
  );
  const onCellKeyDown = useCallback(
    (event: CellKeyDownEvent<GridRow>) => {
      const keyboard = event.event as KeyboardEvent | null | undefined;
      if (!keyboard || event.node.rowPinned) return;
      if (keyboard.key !== ' ' && keyboard.key !== 'Enter') return;
      keyboard.preventDefault();
      toggle(event.data, event.column.getColId());
    },
    [toggle],
  );

  const toggleDistrict = useCallback(
    (criterion: CriterionColumn, isMet: boolean) => {
      if (!district) return;
      setStatus(
        { id: district.districtId, name: district.name },
        { id: criterion.id, label: t('status.criterionNumber', { number: criterion.number }) },
        isMet,
      );
    },
    [district, setStatus, t],
  );

  if (state.status === 'loading') {
    return (
      <p className="notice notice--loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('status.loading')}
      </p>
    );
  }
  if (state.status === 'error' || !matrixPlan) {
    return (
      <RequestError
        title={t('status.errorTitle')}
        error={state.status === 'error' ? state.error : null}
        onRetry={reload}
      />
    );
  }

  return (
    <section className="screen criteria-status" aria-labelledby="status-heading">
      <div className="screen__header">
        <div>
          <h2 id="status-heading">{t('status.heading')}</h2>
          <p className="page__intro">{t('status.intro')}</p>
        </div>
        <p className="screen__summary" data-testid="status-summary">
          {t('status.summary', { reaching: reachingCount, communes: rows.length, criteria: criteria.length })}
        </p>
      </div>

      <div className="screen__toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={isTargetsOnly}
            onChange={(event) => setTargetsOnly(event.target.checked)}
          />
          {t('status.targetsOnly')}
        </label>
        <p className="screen__hint" id="status-grid-hint" data-testid="status-access">
          {!session.can('Mutation.setCriterionStatus')
            ? t('status.readOnly')
            : ownCommune
              ? t('status.ownCommuneOnly', { commune: ownCommune })
              : t('status.keyboardHint')}
        </p>
      </div>

      {lastFailure && (
        <div className="notice notice--error notice--inline" role="alert">
          <p>
            {t('status.saveFailed', { unit: lastFailure.unitName, criterion: lastFailure.criterionLabel })}{' '}
            {describeSaveFailure(lastFailure.failure, locale, t)}
          </p>
          <button type="button" className="button button--quiet" onClick={dismissFailure}>
            {t('status.dismiss')}
          </button>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {lastSaved
          ? t('status.saved', {
              unit: lastSaved.unitName,
              criterion: lastSaved.criterionLabel,
              status: lastSaved.isMet ? t('status.met') : t('status.notMet'),
            })
          : ''}
      </p>

      <div
        className={rows.length <= AUTO_HEIGHT_MAX_ROWS ? 'status-grid status-grid--auto' : 'status-grid'}
        aria-describedby="status-grid-hint"
      >
        <AgGridReact<GridRow>
          modules={MODULES}
          theme={TABLE_GRID_THEME}
          rowData={gridRows}
          pinnedBottomRowData={pinnedBottom}
          columnDefs={columnDefs}
          context={context}
          getRowId={(params) => params.data.id}
          onCellClicked={onCellClicked}
          onCellKeyDown={onCellKeyDown}
          defaultColDef={{ resizable: false, sortable: false, suppressMovable: true }}
          domLayout={rows.length <= AUTO_HEIGHT_MAX_ROWS ? 'autoHeight' : 'normal'}
          rowHeight={34}
          headerHeight={34}
          groupHeaderHeight={34}
          tooltipShowDelay={300}
          ensureDomOrder
          suppressColumnVirtualisation
        />
      </div>

      <details className="criteria-legend">
        <summary>{t('status.legend')}</summary>
        <ol>
          {criteria.map((criterion) => (
            <li key={criterion.id} value={criterion.number}>
              {criterion.name}
            </li>
          ))}
        </ol>
      </details>

      {district && (
        <DistrictSection
          district={district}
          pending={pending}
          onToggle={toggleDistrict}
          mayEdit={canSetCriterionStatus(session.can, session.ownCommuneId, {
            districtId: district.districtId,
          })}
        />
      )}
    </section>
  );
}
