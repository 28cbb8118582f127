// Integration point: the allocation grid screen (mounted at /plans/:planId/grid by the app's
// router). AG Grid Community renders and virtualizes; the spreadsheet behaviour it lacks (range
// selection, clipboard, fill, undo) comes from features/spreadsheet and is wired here through the
// grid API. The grid never owns the data: amounts live in GridContext, edits go through the save
// queue, and the server's answer (written cells, caps, status) is the truth. The analysis panel is
// loaded apart from the cells, after the first render and again shortly after saves.
import { formatMoney, type MoneyUnit, matchesSearch } from '@ntm/domain';
import {
  type AllocationGridQuery,
  GraphQLRequestError,
  GridAnalysisDocument,
  type GridAnalysisFragment,
  GridCellsDocument,
  GridPlanSummaryDocument,
  type GridPlanSummaryFragment,
  GridSourceTotalsDocument,
  GridTotalsDocument,
  request,
  SaveAllocationsDocument,
} from '@ntm/graphql-client';
import {
  AllCommunityModule,
  type CellEditingStartedEvent,
  type CellFocusedEvent,
  type Column,
  type GetRowIdParams,
  type GridApi,
  type GridReadyEvent,
  ModuleRegistry,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/vi';
import { AnalysisPanel, type CellTarget } from '../analysis-panel/analysis-panel';
import { CellHistoryPopover, type CellHistoryTarget } from '../cell-history/cell-history-popover';
import { type CellsChanged, type PlanChange, usePlanChanges } from '../live-updates/use-plan-changes';
import { RequestError } from '../plans/request-error';
import { parseTsv, serializeTsv } from '../spreadsheet/clipboard';
import {
  copyRange,
  type EditPlan,
  type GridModel,
  planClear,
  planFill,
  planPaste,
  summarize,
} from '../spreadsheet/edits';
import {
  type Batch,
  canRedo,
  canUndo,
  createHistory,
  type History,
  record,
  redo,
  undo,
} from '../spreadsheet/history';
import {
  type CellPosition,
  clampSelection,
  extendBy,
  extendTo,
  normalize,
  rectSize,
  type Selection,
  selectCell,
} from '../spreadsheet/selection';
import {
  buildColumns,
  type ColumnMeta,
  cellValueOf,
  type GridContext,
  type GridRow,
  type GridView,
  isPinned,
  PINNED_ROWS,
  shortSourceName,
  textOf,
} from './column-defs';
import { ComparePicker, CompareSummary } from './compare-bar';
import { ConflictPopover, type OpenConflict } from './conflict-popover';
import {
  allocationKey,
  areasOf,
  type CommuneRow,
  filterRows,
  NO_FILTERS,
  orderCriteria,
  type RowFilters,
  readCaps,
  readGrid,
  readGridTotals,
  readSourceTotals,
  setAmount,
  splitAllocationKey,
  toRows,
} from './grid-data';
import { oneAtATime } from './one-at-a-time';
import {
  type CellEdit,
  SaveQueue,
  type SaveQueueOptions,
  type SaveStatus,
  toGridBatch,
  writtenFromGrid,
} from './save-queue';
import { type Comparison, useGridCompare } from './use-grid-compare';
import { useGridData } from './use-grid-data';
import './allocation-grid.css';
import { useSession } from '../session/session-provider';

ModuleRegistry.registerModules([AllCommunityModule]);

type ChangedCell = NonNullable<CellsChanged['cells']>[number];
/** How long a cell changed by someone else stays highlighted (the CSS animation's length). */
const LIVE_HIGHLIGHT_MS = 2_000;
/** Live changes come in bursts; one caps refetch per burst. */
const SUMMARY_REFETCH_DELAY_MS = 250;
/** Saves come in bursts too (typing down a column): the analysis is recomputed once they pause. */
const ANALYSIS_REFETCH_DELAY_MS = 600;

const UNITS: readonly MoneyUnit[] = ['dong', 'nghin', 'trieu', 'ty'];
const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};
// Module-level so AG Grid never sees a new object and re-processes 171 columns on a re-render.
const DEFAULT_COL_DEF = {
  sortable: false,
  resizable: true,
  suppressMovable: true,
  suppressHeaderMenuButton: true,
};

const NO_SHORTFALLS: ReadonlyMap<string, bigint> = new Map();

/** The cell states the legend explains, in its order ("ineligible" only where a source is restricted). */
const LEGEND_SWATCHES = ['met', 'ineligible', 'pending', 'failed', 'conflict'] as const;

/** Rows and header rows, in pixels: compact, so a 720-pixel-high screen shows a dozen communes. */
const ROW_HEIGHT = 26;

/** Where the planner's choice to fold the analysis panel away is remembered. */
const PANEL_STORAGE_KEY = 'ntm.grid.analysisOpen';

/** Problems listed one by one before "and N more". */
const MAX_LISTED = 8;

type Notice = { tone: 'info' | 'warning' | 'error'; title: string; items: string[] };

/**
 * Plans with more communes open in the total view from per-commune sums (a national plan has 1.4
 * million cells: tens of megabytes and seconds of work to read them all). The by-source and
 * one-source views of such a plan show a region: the planner narrows the rows (search, targets,
 * Program 135) to at most this many communes and the grid reads only their cells. A national
 * planner works one province or district at a time, and a region keeps every shown cell loaded,
 * with its version, so typing, pasting and conflicts work as in a small plan.
 */
const LARGE_PLAN_COMMUNES = 2_000;

type GridMode = { totalsOnly: boolean; view: GridView; region: readonly string[] | null };

export function AllocationGridPage({ planId, communeCount }: { planId: string; communeCount: number }) {
  const t = useT();
  const [locale] = useLocale();
  const [mode, setMode] = useState<GridMode>(() =>
    communeCount > LARGE_PLAN_COMMUNES
      ? { totalsOnly: true, view: 'total', region: null }
      : { totalsOnly: false, view: 'bySource', region: null },
  );
  const { state, reload } = useGridData(planId, locale, mode.totalsOnly, mode.region);
  const readCells = useCallback(
    (view: GridView, region: readonly string[]) => setMode({ totalsOnly: false, view, region }),
    [],
  );
  const showAll = useCallback(() => setMode({ totalsOnly: true, view: 'total', region: null }), []);
  if (state.status === 'loading') {
    return (
      <p className="notice notice--loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t(mode.totalsOnly || communeCount <= LARGE_PLAN_COMMUNES ? 'grid.loading' : 'grid.loadingCells')}
      </p>
    );
  }
  if (state.status === 'error')
    return <RequestError title={t('grid.loadError')} error={state.error} onRetry={reload} />;
  if (!state.data.plan) {
    return (
      <p className="notice" role="status">
        {t('grid.notFound')}
      </p>
    );
  }
  return (
    <AllocationGrid
      key={`${planId}:${mode.totalsOnly}:${mode.region?.length ?? 'all'}`}
      planId={planId}
      data={state.data}
      initialView={mode.view}
      onNeedCells={mode.totalsOnly ? readCells : null}
      region={mode.region}
      onShowAll={mode.region ? showAll : null}
    />
  );
}

/**
 * Sizes the grid to the rest of the viewport: whatever sits above it (plan header, toolbar, notes,
 * a comparison) is measured, so the rows get every pixel left, and follow when those change size.
 */
