// Optimize: run the allocation optimizer for the plan (in the background, with progress and a stop
// button), read which target communes reach the standard and what the others lack, pick the
// proposed cells to keep and accept them as one audited batch.
import { formatMoney, formatMoneyCompact } from '@ntm/domain';
import {
  AcceptProposalDocument,
  CancelOptimizationDocument,
  type OptimizationFieldsFragment,
  OptimizationProgressDocument,
  OptimizerPlanTotalsDocument,
  request,
  StartOptimizationDocument,
} from '@ntm/graphql-client';
import {
  AllCommunityModule,
  type ColDef,
  type GridApi,
  type GridReadyEvent,
  type SelectionChangedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { TABLE_GRID_THEME } from '../../app/grid-theme';
import type { PlanHeader } from '../../app/plan-layout';
import { useQuery } from '../../app/use-query';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import { RequestError } from '../plans/request-error';
import {
  communeSelection,
  formatGap,
  type ProposalRow,
  toAcceptedCells,
  toProposalRows,
} from './proposal-rows';
import './optimizer.css';

const MODULES = [AllCommunityModule];
const POLL_MS = 300;

type CapMode = 'CONFIRMED' | 'EXPECTED';
type Existing = 'KEEP' | 'FREE';
type Run =
  | { status: 'idle' }
  | { status: 'running'; job: OptimizationFieldsFragment | null }
  | { status: 'finished'; job: OptimizationFieldsFragment }
  | { status: 'error'; error: unknown };
type Acceptance =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; count: number }
  | { status: 'conflict'; count: number }
  | { status: 'failed'; message: string };

function sumTotals(totals: ReadonlyArray<{ amount: string }>): bigint {
  return totals.reduce((sum, row) => sum + BigInt(row.amount), 0n);
}