function useFillViewport(
  pageRef: React.RefObject<HTMLElement | null>,
  layoutRef: React.RefObject<HTMLElement | null>,
) {
  useEffect(() => {
    const page = pageRef.current;
    const layout = layoutRef.current;
    if (!page || !layout) return;
    const fit = () => {
      const top = layout.getBoundingClientRect().top + window.scrollY;
      // 8 px: the page's bottom padding, so the panel's border stays on screen.
      page.style.setProperty('--grid-fill', `${Math.max(320, Math.floor(window.innerHeight - top - 8))}px`);
    };
    fit();
    const observer = new ResizeObserver(fit);
    for (const element of [
      page.parentElement?.closest('.plan-layout')?.querySelector('.plan-header'),
      ...page.children,
    ])
      if (element && element !== layout) observer.observe(element);
    window.addEventListener('resize', fit);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [pageRef, layoutRef]);
}

function shortfallsOf(analysis: GridAnalysisFragment): Map<string, bigint> {
  return new Map(analysis.communes.map((gap) => [gap.communeId, BigInt(gap.shortfall)]));
}

function AllocationGrid({
  planId,
  data,
  initialView,
  onNeedCells,
  region,
  onShowAll,
}: {
  planId: string;
  data: AllocationGridQuery;
  initialView: GridView;
  /** Set when only the sums were read: a view that shows cells must read them (a region's) first. */
  onNeedCells: ((view: GridView, region: readonly string[]) => void) | null;
  /** The communes whose cells were read (a large plan's region); null when the grid holds every cell. */
  region: readonly string[] | null;
  onShowAll: (() => void) | null;
}) {
  const t = useT();
  const [locale] = useLocale();
  const plan = data.plan!;
  const sources = useMemo(() => [...data.fundingSources].sort((a, b) => a.position - b.position), [data]);
  const { groups, criteria } = useMemo(() => orderCriteria(plan), [plan]);
  const regionSet = useMemo(() => (region ? new Set(region) : null), [region]);
  const areas = useMemo(() => areasOf(plan, locale), [plan, locale]);
  const allRows = useMemo(() => {
    const rows = toRows(plan, sources);
    return regionSet ? rows.filter((row) => regionSet.has(row.id)) : rows;
  }, [plan, sources, regionSet]);
  /** The rows the filters leave, for reading a large plan's region (set below). */
  const shownRowsRef = useRef<readonly CommuneRow[]>([]);
  // Locking or submitting the plan (here or live from elsewhere) makes the grid read-only at once.
  const [status, setStatus] = useState(plan.status);
  const isWritable = status === 'DRAFT';
  const session = useSession();
  const ownCommune = session.me.scopeLevel === 'COMMUNE' ? session.me.commune : null;

  const [view, setShownView] = useState<GridView>(initialView);
  const setView = useCallback(
    (next: GridView) => {
      if (!onNeedCells || next === 'total') {
        setShownView(next);
        return;
      }
      const shown = shownRowsRef.current;
      if (shown.length > LARGE_PLAN_COMMUNES || shown.length === 0) {
        setNotice({
          tone: 'info',
          title: t('grid.regionTooLarge', { count: shown.length, max: LARGE_PLAN_COMMUNES }),
          items: [],
        });
        return;
      }
      onNeedCells(
        next,
        shown.map((row) => row.id),
      );
    },
    [onNeedCells, t],
  );
  const [oneSourceId, setOneSourceId] = useState<string>(() => sources[0]?.id ?? '');
  const [unit, setUnit] = useState<MoneyUnit>('trieu');
  const [filters, setFilters] = useState<RowFilters>(NO_FILTERS);
  const [analysis, setAnalysis] = useState<GridAnalysisFragment | null>(null);
  /** An analysis request is in flight or due: the panel says "updating". */
  const [isAnalysisStale, setIsAnalysisStale] = useState(true);
  const [isPanelOpen, setIsPanelOpen] = useState(
    () => globalThis.localStorage?.getItem(PANEL_STORAGE_KEY) !== 'false',
  );
  const togglePanel = () =>
    setIsPanelOpen((open) => {
      globalThis.localStorage?.setItem(PANEL_STORAGE_KEY, String(!open));
      return !open;
    });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [summary, setSummary] = useState<{ rows: number; cols: number; sum: bigint; count: number } | null>(
    null,
  );
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('idle');
  const [failedCount, setFailedCount] = useState(0);
  const [pendingCount, setPendingCount] = useState(0);
  const [conflictCount, setConflictCount] = useState(0);
  const [openConflict, setOpenConflict] = useState<OpenConflict | null>(null);
  const [openHistory, setOpenHistory] = useState<CellHistoryTarget | null>(null);
  const [history, setHistory] = useState<History>(createHistory);

  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const selectionRef = useRef<Selection | null>(null);
  const displayedColsRef = useRef<Column[]>([]);
  const metaRef = useRef<Map<string, ColumnMeta>>(new Map());
  const historyRef = useRef<History>(history);
  const isDraggingRef = useRef(false);
  /**
   * The cell our own code just focused (a mouse press, a programmatic move): its focus event must
   * not reset the selection that code has already set.
   */
  const ownFocusRef = useRef<{ row: number; colId: string } | null>(null);
  const queueRef = useRef<SaveQueue | null>(null);
  /** Batches this grid saved: their live echo is already applied. */
  const ownBatchesRef = useRef(new Set<string>());
  /** The save in flight; a live event waits for it, so an echo of it is known by its batchId. */
  const sendingRef = useRef<Promise<unknown> | null>(null);
  /** The cell whose editor is open and the version it showed when typing began. */
  const editBaseRef = useRef<{ key: string; version: number } | null>(null);
  /** Others' values heard live for cells where an edit of ours waits: "take theirs" takes the newest. */
  const newerTheirsRef = useRef(new Map<string, { amount: bigint; version: number }>());
  const wrapperRef = useRef<HTMLDivElement>(null);
  /** The version of every written cell as this grid knows it; edits are based on these. */
  const cellsRef = useRef<ReturnType<typeof readGrid> | null>(null);
  const totalsOnlyRef = useRef<ReturnType<typeof readGridTotals> | null>(null);
  if (!cellsRef.current) {
    if (plan.grid) {
      cellsRef.current = readGrid(plan.grid);
      // A region: the caps compare with what every source holds plan-wide, not in the region.
      if (plan.sourceTotals) cellsRef.current.totals.bySource = readSourceTotals(plan.sourceTotals);
    } else if (plan.gridTotals) cellsRef.current = totalsOnlyRef.current = readGridTotals(plan.gridTotals);
    else throw new Error('the grid query read neither cells nor sums');
  }
  const versions = cellsRef.current.versions;
  /** Re-reads whether the focused cell is in conflict (set below, read from stable callbacks). */
  const syncConflictRef = useRef<() => void>(() => {});
  const openConflictRef = useRef<OpenConflict | null>(null);
  openConflictRef.current = openConflict;
  const popoverRef = useRef<HTMLDivElement>(null);
  const gridMainRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLElement>(null);
  const layoutRef = useRef<HTMLDivElement>(null);
  useFillViewport(pageRef, layoutRef);

  const ctxRef = useRef<GridContext | null>(null);
  if (!ctxRef.current) {
    ctxRef.current = {
      amounts: cellsRef.current.amounts,
      totals: cellsRef.current.totals,
      caps: readCaps(plan),
      // Filled when the analysis arrives; the shortfall column is empty until then.
      shortfalls: new Map(),
      cellStates: (key) => queueRef.current?.stateOf(key),
      liveKeys: new Set(),
      isWritable: plan.status === 'DRAFT',
      compared: null,
      criterionSums: totalsOnlyRef.current?.criterionSums ?? null,
      isRegion: region !== null,
      selection: null,
      columnIndex: new Map(),
      rowSources: sources,
      locale,
      unit: 'trieu',
      t,
      canEditRow: () => false,
      onTypedValue: () => false,
    };
  }
  const ctx = ctxRef.current;
  ctx.canEditRow = session.canEditCommune;
  ctx.locale = locale;
  ctx.unit = unit;
  ctx.t = t;
  const oneSource = sources.find((source) => source.id === oneSourceId) ?? sources[0];
  ctx.rowSources = view === 'oneSource' && oneSource ? [oneSource] : sources;
  ctx.isWritable = isWritable;

  // --- refreshing only what changed -------------------------------------------------------------
  const refreshRows = useCallback((communeIds: Iterable<string>, withPinned = true) => {
    const api = apiRef.current;
    if (!api) return;
    const nodes = [];
    for (const id of new Set(communeIds)) {
      const node = api.getRowNode(id);
      if (node) nodes.push(node);
    }
    if (withPinned) {
      for (let i = 0; i < api.getPinnedBottomRowCount(); i++) {
        const node = api.getPinnedBottomRow(i);
        if (node) nodes.push(node);
      }
    }
    if (nodes.length > 0) api.refreshCells({ rowNodes: nodes, force: true });
  }, []);

  const compare = useGridCompare(planId, locale, (comparison: Comparison | null) => {
    const before = ctx.compared?.before;
    ctx.compared = comparison && { name: comparison.name, before: comparison.before };
    const keys = [...(before?.keys() ?? []), ...(comparison?.before.keys() ?? [])];
    refreshRows(
      keys.map((key) => splitAllocationKey(key).communeId),
      false,
    );
  });
  const refreshCompare = compare.refresh;

  const applyServerPlan = useCallback(
    (summary: GridPlanSummaryFragment) => {
      ctx.caps = readCaps(summary);
      setStatus(summary.status);
      refreshRows([]);
    },
    [ctx, refreshRows],
  );

  // --- the analysis: loaded after the grid is on screen, refreshed when saves pause -------------------
  const analysisTimerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  /**
   * Aborted when this grid goes (another page, a large plan's region read): the server then stops
   * an analysis nobody waits for instead of running it beside the next grid query.
   */
  const analysisAbortRef = useRef<AbortController | null>(null);
  const loadAnalysis = useMemo(
    () =>
      oneAtATime(async (isStale) => {
        const data = await request(
          GridAnalysisDocument,
          { planId },
          { locale: LOCALE_TAGS[ctx.locale], signal: analysisAbortRef.current?.signal },
        );
        if (!data.plan || isStale()) return;
        const before = ctx.shortfalls;
        ctx.shortfalls = shortfallsOf(data.plan.analysis);
        setAnalysis(data.plan.analysis);
        refreshRows([...before.keys(), ...ctx.shortfalls.keys()], false);
        // The comparison with a version is "now" too: it follows on the same rhythm.
        refreshCompare();
        setIsAnalysisStale(false);
      }),
    [planId, ctx, refreshRows, refreshCompare],
  );
  // A failed load leaves the panel on its last analysis, marked as updating; the next save asks again.
  const runAnalysis = useCallback(() => void loadAnalysis().catch(() => {}), [loadAnalysis]);
  const refreshAnalysisSoon = useCallback(() => {
    setIsAnalysisStale(true);
    if (analysisTimerRef.current) clearTimeout(analysisTimerRef.current);
    analysisTimerRef.current = setTimeout(() => {
      analysisTimerRef.current = null;
      // Saves still waiting: their answers would make this analysis stale at once.
      if ((queueRef.current?.pendingCount ?? 0) > 0) refreshAnalysisSoon();
      else runAnalysis();
    }, ANALYSIS_REFETCH_DELAY_MS);
  }, [runAnalysis]);
  useEffect(() => {
    const abort = new AbortController();
    analysisAbortRef.current = abort;
    // After the first paint: the grid must not wait for the analysis.
    const frame = requestAnimationFrame(() => {
      analysisTimerRef.current = setTimeout(runAnalysis, 0);
    });
    return () => {
      abort.abort();
      cancelAnimationFrame(frame);
      if (analysisTimerRef.current) clearTimeout(analysisTimerRef.current);
    };
  }, [runAnalysis]);

  // --- the save queue ---------------------------------------------------------------------------
  useEffect(() => {
    const sendBatch: SaveQueueOptions['send'] = async (cells, idempotencyKey) => {
      // APPLY_OTHERS: one cell someone else moved must not hold back the rest of a paste.
      const result = await request(
        SaveAllocationsDocument,
        { input: { planId, grid: toGridBatch(cells), conflictMode: 'APPLY_OTHERS' } },
        {
          headers: { 'X-NTM-Origin': 'grid', 'Idempotency-Key': idempotencyKey },
          locale: LOCALE_TAGS[ctx.locale],
        },
      );
      const answer = result.setAllocations;
      if (answer.__typename === 'SetAllocationsPayload') {
        ownBatchesRef.current.add(answer.batchId);
        applyServerPlan(answer.plan);
        refreshAnalysisSoon();
        return {
          kind: 'saved',
          cells: writtenFromGrid(cells, answer.versions, answer.conflicts),
          conflicts: answer.conflicts,
        };
      }
      if (answer.__typename === 'VersionConflictError') {
        return { kind: 'conflict', conflicts: answer.conflicts };
      }
      if (answer.__typename === 'BatchRejectedError') {
        return { kind: 'rejected', message: answer.message, cellErrors: answer.cellErrors };
      }
      // Any other typed error (InputError; every Error member has a message) rejects the batch.
      return { kind: 'rejected', message: answer.message, cellErrors: [] };
    };
    const send: SaveQueueOptions['send'] = (cells, idempotencyKey) => {
      const work = sendBatch(cells, idempotencyKey);
      sendingRef.current = work;
      const clear = () => {
        if (sendingRef.current === work) sendingRef.current = null;
      };
      work.then(clear, clear);
      return work;
    };
    const queue = new SaveQueue({
      planId,
      send,
      baseVersion: (key) => versions.get(key) ?? 0,
      storage: globalThis.localStorage,
      // The server refused the request itself (e.g. an idempotency key reused for other cells):
      // retrying the same batch cannot help. Network failures and 5xx are retried.
      isPermanentError: (error) =>
        error instanceof GraphQLRequestError &&
        error.status >= 400 &&
        error.status < 500 &&
        error.status !== 408 &&
        error.status !== 429
          ? error.message
          : null,
      onStates: (states, keys) => {
        let failed = 0;
        let conflicts = 0;
        for (const state of states.values()) {
          if (state.state === 'failed') failed++;
          else if (state.state === 'conflict') conflicts++;
        }
        setFailedCount(failed);
        setConflictCount(conflicts);
        setPendingCount(queueRef.current?.pendingCount ?? 0);
        refreshRows(
          keys.map((key) => splitAllocationKey(key).communeId),
          false,
        );
        syncConflictRef.current();
      },
      onSaved: (cells) => {
        // The server's amounts are the truth, unless a newer edit of the cell is still waiting.
        const communes: string[] = [];
        for (const cell of cells) {
          const key = allocationKey(cell.communeId, cell.criterionId, cell.sourceId);
          versions.set(key, cell.version);
          if (queueRef.current?.hasPending(key)) continue;
          setAmount(ctx, key, BigInt(cell.amount));
          communes.push(cell.communeId);
        }
        setPendingCount(queueRef.current?.pendingCount ?? 0);
        refreshRows(communes);
      },
      onStatus: setSaveStatus,
    });
    queueRef.current = queue;
    // Edits a previous session could not send: show them at once, then send them.
    // Conflicts left open show the planner's own value until they resolve them.
    const restored: CellEdit[] = [
      ...queue.conflictCells().map((conflict) => ({ ...conflict, amount: conflict.attemptedAmount })),
      ...queue.pendingCells(),
    ];
    if (restored.length > 0) {
      // Only the sums were read (a large plan's total view): those follow once the edits are saved.
      // In a region, only its communes' cells: the others' amounts were not read.
      if (!ctx.criterionSums)
        for (const cell of restored)
          if (!regionSet || regionSet.has(cell.communeId))
            setAmount(
              ctx,
              allocationKey(cell.communeId, cell.criterionId, cell.sourceId),
              BigInt(cell.amount),
            );
      setPendingCount(queue.pendingCount);
      setConflictCount(queue.conflictCells().length);
      refreshRows(restored.map((cell) => cell.communeId));
      queue.flush();
    }
    const onOnline = () => queue.flush();
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      queue.dispose();
    };
  }, [planId, ctx, versions, applyServerPlan, refreshAnalysisSoon, refreshRows]);

  // --- others' changes, live ------------------------------------------------------------------------
  const highlightTimersRef = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const summaryTimerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const timers = highlightTimersRef.current;
    return () => {
      for (const timer of timers.values()) clearTimeout(timer);
      if (summaryTimerRef.current) clearTimeout(summaryTimerRef.current);
    };
  }, []);

  const highlight = (keys: readonly string[]) => {
    const timers = highlightTimersRef.current;
    const live = ctx.liveKeys as Set<string>;
    for (const key of keys) {
      live.add(key);
      const before = timers.get(key);
      if (before) clearTimeout(before);
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          live.delete(key);
          refreshRows([splitAllocationKey(key).communeId], false);
        }, LIVE_HIGHLIGHT_MS),
      );
    }
  };

  // Caps and the status are the server's: refetch them as a save's answer brings them.
  const refetchSummarySoon = () => {
    if (summaryTimerRef.current) clearTimeout(summaryTimerRef.current);
    summaryTimerRef.current = setTimeout(() => {
      summaryTimerRef.current = null;
      request(GridPlanSummaryDocument, { planId }, { locale: LOCALE_TAGS[ctx.locale] })
        .then((data) => {
          if (data.plan) applyServerPlan(data.plan);
        })
        .catch(() => {
          // The next change or save brings them again; the cells are already right.
        });
    }, SUMMARY_REFETCH_DELAY_MS);
  };

  /** Lays others' committed cells over the grid; cells with an edit of ours waiting keep ours. */
  const applyOthersCells = (cells: readonly { key: string; amount: bigint; version: number }[]) => {
    const queue = queueRef.current;
    const changed: string[] = [];
    let isOutside = false;
    for (const cell of cells) {
      // Outside a large plan's region: not shown, and its old amount is unknown; the sums are reread.
      if (regionSet && !regionSet.has(splitAllocationKey(cell.key).communeId)) {
        isOutside = true;
        continue;
      }
      // Not newer than what we hold: our own save's echo, or an event older than a refetch.
      if (cell.version <= (versions.get(cell.key) ?? 0)) continue;
      versions.set(cell.key, cell.version);
      // Our waiting edit is based on the older version: the server answers it with a conflict, which
      // the conflict popover resolves. Showing theirs now would hide the planner's own value.
      if (queue?.hasPending(cell.key) || queue?.conflictOf(cell.key)) {
        newerTheirsRef.current.set(cell.key, { amount: cell.amount, version: cell.version });
        continue;
      }
      if ((ctx.amounts.get(cell.key) ?? 0n) === cell.amount) continue;
      setAmount(ctx, cell.key, cell.amount);
      changed.push(cell.key);
    }
    if (isOutside) refreshSumsSoon();
    if (changed.length === 0) return;
    highlight(changed);
    refreshRows(changed.map((key) => splitAllocationKey(key).communeId));
    const selection = selectionRef.current;
    if (selection) setSummary(summaryOf(selection));
    syncConflictRef.current();
  };

  /** A large batch or missed events: reread every cell quietly, keeping edits not yet saved. */
  const rereadCellsRef = useRef<() => Promise<void>>(async () => {});
  rereadCellsRef.current = async () => {
    const data = await request(
      GridCellsDocument,
      { planId, communeIds: region ? [...region] : null },
      { locale: LOCALE_TAGS[ctx.locale] },
    );
    if (!data.plan) return;
    const fresh = readGrid(data.plan.grid);
    const cells = [...fresh.versions].map(([key, version]) => ({
      key,
      version,
      amount: fresh.amounts.get(key) ?? 0n,
    }));
    applyOthersCells(cells);
    applyServerPlan(data.plan);
    refreshAnalysisSoon();
  };
  const rereadCells = useMemo(() => oneAtATime(() => rereadCellsRef.current()), []);
  // Offline again: the reconnect brings another resync.
  const resync = () => void rereadCells().catch(() => {});

  /**
   * Only the sums were read (a large plan), or a region's cells: others' changes are summed again by
   * the server — every sum, or (a region) the plan-wide sums per source the caps compare with.
   */
  const refreshSumsSoon = () => {
    if (summaryTimerRef.current) clearTimeout(summaryTimerRef.current);
    summaryTimerRef.current = setTimeout(() => {
      summaryTimerRef.current = null;
      const locale = { locale: LOCALE_TAGS[ctx.locale] };
      const work = ctx.criterionSums
        ? request(GridTotalsDocument, { planId }, locale).then((data) => {
            if (!data.plan) return;
            const fresh = readGridTotals(data.plan.gridTotals);
            ctx.totals = fresh.totals;
            ctx.criterionSums = fresh.criterionSums;
          })
        : request(GridSourceTotalsDocument, { planId }, locale).then((data) => {
            if (data.plan) ctx.totals.bySource = readSourceTotals(data.plan.sourceTotals);
          });
      work
        .then(() => apiRef.current?.refreshCells({ force: true }))
        .catch(() => {
          // The next change asks again.
        });
    }, SUMMARY_REFETCH_DELAY_MS);
  };

  const onLiveCells = (cells: readonly ChangedCell[] | null, batchId: string | null) => {
    if (batchId !== null && ownBatchesRef.current.has(batchId)) return;
    if (ctx.criterionSums) {
      refreshSumsSoon();
      refreshAnalysisSoon();
      return;
    }
    if (cells === null) {
      resync();
      return;
    }
    applyOthersCells(
      cells.map((cell) => ({
        key: allocationKey(cell.communeId, cell.criterionId, cell.sourceId),
        amount: BigInt(cell.amount),
        version: cell.version,
      })),
    );
    refreshAnalysisSoon();
  };

  usePlanChanges(planId, (change: PlanChange) => {
    if (change.__typename === 'ViewersChanged') return;
    if (change.__typename === 'PlanStatusChanged') {
      // Locked or submitted elsewhere: stop editing now, not after the next failed save.
      setStatus(change.status);
      if (change.status !== 'DRAFT') apiRef.current?.stopEditing(true);
      return;
    }
    if (change.__typename !== 'CellsChanged' && change.__typename !== 'ResyncRequired') {
      // A cap or a criterion status changed: the analysis moves, the cells do not.
      refetchSummarySoon();
      refreshAnalysisSoon();
      return;
    }
    const cells = change.__typename === 'CellsChanged' ? (change.cells ?? null) : null;
    const batchId = change.__typename === 'CellsChanged' ? change.batchId : null;
    // The echo of a save still in flight is only recognisable once its answer (and batchId) is in.
    const sending = sendingRef.current;
    if (sending) {
      const run = () => onLiveCells(cells, batchId);
      sending.then(run, run);
    } else {
      onLiveCells(cells, batchId);
    }
  });

  // An edit typed over a value someone else changed while the editor was open is a conflict: it is
  // based on the version the planner saw when they started typing.
  const onCellEditingStarted = (event: CellEditingStartedEvent<GridRow>) => {
    const meta = metaRef.current.get(event.column.getColId());
    if (meta?.kind !== 'cell' || !event.data || isPinned(event.data)) return;
    const key = allocationKey(event.data.id, meta.criterionId, meta.sourceId);
    editBaseRef.current = { key, version: versions.get(key) ?? 0 };
  };

  // --- edits ----------------------------------------------------------------------------------
  const applyChanges = useCallback(
    (changes: Batch, shouldRecord: boolean, expectedVersion?: number) => {
      if (changes.length === 0) return;
      const communes: string[] = [];
      const cells: CellEdit[] = [];
      for (const change of changes) {
        setAmount(ctx, change.key, change.after);
        const ids = splitAllocationKey(change.key);
        communes.push(ids.communeId);
        cells.push({ ...ids, amount: change.after.toString() });
      }
      if (shouldRecord) {
        historyRef.current = record(historyRef.current, changes);
        setHistory(historyRef.current);
      }
      queueRef.current?.enqueue(cells, expectedVersion === undefined ? {} : { expectedVersion });
      refreshRows(communes);
      const selection = selectionRef.current;
      if (selection) setSummary(summaryOf(selection));
    },
    // summaryOf reads refs only.
    [ctx, refreshRows],
  );

  const model = useCallback((): GridModel => {
    const api = apiRef.current;
    const cols = displayedColsRef.current;
    return {
      rowCount: api?.getDisplayedRowCount() ?? 0,
      colCount: cols.length,
      cellAt(row, col) {
        const data = api?.getDisplayedRowAtIndex(row)?.data;
        const column = cols[col];
        const meta = column ? metaRef.current.get(column.getColId()) : undefined;
        if (!meta || !data || isPinned(data))
          return { isEditable: false, reason: 'readOnlyColumn', value: null };
        if (meta.kind === 'info')
          return { isEditable: false, reason: 'readOnlyColumn', value: cellValueOf(ctx, meta, data) };
        if (meta.kind !== 'cell')
          return { isEditable: false, reason: 'summary', value: cellValueOf(ctx, meta, data) };
        const key = allocationKey(data.id, meta.criterionId, meta.sourceId);
        const value = ctx.amounts.get(key) ?? 0n;
        if (!isWritable || !ctx.canEditRow(data.id))
          return { isEditable: false, reason: 'readOnlyColumn', value };
        return data.eligibleSources.has(meta.sourceId)
          ? { isEditable: true, key, value }
          : { isEditable: false, reason: 'ineligible', value };
      },
    };
  }, [ctx, isWritable]);

  const summaryOf = (selection: Selection) => {
    const size = rectSize(normalize(selection));
    return { ...size, ...summarize(model(), selection) };
  };

  // --- selection --------------------------------------------------------------------------------
  const setSelection = useCallback(
    (next: Selection | null, options: { focus?: CellPosition } = {}) => {
      const api = apiRef.current;
      const before = selectionRef.current ? normalize(selectionRef.current) : null;
      selectionRef.current = next;
      ctx.selection = next ? normalize(next) : null;
      setSummary(next ? summaryOf(next) : null);
      if (!api) return;
      const rows = new Set<number>();
      for (const rect of [before, ctx.selection]) {
        if (!rect) continue;
        for (let row = rect.top; row <= rect.bottom; row++) rows.add(row);
      }
      const nodes = [...rows].flatMap((row) => {
        const node = api.getDisplayedRowAtIndex(row);
        return node ? [node] : [];
      });
      if (nodes.length > 0) api.refreshCells({ rowNodes: nodes, force: true });
      const focus = options.focus;
      const column = focus ? displayedColsRef.current[focus.col] : undefined;
      if (focus && column) {
        api.ensureIndexVisible(focus.row);
        api.ensureColumnVisible(column);
        ownFocusRef.current = { row: focus.row, colId: column.getColId() };
        api.setFocusedCell(focus.row, column);
      }
      syncConflictRef.current();
    },
    // summaryOf reads refs only.
    [ctx],
  );

  const syncColumns = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    const cols = api.getAllDisplayedColumns();
    displayedColsRef.current = cols;
    ctx.columnIndex = new Map(cols.map((column, index) => [column.getColId(), index]));
    const selection = selectionRef.current;
    setSelection(
      selection
        ? clampSelection(selection, { rowCount: api.getDisplayedRowCount(), colCount: cols.length })
        : null,
    );
    api.refreshCells({ force: true });
  }, [ctx, setSelection]);

  const positionOf = (rowIndex: number | null | undefined, column: Column | string | null | undefined) => {
    if (rowIndex == null || column == null) return null;
    const colId = typeof column === 'string' ? column : column.getColId();
    const col = ctx.columnIndex.get(colId);
    return col === undefined ? null : { row: rowIndex, col };
  };

  useEffect(() => {
    const wrapper = wrapperRef.current;
    const positionAt = (target: EventTarget | null): CellPosition | null => {
      const cellElement = target instanceof HTMLElement ? target.closest('.ag-cell') : null;
      const rowElement = cellElement?.closest('.ag-row');
      const rowIndex = Number(rowElement?.getAttribute('row-index'));
      const col = ctx.columnIndex.get(cellElement?.getAttribute('col-id') ?? '');
      if (
        !cellElement ||
        rowElement?.classList.contains('ag-row-pinned') ||
        !Number.isInteger(rowIndex) ||
        col === undefined
      )
        return null;
      return { row: rowIndex, col };
    };
    const startPress = (event: MouseEvent) => {
      if (event.button !== 0 || (apiRef.current?.getEditingCells().length ?? 0) > 0) return;
      const position = positionAt(event.target);
      const colId = position && displayedColsRef.current[position.col]?.getColId();
      if (!position || !colId) return;
      // AG Grid focuses the pressed cell after this: the selection is decided here (shift extends).
      ownFocusRef.current = { row: position.row, colId };
      const current = selectionRef.current;
      setSelection(event.shiftKey && current ? extendTo(current, position) : selectCell(position));
      isDraggingRef.current = true;
    };
    const dragOver = (event: MouseEvent) => {
      if (!isDraggingRef.current) return;
      if (event.buttons !== 1) {
        isDraggingRef.current = false;
        return;
      }
      const position = positionAt(event.target);
      const current = selectionRef.current;
      if (!position || !current || (current.focus.row === position.row && current.focus.col === position.col))
        return;
      setSelection(extendTo(current, position));
    };
    wrapper?.addEventListener('mouseover', dragOver);
    const stopDragging = () => {
      isDraggingRef.current = false;
    };
    wrapper?.addEventListener('mousedown', startPress, true);
    document.addEventListener('mouseup', stopDragging);
    return () => {
      wrapper?.removeEventListener('mousedown', startPress, true);
      wrapper?.removeEventListener('mouseover', dragOver);
      document.removeEventListener('mouseup', stopDragging);
    };
  }, [ctx, setSelection]);

  const onCellFocused = (event: CellFocusedEvent<GridRow>) => {
    // AG Grid hands grid-option events over in a later timeout, so the grid may have moved on since
    // (a second shift+arrow, a drag): an event for a cell that is no longer focused is stale.
    const focused = apiRef.current?.getFocusedCell();
    const position = positionOf(event.rowIndex, event.column as Column | string | null);
    const colId = position && displayedColsRef.current[position.col]?.getColId();
    if (event.rowPinned || !position || !colId) return;
    const own = ownFocusRef.current;
    const isOwn = own?.row === position.row && own.colId === colId;
    if (isOwn) ownFocusRef.current = null;
    const isStale = focused?.rowIndex !== position.row || focused.column.getColId() !== colId;
    if (isOwn || isStale) return;
    const current = selectionRef.current;
    if (current && current.focus.row === position.row && current.focus.col === position.col) return;
    setSelection(selectCell(position));
  };

  // --- conflicts: shown on the focused cell, resolved there -----------------------------------------
  syncConflictRef.current = () => {
    const selection = selectionRef.current;
    const queue = queueRef.current;
    let next: OpenConflict | null = null;
    if (
      selection &&
      queue &&
      selection.anchor.row === selection.focus.row &&
      selection.anchor.col === selection.focus.col
    ) {
      const info = model().cellAt(selection.focus.row, selection.focus.col);
      const conflict = info.isEditable ? queue.conflictOf(info.key) : undefined;
      const colId = displayedColsRef.current[selection.focus.col]?.getColId();
      if (info.isEditable && conflict && colId)
        next = {
          key: info.key,
          conflict,
          rowIndex: selection.focus.row,
          colId,
          mine: ctx.amounts.get(info.key) ?? 0n,
        };
    }
    const current = openConflictRef.current;
    if (
      next?.conflict === current?.conflict &&
      next?.rowIndex === current?.rowIndex &&
      next?.colId === current?.colId
    )
      return;
    openConflictRef.current = next;
    setOpenConflict(next);
  };

  const focusCell = (rowIndex: number, colId: string) => {
    const api = apiRef.current;
    const column = api?.getColumn(colId);
    if (!api || !column) return;
    ownFocusRef.current = { row: rowIndex, colId };
    api.setFocusedCell(rowIndex, column);
  };

  const closeConflict = () => {
    const open = openConflictRef.current;
    openConflictRef.current = null;
    setOpenConflict(null);
    if (open) focusCell(open.rowIndex, open.colId);
  };

  // --- cell history: the focused cell's audited changes -------------------------------------------------
  const openCellHistory = () => {
    const selection = selectionRef.current;
    const api = apiRef.current;
    const focus = selection?.focus;
    const column = focus ? displayedColsRef.current[focus.col] : undefined;
    const meta = column ? metaRef.current.get(column.getColId()) : undefined;
    const data = focus ? api?.getDisplayedRowAtIndex(focus.row)?.data : undefined;
    if (!focus || !column || !meta || meta.kind !== 'cell' || !data || isPinned(data)) {
      setNotice({ tone: 'info', title: t('grid.history.needCell'), items: [] });
      return;
    }
    setOpenHistory({
      communeId: data.id,
      criterionId: meta.criterionId,
      sourceId: meta.sourceId,
      label: cellLabel(focus.row, focus.col),
      rowIndex: focus.row,
      colId: column.getColId(),
    });
  };
  const openCellHistoryRef = useRef(openCellHistory);
  openCellHistoryRef.current = openCellHistory;

  const closeCellHistory = () => {
    const open = openHistory;
    setOpenHistory(null);
    if (open) focusCell(open.rowIndex, open.colId);
  };

  const resolveConflict = (choice: 'mine' | 'theirs') => {
    const open = openConflictRef.current;
    const queue = queueRef.current;
    if (!open || !queue) return;
    const { key, conflict } = open;
    const ids = splitAllocationKey(key);
    if (choice === 'mine') {
      // Based on the version the conflict showed us: if it moved again, that is a new conflict.
      const amount = ctx.amounts.get(key) ?? BigInt(conflict.attemptedAmount);
      queue.enqueue([{ ...ids, amount: amount.toString() }], { expectedVersion: conflict.currentVersion });
    } else {
      const heard = newerTheirsRef.current.get(key);
      const isHeardNewer = heard !== undefined && heard.version > conflict.currentVersion;
      setAmount(ctx, key, isHeardNewer ? heard.amount : BigInt(conflict.currentAmount));
      versions.set(key, isHeardNewer ? heard.version : conflict.currentVersion);
      newerTheirsRef.current.delete(key);
      queue.discard(key);
      refreshRows([ids.communeId]);
      const selection = selectionRef.current;
      if (selection) setSummary(summaryOf(selection));
    }
    setNotice({
      tone: 'info',
      title: t(choice === 'mine' ? 'grid.conflict.kept' : 'grid.conflict.taken'),
      items: [],
    });
    closeConflict();
  };

  // --- reporting --------------------------------------------------------------------------------
  const cellLabel = useCallback(
    (row: number, col: number) => {
      const api = apiRef.current;
      const data = api?.getDisplayedRowAtIndex(row)?.data;
      const column = displayedColsRef.current[col];
      if (!data || !column || isPinned(data)) return t('grid.outOfGrid');
      const header = column.getColDef().headerTooltip ?? column.getColDef().headerName ?? '';
      return `${data.name} — ${header}`;
    },
    [t],
  );

  const report = useCallback(
    (plan: EditPlan, action: 'paste' | 'fill' | 'clear') => {
      const more = (count: number) =>
        count > MAX_LISTED ? [t('grid.andMore', { count: count - MAX_LISTED })] : [];
      if (plan.invalid.length > 0) {
        setNotice({
          tone: 'error',
          title: t('grid.paste.rejected', { count: plan.invalid.length }),
          items: [
            ...plan.invalid.slice(0, MAX_LISTED).map((item) =>
              t('grid.paste.invalidItem', {
                cell: cellLabel(item.row, item.col),
                text: item.text.trim(),
                reason: t(
                  (['NEGATIVE_AMOUNT', 'FRACTIONAL_AMOUNT', 'AMOUNT_TOO_LARGE'].includes(item.code)
                    ? `grid.valueError.${item.code}`
                    : 'grid.valueError.NOT_AN_AMOUNT') as MessageKey,
                ),
              }),
            ),
            ...more(plan.invalid.length),
          ],
        });
        return;
      }
      const done = t(`grid.done.${action}`, { count: plan.changes.length });
      if (plan.skipped.length > 0) {
        setNotice({
          tone: 'warning',
          title: `${done} ${t('grid.skipped', { count: plan.skipped.length })}`,
          items: [
            ...plan.skipped
              .slice(0, MAX_LISTED)
              .map((item) =>
                item.reason === 'outOfGrid'
                  ? t('grid.skip.outOfGrid')
                  : `${cellLabel(item.row, item.col)}: ${t(`grid.skip.${item.reason}`)}`,
              ),
            ...more(plan.skipped.length),
          ],
        });
        return;
      }
      setNotice({ tone: 'info', title: done, items: [] });
    },
    [t, cellLabel],
  );

  // Typing into a cell: parsed in the displayed unit; a bad value is reported and not written.
  ctx.onTypedValue = (row, meta, text) => {
    const position = selectionRef.current?.focus ?? { row: 0, col: 0 };
    const plan = planPaste(
      {
        rowCount: 1,
        colCount: 1,
        cellAt: () => ({
          isEditable: true,
          key: allocationKey(row.id, meta.criterionId, meta.sourceId),
          value: ctx.amounts.get(allocationKey(row.id, meta.criterionId, meta.sourceId)) ?? 0n,
        }),
      },
      selectCell({ row: 0, col: 0 }),
      text.replace(/[\t\r\n]+/g, ' '),
      { locale: ctx.locale, unit: ctx.unit },
    );
    if (plan.invalid.length > 0) {
      report({ ...plan, invalid: plan.invalid.map((item) => ({ ...item, ...position })) }, 'paste');
      return false;
    }
    setNotice(null);
    const key = allocationKey(row.id, meta.criterionId, meta.sourceId);
    const base = editBaseRef.current?.key === key ? editBaseRef.current.version : undefined;
    editBaseRef.current = null;
    const queue = queueRef.current;
    const hasMoved =
      base !== undefined &&
      base !== (versions.get(key) ?? 0) &&
      !queue?.hasPending(key) &&
      !queue?.conflictOf(key);
    applyChanges(plan.changes, true, hasMoved ? base : undefined);
    return false; // the grid re-reads the value from the context; nothing to store on the row
  };

  const runPlan = useCallback(
    (plan: EditPlan, action: 'paste' | 'fill' | 'clear') => {
      report(plan, action);
      if (plan.invalid.length === 0) applyChanges(plan.changes, true);
    },
    [report, applyChanges],
  );

  const runUndo = useCallback(
    (direction: 'undo' | 'redo') => {
      const step = direction === 'undo' ? undo(historyRef.current) : redo(historyRef.current);
      if (!step) return;
      historyRef.current = step.history;
      setHistory(step.history);
      applyChanges(step.changes, false);
      setNotice({
        tone: 'info',
        title: t(`grid.done.${direction}`, { count: step.changes.length }),
        items: [],
      });
    },
    [applyChanges, t],
  );

  // --- keyboard and clipboard, on top of AG Grid's own navigation and editing -------------------------
  useEffect(() => {
    const wrapper = wrapperRef.current;
    if (!wrapper) return;
    const isEditing = () => (apiRef.current?.getEditingCells().length ?? 0) > 0;
    const isInCell = (target: EventTarget | null) =>
      target instanceof HTMLElement && target.closest('.ag-cell') !== null;

    const onKeyDown = (event: KeyboardEvent) => {
      const api = apiRef.current;
      if (!api || isEditing() || !isInCell(event.target)) return;
      const selection = selectionRef.current;
      const isMod = event.ctrlKey || event.metaKey;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const arrow = ARROWS[event.key];
      let isHandled = true;
      if (event.altKey && !isMod && !event.shiftKey && event.code === 'KeyH') {
        openCellHistoryRef.current();
      } else if (key === 'Enter' && !isMod && !event.shiftKey && !event.altKey && openConflictRef.current) {
        popoverRef.current?.querySelector('button')?.focus();
      } else if (arrow && event.shiftKey && !isMod && selection) {
        const next = extendBy(selection, arrow[0], arrow[1], {
          rowCount: api.getDisplayedRowCount(),
          colCount: displayedColsRef.current.length,
        });
        setSelection(next, { focus: next.focus });
      } else if ((key === 'Delete' || key === 'Backspace') && !isMod && selection) {
        runPlan(planClear(model(), selection), 'clear');
      } else if (isMod && !event.shiftKey && key === 'd' && selection) {
        runPlan(planFill(model(), selection, 'down'), 'fill');
      } else if (isMod && !event.shiftKey && key === 'r' && selection) {
        runPlan(planFill(model(), selection, 'right'), 'fill');
      } else if (isMod && key === 'z' && !event.shiftKey) {
        runUndo('undo');
      } else if (isMod && (key === 'y' || (key === 'z' && event.shiftKey))) {
        runUndo('redo');
      } else if (isMod && key === 'a' && !event.shiftKey) {
        const rowCount = api.getDisplayedRowCount();
        if (rowCount > 0)
          setSelection({
            anchor: { row: 0, col: 0 },
            focus: { row: rowCount - 1, col: displayedColsRef.current.length - 1 },
          });
      } else {
        isHandled = false;
      }
      if (isHandled) {
        event.preventDefault();
        event.stopPropagation();
      }
    };

    const onCopy = (event: ClipboardEvent) => {
      const selection = selectionRef.current;
      if (!selection || isEditing() || !isInCell(event.target)) return;
      const api = apiRef.current;
      const rows = copyRange(selection, (row, col) => {
        const column = displayedColsRef.current[col];
        const meta = column ? metaRef.current.get(column.getColId()) : undefined;
        return meta ? textOf(ctx, meta, api?.getDisplayedRowAtIndex(row)?.data) : '';
      });
      const text = serializeTsv(rows);
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
      // Some browsers hand no clipboardData to synthetic events; the async API covers them.
      if (!event.clipboardData) void navigator.clipboard?.writeText(text).catch(() => {});
      const size = rectSize(normalize(selection));
      setNotice({
        tone: 'info',
        title: t('grid.done.copy', { rows: size.rows, cols: size.cols }),
        items: [],
      });
    };

    const onPaste = (event: ClipboardEvent) => {
      const selection = selectionRef.current;
      if (!selection || isEditing() || !isInCell(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      event.preventDefault();
      if (text === '') return;
      const plan = planPaste(model(), selection, text, { locale: ctx.locale, unit: ctx.unit });
      runPlan(plan, 'paste');
      // Excel leaves the pasted block selected.
      const block = parseTsv(text);
      const rect = normalize(selection);
      const width = Math.max(...block.map((fields) => fields.length));
      if (plan.invalid.length === 0 && (block.length > 1 || width > 1)) {
        const api = apiRef.current;
        const end = {
          row: Math.min(rect.top + block.length - 1, (api?.getDisplayedRowCount() ?? 1) - 1),
          col: Math.min(rect.left + width - 1, displayedColsRef.current.length - 1),
        };
        setSelection({ anchor: { row: rect.top, col: rect.left }, focus: end });
      }
    };

    wrapper.addEventListener('keydown', onKeyDown, true);
    wrapper.addEventListener('copy', onCopy);
    wrapper.addEventListener('paste', onPaste);
    return () => {
      wrapper.removeEventListener('keydown', onKeyDown, true);
      wrapper.removeEventListener('copy', onCopy);
      wrapper.removeEventListener('paste', onPaste);
    };
  }, [ctx, model, runPlan, runUndo, setSelection, t]);

  // --- columns and rows ---------------------------------------------------------------------------
  const columns = useMemo(
    () => buildColumns({ ctx, view, oneSourceId, groups, criteria, sources, locale }),
    // unit is read from ctx at render time; rebuilding for it only re-renders the headers' unit note.
    [ctx, view, oneSourceId, groups, criteria, sources, locale],
  );
  metaRef.current = columns.meta;

  useEffect(() => {
    // Unit, language, view or writability changed: every visible cell formats again.
    apiRef.current?.refreshCells({ force: true });
  }, [unit, locale, view, oneSourceId, isWritable]);

  const shortfalls = useMemo(
    () => (analysis ? shortfallsOf(analysis) : new Map<string, bigint>()),
    [analysis],
  );
  // The analysis only matters to the rows under the "short of money" filter: otherwise its arrival
  // must not hand AG Grid new row data (that re-renders every row and can move the focused cell).
  const filterShortfalls = filters.shortOnly ? shortfalls : null;
  const rows = useMemo(
    () => filterRows(allRows, filters, filterShortfalls ?? NO_SHORTFALLS, matchesSearch),
    [allRows, filters, filterShortfalls],
  );
  shownRowsRef.current = rows;

  const getRowId = useCallback((params: GetRowIdParams<GridRow>) => params.data.id, []);
  const onGridReady = useCallback(
    (event: GridReadyEvent<GridRow>) => {
      apiRef.current = event.api;
      syncColumns();
    },
    [syncColumns],
  );

  // --- analysis panel links ---------------------------------------------------------------------------
  const selectTarget = useCallback(
    (target: CellTarget, isRetry = false) => {
      const api = apiRef.current;
      if (!api) return;
      const rowIndex = target.communeId ? api.getRowNode(target.communeId)?.rowIndex : 0;
      if (rowIndex == null) {
        if (isRetry) return;
        setFilters(NO_FILTERS);
        setTimeout(() => selectTarget(target, true), 50);
        return;
      }
      const cols = displayedColsRef.current;
      const matches: number[] = [];
      cols.forEach((column, index) => {
        const meta = metaRef.current.get(column.getColId());
        if (!meta) return;
        if (target.criterionIds && (meta.kind === 'cell' || meta.kind === 'criterionTotal')) {
          if (target.criterionIds.includes(meta.criterionId)) matches.push(index);
        } else if (
          !target.criterionIds &&
          target.sourceId &&
          meta.kind === 'sourceTotal' &&
          meta.sourceId === target.sourceId
        ) {
          matches.push(index);
        }
      });
      if (matches.length === 0 && target.sourceId && !target.criterionIds && !isRetry) {
        // The source's total column only exists in the by-source and total views.
        setView('bySource');
        setTimeout(() => selectTarget(target, true), 50);
        return;
      }
      const left = matches.length > 0 ? Math.min(...matches) : 0;
      const right = matches.length > 0 ? Math.max(...matches) : 0;
      const top = target.communeId ? rowIndex : 0;
      const bottom = target.communeId ? rowIndex : api.getDisplayedRowCount() - 1;
      setSelection(
        { anchor: { row: top, col: left }, focus: { row: bottom, col: right } },
        { focus: { row: top, col: left } },
      );
    },
    [setSelection, setView],
  );

  const criterionNames = useMemo(
    () =>
      new Map(
        criteria.map((criterion) => [
          criterion.id,
          `${criterion.number}. ${locale === 'vi' ? criterion.nameVi : criterion.nameEn}`,
        ]),
      ),
    [criteria, locale],
  );
  const sourceNames = useMemo(
    () => new Map(sources.map((source) => [source.id, shortSourceName(source, t)])),
    [sources, t],
  );

  const localeText = useMemo(() => ({ noRowsToShow: t('grid.noRows') }), [t]);
  const hasRestrictedSource = sources.some((source) => source.eligibleCommuneFlags.length > 0);

  return (
    <section className="grid-page" aria-labelledby="grid-heading" ref={pageRef}>
      <h2 id="grid-heading" className="visually-hidden">
        {t('grid.heading')}
      </h2>
      <div className="grid-toolbar">
        <fieldset className="grid-toolbar__group">
          <legend className="visually-hidden">{t('grid.view.label')}</legend>
          {(['bySource', 'total', 'oneSource'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className="grid-toggle"
              aria-pressed={view === option}
              onClick={() => setView(option)}
            >
              {t(`grid.view.${option}`)}
            </button>
          ))}
          {view === 'oneSource' && (
            <label className="grid-toolbar__field">
              <span className="visually-hidden">{t('grid.view.pickSource')}</span>
              <select value={oneSource?.id ?? ''} onChange={(event) => setOneSourceId(event.target.value)}>
                {sources.map((source) => (
                  <option key={source.id} value={source.id}>
                    {locale === 'vi' ? source.nameVi : source.nameEn}
                  </option>
                ))}
              </select>
            </label>
          )}
        </fieldset>
        <label className="grid-toolbar__field">
          <span className="visually-hidden">{t('grid.unit.label')}</span>
          <select value={unit} onChange={(event) => setUnit(event.target.value as MoneyUnit)}>
            {UNITS.map((option) => (
              <option key={option} value={option}>
                {t(`grid.unit.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="grid-toolbar__group">
          <legend className="visually-hidden">{t('grid.filter.label')}</legend>
          {(
            [
              ['targetedOnly', 'grid.filter.targeted'],
              ['program135Only', 'grid.filter.program135'],
              ['shortOnly', 'grid.filter.short'],
            ] as const
          ).map(([name, label]) => (
            <label key={name} className="grid-check">
              <input
                type="checkbox"
                checked={filters[name]}
                onChange={(event) => setFilters((current) => ({ ...current, [name]: event.target.checked }))}
              />
              {t(label)}
            </label>
          ))}
          {areas.length > 0 && (
            <label className="grid-toolbar__field">
              <span className="visually-hidden">{t('grid.filter.area')}</span>
              <select
                value={filters.area}
                onChange={(event) => setFilters((current) => ({ ...current, area: event.target.value }))}
              >
                <option value="">{t('grid.filter.allAreas')}</option>
                {areas.length === 1
                  ? areas[0]!.districts.map((district) => (
                      <option key={district.key} value={district.key}>
                        {district.name}
                      </option>
                    ))
                  : areas.map(({ province, districts }) => (
                      <optgroup key={province.key} label={province.name}>
                        <option value={province.key}>
                          {t('grid.filter.wholeProvince', { name: province.name })}
                        </option>
                        {districts.map((district) => (
                          <option key={district.key} value={district.key}>
                            {district.name}
                          </option>
                        ))}
                      </optgroup>
                    ))}
              </select>
            </label>
          )}
          <label className="grid-toolbar__field">
            <span className="visually-hidden">{t('grid.filter.search')}</span>
            <input
              type="search"
              className="grid-search"
              placeholder={t('grid.filter.searchPlaceholder')}
              value={filters.search}
              onChange={(event) => setFilters((current) => ({ ...current, search: event.target.value }))}
            />
          </label>
        </fieldset>
        <ComparePicker compare={compare} />
        <div className="grid-toolbar__group">
          <button
            type="button"
            className="grid-toggle grid-toggle--undo"
            disabled={!canUndo(history)}
            onClick={() => runUndo('undo')}
            title={t('grid.undoHint')}
          >
            {t('grid.undo')}
          </button>
          <button
            type="button"
            className="grid-toggle grid-toggle--redo"
            disabled={!canRedo(history)}
            onClick={() => runUndo('redo')}
            title={t('grid.redoHint')}
          >
            {t('grid.redo')}
          </button>
        </div>
      </div>
      {view === 'total' && <p className="grid-note">{t('grid.totalReadOnly')}</p>}
      {onShowAll && (
        <p className="grid-note" role="status" data-testid="grid-region">
          {t('grid.region', { count: allRows.length })}{' '}
          <button type="button" className="button button--quiet" onClick={onShowAll}>
            {t('grid.regionShowAll')}
          </button>
        </p>
      )}
      {!isWritable && (
        <p className="grid-note" role="status" data-testid="grid-locked">
          {t('grid.planLocked')}
        </p>
      )}
      {isWritable && !session.can('Mutation.setAllocations') && (
        <p className="grid-note" data-testid="grid-read-only">
          {t('session.readOnly')}
        </p>
      )}
      {isWritable && ownCommune && session.can('Mutation.setAllocations') && (
        <p className="grid-note">{t('session.ownCommuneOnly', { commune: ownCommune.name })}</p>
      )}
      <CompareSummary state={compare.state} />

      <div className="grid-layout" ref={layoutRef}>
        <div className="grid-main" ref={gridMainRef}>
          <div ref={wrapperRef} className="grid-wrapper" data-testid="allocation-grid" data-view={view}>
            <AgGridReact<GridRow>
              rowData={rows}
              columnDefs={columns.columnDefs}
              getRowId={getRowId}
              pinnedBottomRowData={PINNED_ROWS}
              defaultColDef={DEFAULT_COL_DEF}
              rowHeight={ROW_HEIGHT}
              headerHeight={ROW_HEIGHT}
              groupHeaderHeight={ROW_HEIGHT}
              enterNavigatesVertically
              enterNavigatesVerticallyAfterEdit
              stopEditingWhenCellsLoseFocus
              suppressCellFocus={false}
              tooltipShowDelay={400}
              localeText={localeText}
              onGridReady={onGridReady}
              onDisplayedColumnsChanged={syncColumns}
              onRowDataUpdated={syncColumns}
              onCellFocused={onCellFocused}
              onCellEditingStarted={onCellEditingStarted}
            />
          </div>
          {openHistory && (
            <CellHistoryPopover
              planId={planId}
              target={openHistory}
              unit={unit}
              container={gridMainRef.current}
              onClose={closeCellHistory}
            />
          )}
          {openConflict && !openHistory && (
            <ConflictPopover
              ref={popoverRef}
              open={openConflict}
              ctx={ctx}
              container={gridMainRef.current}
              onKeepMine={() => resolveConflict('mine')}
              onTakeTheirs={() => resolveConflict('theirs')}
              onClose={closeConflict}
            />
          )}
          <div className="grid-status" data-testid="grid-status">
            <span role="status" aria-live="polite" className="grid-status__selection">
              {summary
                ? t('grid.status.selection', {
                    rows: summary.rows,
                    cols: summary.cols,
                    count: summary.count,
                    sum: formatMoney(summary.sum, { locale, unit, withUnit: true }),
                  })
                : t('grid.status.noSelection')}
            </span>
            <span
              className={`grid-status__save grid-status__save--${saveStatus}`}
              data-testid="save-status"
              data-pending={pendingCount}
              data-conflicts={conflictCount}
            >
              {saveStatus === 'offline'
                ? t('grid.save.offline', { count: pendingCount })
                : pendingCount > 0
                  ? t('grid.save.pending', { count: pendingCount })
                  : conflictCount > 0
                    ? t('grid.save.conflicts', { count: conflictCount })
                    : failedCount > 0
                      ? t('grid.save.failed', { count: failedCount })
                      : t('grid.save.saved')}
            </span>
            <details className="grid-legend-toggle">
              <summary>{t('grid.legend.label')}</summary>
              <ul className="grid-legend" aria-label={t('grid.legend.label')}>
                {LEGEND_SWATCHES.filter((kind) => kind !== 'ineligible' || hasRestrictedSource).map(
                  (kind) => (
                    <li key={kind}>
                      <span className={`swatch swatch--${kind}`} aria-hidden="true" />
                      {t(`grid.legend.${kind}`)}
                    </li>
                  ),
                )}
                <li className="grid-legend__keys">{t('grid.legend.keys')}</li>
              </ul>
            </details>
            <button
              type="button"
              className="grid-status__history"
              title={t('grid.history.openHint')}
              aria-keyshortcuts="Alt+H"
              onClick={openCellHistory}
            >
              {t('grid.history.open')}
            </button>
          </div>
          {notice && (
            <div
              className={`grid-notice grid-notice--${notice.tone}`}
              role={notice.tone === 'error' ? 'alert' : 'status'}
              data-testid="grid-notice"
            >
              <p className="grid-notice__title">{notice.title}</p>
              {notice.items.length > 0 && (
                <ul>
                  {notice.items.map((item, index) => (
                    <li key={index}>{item}</li>
                  ))}
                </ul>
              )}
              <button type="button" className="grid-notice__close" onClick={() => setNotice(null)}>
                {t('grid.dismiss')}
              </button>
            </div>
          )}
        </div>
        <AnalysisPanel
          analysis={analysis}
          isUpdating={isAnalysisStale}
          isOpen={isPanelOpen}
          onToggle={togglePanel}
          criterionNames={criterionNames}
          sourceNames={sourceNames}
          onSelect={selectTarget}
        />
      </div>
    </section>
  );
}