export function OptimizerPage({ plan }: { plan: PlanHeader }) {
  const t = useT();
  const [locale] = useLocale();
  const [capMode, setCapMode] = useState<CapMode>('CONFIRMED');
  const [existing, setExisting] = useState<Existing>('KEEP');
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [acceptance, setAcceptance] = useState<Acceptance>({ status: 'idle' });
  const totals = useQuery(OptimizerPlanTotalsDocument, { id: plan.id });
  const [planTotal, setPlanTotal] = useState<bigint | null>(null);
  const gridApi = useRef<GridApi<ProposalRow> | null>(null);
  const runId = useRef(0);
  const options = { locale: LOCALE_TAGS[locale] };

  useEffect(() => {
    if (totals.state.status === 'ready' && totals.state.data.plan)
      setPlanTotal(sumTotals(totals.state.data.plan.totals));
  }, [totals.state]);
  // Leaving the screen stops following a run (the run itself finishes on the server).
  useEffect(
    () => () => {
      runId.current++;
    },
    [],
  );

  const job = run.status === 'running' || run.status === 'finished' ? run.job : null;
  const proposal = run.status === 'finished' ? run.job.proposal : null;
  const rows = useMemo(() => toProposalRows(proposal?.cells ?? []), [proposal]);

  const start = async () => {
    const myRun = ++runId.current;
    setRun({ status: 'running', job: null });
    setAcceptance({ status: 'idle' });
    try {
      const started = await request(
        StartOptimizationDocument,
        { input: { planId: plan.id, capMode, existing, wait: false } },
        options,
      );
      const result = started.optimizePlan;
      if (result.__typename !== 'Optimization') {
        setRun({ status: 'error', error: new Error(result.message) });
        return;
      }
      let current: OptimizationFieldsFragment = result;
      while (current.state === 'RUNNING') {
        if (runId.current !== myRun) return;
        setRun({ status: 'running', job: current });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        current = (await request(OptimizationProgressDocument, { id: current.id }, options)).optimization;
      }
      if (runId.current !== myRun) return;
      setRun({ status: 'finished', job: current });
      const cells = current.proposal?.cells ?? [];
      setSelected(new Set(toProposalRows(cells).map((row) => row.id)));
    } catch (error) {
      if (runId.current === myRun) setRun({ status: 'error', error });
    }
  };

  const cancel = async () => {
    if (run.status !== 'running' || !run.job) return;
    const myRun = ++runId.current;
    try {
      const answer = await request(
        CancelOptimizationDocument,
        { planId: plan.id, optimizationId: run.job.id },
        options,
      );
      const result = answer.cancelOptimization;
      if (runId.current !== myRun) return;
      if (result.__typename === 'Optimization') setRun({ status: 'finished', job: result });
      else setRun({ status: 'error', error: new Error(result.message) });
    } catch (error) {
      setRun({ status: 'error', error });
    }
  };

  const accept = async () => {
    if (!job || selected.size === 0) return;
    setAcceptance({ status: 'saving' });
    try {
      const answer = await request(
        AcceptProposalDocument,
        { input: { planId: plan.id, optimizationId: job.id, cells: toAcceptedCells(rows, selected) } },
        options,
      );
      const result = answer.acceptProposal;
      if (result.__typename === 'AcceptProposalPayload') {
        setAcceptance({ status: 'saved', count: result.changedCount });
        setPlanTotal(sumTotals(result.plan.totals));
      } else if (result.__typename === 'VersionConflictError') {
        setAcceptance({ status: 'conflict', count: result.conflicts.length });
      } else {
        setAcceptance({ status: 'failed', message: result.message });
      }
    } catch (error) {
      setAcceptance({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const setCommune = (communeId: string, include: boolean) => {
    const next = new Set(selected);
    for (const row of rows) if (row.communeId === communeId) include ? next.add(row.id) : next.delete(row.id);
    setSelected(next);
    gridApi.current?.forEachNode((node) => {
      if (node.data?.communeId === communeId) node.setSelected(include);
    });
  };

  const money = useCallback(
    (value: bigint) => formatMoney(value, { locale, unit: 'trieu', maxFractionDigits: 3 }),
    [locale],
  );
  const columnDefs = useMemo<ColDef<ProposalRow>[]>(
    () => [
      { field: 'communeName', headerName: t('optimizer.column.commune'), flex: 2, minWidth: 140 },
      {
        field: 'criterionNumber',
        headerName: t('optimizer.column.criterion'),
        width: 110,
        type: 'numericColumn',
      },
      {
        field: 'sourceCode',
        headerName: t('optimizer.column.source'),
        flex: 1,
        minWidth: 120,
        tooltipField: 'sourceName',
      },
      {
        colId: 'current',
        headerName: t('optimizer.column.current'),
        flex: 1,
        minWidth: 130,
        type: 'numericColumn',
        valueGetter: (p) => (p.data ? money(p.data.current) : ''),
      },
      {
        colId: 'proposed',
        headerName: t('optimizer.column.proposed'),
        flex: 1,
        minWidth: 130,
        type: 'numericColumn',
        valueGetter: (p) => (p.data ? money(p.data.proposed) : ''),
        cellClass: (p) => (p.data && p.data.proposed > p.data.current ? 'proposal-up' : 'proposal-down'),
      },
    ],
    [t, money],
  );

  const onGridReady = (event: GridReadyEvent<ProposalRow>) => {
    gridApi.current = event.api;
    event.api.forEachNode((node) => node.setSelected(node.data ? selected.has(node.data.id) : false));
  };
  const onSelectionChanged = (event: SelectionChangedEvent<ProposalRow>) => {
    // Only the planner's own clicks: programmatic changes already updated `selected`.
    if (event.source === 'api') return;
    setSelected(new Set(event.api.getSelectedRows().map((row) => row.id)));
  };

  const solver = proposal?.solver;
  const summary = proposal?.summary;
  return (
    <section className="optimizer" aria-labelledby="optimizer-heading">
      <h2 id="optimizer-heading">{t('optimizer.heading')}</h2>
      <p className="optimizer__intro">{t('optimizer.intro')}</p>
      {planTotal !== null && (
        <p className="optimizer__total" data-testid="optimizer-plan-total">
          {t('optimizer.planTotal', { money: formatMoneyCompact(planTotal, locale) })}
        </p>
      )}

      <form
        className="optimizer__controls"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <fieldset>
          <legend>{t('optimizer.capMode')}</legend>
          {(['CONFIRMED', 'EXPECTED'] as const).map((mode) => (
            <label key={mode} className="radio">
              <input
                type="radio"
                name="capMode"
                value={mode}
                checked={capMode === mode}
                onChange={() => setCapMode(mode)}
              />
              {t(mode === 'CONFIRMED' ? 'optimizer.capMode.confirmed' : 'optimizer.capMode.expected')}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('optimizer.existing')}</legend>
          {(['KEEP', 'FREE'] as const).map((mode) => (
            <label key={mode} className="radio">
              <input
                type="radio"
                name="existing"
                value={mode}
                checked={existing === mode}
                onChange={() => setExisting(mode)}
              />
              {t(mode === 'KEEP' ? 'optimizer.existing.keep' : 'optimizer.existing.free')}
            </label>
          ))}
        </fieldset>
        <div className="optimizer__buttons">
          <button type="submit" className="button" disabled={run.status === 'running'}>
            {t('optimizer.run')}
          </button>
          {run.status === 'running' && (
            <button type="button" className="button" onClick={() => void cancel()} disabled={!run.job}>
              {t('optimizer.cancel')}
            </button>
          )}
        </div>
      </form>

      {run.status === 'running' && (
        <p className="notice notice--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {run.job?.gap !== null && run.job?.gap !== undefined
            ? t('optimizer.runningGap', {
                seconds: run.job.runningSeconds.toFixed(1),
                gap: formatGap(run.job.gap, locale),
              })
            : t('optimizer.running', { seconds: (run.job?.runningSeconds ?? 0).toFixed(1) })}
        </p>
      )}
      {run.status === 'error' && (
        <RequestError title={t('optimizer.errorTitle')} error={run.error} onRetry={() => void start()} />
      )}
      {run.status === 'finished' && run.job.state === 'CANCELLED' && (
        <p className="notice" role="status">
          {t('optimizer.cancelled')}
        </p>
      )}
      {run.status === 'finished' && run.job.state === 'FAILED' && (
        <p className="notice notice--error" role="alert">
          {t('optimizer.failed', { reason: run.job.failure ?? '' })}
        </p>
      )}

      {proposal && summary && (
        <>
          <div className="optimizer__summary" role="status" data-testid="optimizer-summary">
            <p>
              {t('optimizer.summary', {
                reached: summary.reachedCommunes,
                targets: summary.targetCommunes,
                weight: summary.reachedWeight,
                totalWeight: summary.totalWeight,
                money: formatMoneyCompact(BigInt(summary.newMoney), locale),
              })}
            </p>
            {solver && (
              <p className="optimizer__solver">
                {t('optimizer.solverLine', {
                  status: t(`optimizer.status.${solver.status.toLowerCase()}` as 'optimizer.status.optimal', {
                    gap: formatGap(solver.gap ?? 0, locale),
                  }),
                  seconds: solver.solveSeconds.toFixed(2),
                })}
              </p>
            )}
            {proposal.baseline && (
              <p className="optimizer__baseline">
                {t('optimizer.baseline', {
                  reached: proposal.baseline.reachedCommunes,
                  weight: proposal.baseline.reachedWeight,
                })}
              </p>
            )}
          </div>

          <h3>{t('optimizer.outcomes')}</h3>
          <ul className="optimizer__outcomes" data-testid="optimizer-outcomes">
            {proposal.communes.map((outcome) => {
              const state = communeSelection(rows, selected, outcome.communeId);
              const hasCells = rows.some((row) => row.communeId === outcome.communeId);
              return (
                <li
                  key={outcome.communeId}
                  className={`outcome outcome--${outcome.status.toLowerCase()}`}
                  data-testid="optimizer-outcome"
                >
                  {hasCells ? (
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={state === 'all'}
                        ref={(input) => {
                          if (input) input.indeterminate = state === 'some';
                        }}
                        onChange={(event) => setCommune(outcome.communeId, event.target.checked)}
                      />
                      <span className="visually-hidden">
                        {t('optimizer.outcome.include', { commune: outcome.commune.name })}
                      </span>
                    </label>
                  ) : (
                    <span className="outcome__spacer" aria-hidden="true" />
                  )}
                  <span className="outcome__mark" aria-hidden="true">
                    {outcome.status === 'NOT_REACHED' ? '✗' : '✓'}
                  </span>
                  <span className="outcome__text">{outcome.explanation}</span>
                </li>
              );
            })}
          </ul>

          <h3>{t('optimizer.proposal', { count: rows.length })}</h3>
          {rows.length === 0 ? (
            <p className="notice">{t('optimizer.proposalEmpty')}</p>
          ) : (
            <div className="optimizer__grid" data-testid="optimizer-proposal-grid">
              <AgGridReact<ProposalRow>
                modules={MODULES}
                theme={TABLE_GRID_THEME}
                rowData={rows}
                columnDefs={columnDefs}
                getRowId={(params) => params.data.id}
                rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: true }}
                onGridReady={onGridReady}
                onSelectionChanged={onSelectionChanged}
                domLayout={rows.length <= 25 ? 'autoHeight' : 'normal'}
                defaultColDef={{ sortable: true, suppressMovable: true }}
                rowHeight={34}
              />
            </div>
          )}

          <div className="optimizer__accept">
            <button
              type="button"
              className="button"
              disabled={
                selected.size === 0 || acceptance.status === 'saving' || acceptance.status === 'saved'
              }
              onClick={() => void accept()}
            >
              {acceptance.status === 'saving'
                ? t('optimizer.accepting')
                : t('optimizer.accept', { count: selected.size })}
            </button>
            {acceptance.status === 'saved' && (
              <p className="notice" role="status">
                {t('optimizer.accepted', { count: acceptance.count })}
              </p>
            )}
            {acceptance.status === 'conflict' && (
              <p className="notice notice--error" role="alert">
                {t('optimizer.conflict', { count: acceptance.count })}
              </p>
            )}
            {acceptance.status === 'failed' && (
              <p className="notice notice--error" role="alert">
                {acceptance.message}
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
