// Column definitions for the three views. They close over a mutable GridContext (amounts, totals,
// selection, save states) instead of capturing values, so they are built once per view/language/
// unit and every later change is shown by `api.refreshCells`, never by rebuilding 171 columns.
import { formatMoney, type Locale, type MoneyUnit } from '@ntm/domain';
import type {
  CellClassParams,
  ColDef,
  ColGroupDef,
  ITooltipParams,
  ValueFormatterParams,
  ValueGetterParams,
  ValueSetterParams,
} from 'ag-grid-community';
import type { Translate } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/vi';
import type { Rect } from '../spreadsheet/selection';
import {
  allocationKey,
  type CapInfo,
  type CommuneRow,
  type CriterionData,
  type GroupData,
  type SourceData,
  type Totals,
} from './grid-data';
import { MoneyEditor } from './money-editor';
import type { CellConflict, CellState } from './save-queue';

export type GridView = 'bySource' | 'total' | 'oneSource';

export type PinnedKind = 'total' | 'confirmedCap' | 'expectedCap' | 'remaining';
export type PinnedRow = { id: string; pinned: PinnedKind };
export type GridRow = CommuneRow | PinnedRow;

export type ColumnMeta =
  | { kind: 'info'; field: 'name' | 'kind' | 'p135' | 'target' | 'met' | 'shortfall' }
  | { kind: 'cell'; criterionId: string; sourceId: string }
  | { kind: 'criterionTotal'; criterionId: string }
  | { kind: 'sourceTotal'; sourceId: string }
  | { kind: 'rowTotal' };

/** Everything cells read at render time; mutated in place by the page. */
export type GridContext = {
  amounts: Map<string, bigint>;
  totals: Totals;
  caps: Map<string, CapInfo>;
  shortfalls: Map<string, bigint>;
  cellStates: (key: string) => CellState | undefined;
  /** Cells another planner changed a moment ago (briefly highlighted). */
  liveKeys: ReadonlySet<string>;
  /** False once the plan is locked or submitted: no cell takes an edit. */
  isWritable: boolean;
  /** A large plan opened in the total view: its commune × criterion sums (no cells were read). */
  criterionSums: ReadonlyMap<string, bigint> | null;
  /** A large plan's region: cell columns sum its communes only, source totals the whole plan. */
  isRegion: boolean;
  /** "Compare with a version": each differing cell's amount in that version, and the version's name. */
  compared: { name: string; before: ReadonlyMap<string, bigint> } | null;
  selection: Rect | null;
  columnIndex: Map<string, number>;
  /** Sources shown per row in the row total (all, or the one picked). */
  rowSources: readonly SourceData[];
  locale: Locale;
  unit: MoneyUnit;
  t: Translate;
  /** May the signed-in user write this commune's cells (a commune officer: their own only)? */
  canEditRow: (communeId: string) => boolean;
  /** Typed value in the displayed unit; returns false (and reports) when it is not an amount. */
  onTypedValue: (row: CommuneRow, meta: ColumnMeta & { kind: 'cell' }, text: string) => boolean;
};

/** "Đã được <who> sửa lúc <time>: <amount>", for the cell's tooltip and the conflict popover. */
export function conflictText(
  ctx: Pick<GridContext, 'locale' | 'unit' | 't'>,
  conflict: CellConflict,
): string {
  const time = conflict.changedAt
    ? new Intl.DateTimeFormat(ctx.locale === 'vi' ? 'vi-VN' : 'en-GB', {
        dateStyle: 'short',
        timeStyle: 'medium',
      }).format(new Date(conflict.changedAt))
    : '—';
  return ctx.t('grid.cell.conflict', {
    who: conflict.changedBy ?? ctx.t('grid.conflict.someone'),
    time,
    amount: formatMoney(BigInt(conflict.currentAmount), {
      locale: ctx.locale,
      unit: ctx.unit,
      withUnit: true,
    }),
  });
}

export function isPinned(row: GridRow | undefined): row is PinnedRow {
  return row !== undefined && 'pinned' in row;
}

export const PINNED_ROWS: PinnedRow[] = [
  { id: 'pinned-total', pinned: 'total' },
  { id: 'pinned-confirmed', pinned: 'confirmedCap' },
  { id: 'pinned-expected', pinned: 'expectedCap' },
  { id: 'pinned-remaining', pinned: 'remaining' },
];

const KIND_LABEL: Record<CommuneRow['kind'], MessageKey> = {
  XA: 'grid.kind.XA',
  PHUONG: 'grid.kind.PHUONG',
  THI_TRAN: 'grid.kind.THI_TRAN',
};

const LEVEL_LABEL: Record<NonNullable<CommuneRow['targetLevel']>, MessageKey> = {
  DAT_CHUAN: 'grid.level.DAT_CHUAN',
  NANG_CAO: 'grid.level.NANG_CAO',
  KIEU_MAU: 'grid.level.KIEU_MAU',
};

/** The numeric value a column shows for a row (null: no number here). */
export function cellValueOf(ctx: GridContext, meta: ColumnMeta, row: GridRow | undefined): bigint | null {
  if (!row) return null;
  if (isPinned(row)) return pinnedValue(ctx, meta, row.pinned);
  switch (meta.kind) {
    case 'info':
      return meta.field === 'shortfall' ? (ctx.shortfalls.get(row.id) ?? null) : null;
    case 'cell':
      return ctx.amounts.get(allocationKey(row.id, meta.criterionId, meta.sourceId)) ?? 0n;
    case 'criterionTotal': {
      if (ctx.criterionSums) return ctx.criterionSums.get(`${row.id}|${meta.criterionId}`) ?? 0n;
      let sum = 0n;
      for (const source of ctx.rowSources)
        sum += ctx.amounts.get(allocationKey(row.id, meta.criterionId, source.id)) ?? 0n;
      return sum;
    }
    case 'sourceTotal':
      return ctx.totals.byCommuneSource.get(`${row.id}|${meta.sourceId}`) ?? 0n;
    case 'rowTotal': {
      let sum = 0n;
      for (const source of ctx.rowSources)
        sum += ctx.totals.byCommuneSource.get(`${row.id}|${source.id}`) ?? 0n;
      return sum;
    }
  }
}

function capsOf(ctx: GridContext, sources: readonly SourceData[]) {
  let confirmed = 0n;
  let expected = 0n;
  let hasCap = false;
  let allocated = 0n;
  for (const source of sources) {
    const cap = ctx.caps.get(source.id);
    allocated += ctx.totals.bySource.get(source.id) ?? 0n;
    if (!cap) continue;
    hasCap = true;
    if (cap.isConfirmed) confirmed += cap.amount;
    else expected += cap.amount;
  }
  return { confirmed, expected, hasCap, allocated };
}

function pinnedValue(ctx: GridContext, meta: ColumnMeta, kind: PinnedKind): bigint | null {
  if (kind === 'total') {
    switch (meta.kind) {
      case 'info':
        return null;
      case 'cell':
        return ctx.totals.byCell.get(`${meta.criterionId}|${meta.sourceId}`) ?? 0n;
      case 'criterionTotal': {
        // Only the total view (every source) exists without cells.
        if (ctx.criterionSums) return ctx.totals.byCriterion.get(meta.criterionId) ?? 0n;
        let sum = 0n;
        for (const source of ctx.rowSources)
          sum += ctx.totals.byCell.get(`${meta.criterionId}|${source.id}`) ?? 0n;
        return sum;
      }
      case 'sourceTotal':
        return ctx.totals.bySource.get(meta.sourceId) ?? 0n;
      case 'rowTotal':
        return capsOf(ctx, ctx.rowSources).allocated;
    }
  }
  // Caps exist per source, so only the source and row total columns carry them.
  const sources =
    meta.kind === 'sourceTotal'
      ? ctx.rowSources.filter((source) => source.id === meta.sourceId)
      : meta.kind === 'rowTotal'
        ? ctx.rowSources
        : null;
  if (!sources) return null;
  const caps = capsOf(ctx, sources);
  if (kind === 'confirmedCap') return caps.hasCap ? caps.confirmed : null;
  if (kind === 'expectedCap') return caps.hasCap ? caps.expected : null;
  return caps.hasCap ? caps.confirmed + caps.expected - caps.allocated : null;
}

export function formatAmount(ctx: GridContext, value: bigint): string {
  return formatMoney(value, { locale: ctx.locale, unit: ctx.unit });
}

/** Full precision in the displayed unit, no grouping: what copy puts on the clipboard and the editor starts with. */
export function exactText(value: bigint, locale: Locale, unit: MoneyUnit): string {
  const group = locale === 'vi' ? '.' : ',';
  return formatMoney(value, { locale, unit, maxFractionDigits: 9 }).replaceAll(group, '');
}

/** Text of a cell as shown (for copy of info columns too). */
export function textOf(ctx: GridContext, meta: ColumnMeta, row: GridRow | undefined): string {
  if (!row) return '';
  if (isPinned(row)) {
    if (meta.kind === 'info' && meta.field === 'name')
      return ctx.t(
        ctx.isRegion && row.pinned === 'total' ? 'grid.pinned.regionTotal' : `grid.pinned.${row.pinned}`,
      );
    const value = pinnedValue(ctx, meta, row.pinned);
    return value === null ? '' : exactText(value, ctx.locale, ctx.unit);
  }
  if (meta.kind === 'info') {
    switch (meta.field) {
      case 'name':
        return row.name;
      case 'kind':
        return ctx.t(KIND_LABEL[row.kind]);
      case 'p135':
        return row.isProgram135 ? ctx.t('grid.p135Badge') : '';
      case 'target':
        return targetText(ctx, row);
      case 'met':
        return `${row.criteriaMet}/${row.criteriaTotal}`;
      case 'shortfall': {
        const value = ctx.shortfalls.get(row.id);
        return value === undefined ? '' : exactText(value, ctx.locale, ctx.unit);
      }
    }
  }
  const value = cellValueOf(ctx, meta, row);
  return value === null ? '' : exactText(value, ctx.locale, ctx.unit);
}

function targetText(ctx: GridContext, row: CommuneRow): string {
  if (!row.isTarget) return '';
  const level = row.targetLevel ? ctx.t(LEVEL_LABEL[row.targetLevel]) : '';
  return [level, row.deadlineLabel ?? ''].filter(Boolean).join(' · ');
}

export type BuiltColumns = {
  columnDefs: (ColDef<GridRow> | ColGroupDef<GridRow>)[];
  meta: Map<string, ColumnMeta>;
};

export type BuildInput = {
  ctx: GridContext;
  view: GridView;
  oneSourceId: string | null;
  groups: readonly GroupData[];
  criteria: readonly CriterionData[];
  sources: readonly SourceData[];
  locale: Locale;
};

function nameOf(item: { nameVi: string; nameEn: string }, locale: Locale): string {
  return locale === 'vi' ? item.nameVi : item.nameEn;
}

export function shortSourceName(source: SourceData, t: Translate): string {
  return t(`grid.sourceShort.${source.kind}`);
}

export function buildColumns(input: BuildInput): BuiltColumns {
  const { ctx, view, groups, criteria, sources, locale } = input;
  const meta = new Map<string, ColumnMeta>();
  const t = ctx.t;
  const register = (colId: string, m: ColumnMeta) => {
    meta.set(colId, m);
    return colId;
  };

  const isSelected = (params: CellClassParams<GridRow>) => {
    const rect = ctx.selection;
    if (!rect || params.node.rowPinned) return false;
    const row = params.node.rowIndex;
    const col = ctx.columnIndex.get(params.column.getColId());
    return (
      row != null &&
      col !== undefined &&
      row >= rect.top &&
      row <= rect.bottom &&
      col >= rect.left &&
      col <= rect.right
    );
  };

  const baseRules = {
    'cell--selected': isSelected,
    'cell--pinned-total': (p: CellClassParams<GridRow>) => isPinned(p.data),
  };

  const infoCol = (
    field: Extract<ColumnMeta, { kind: 'info' }>['field'],
    headerKey: MessageKey,
    width: number,
  ) => {
    const colId = register(`info:${field}`, { kind: 'info', field });
    const m = meta.get(colId)!;
    const col: ColDef<GridRow> = {
      colId,
      headerName: t(headerKey),
      headerTooltip: t(headerKey),
      pinned: 'left',
      width,
      editable: false,
      valueGetter: (p: ValueGetterParams<GridRow>) => textOf(ctx, m, p.data),
      cellClassRules: {
        ...baseRules,
        'cell--readonly': (p) => !isPinned(p.data),
        'cell--badge': () => field === 'p135',
        'cell--num': () => field === 'met' || field === 'shortfall',
        'cell--short': (p) =>
          field === 'shortfall' && !isPinned(p.data) && (ctx.shortfalls.get(p.data?.id ?? '') ?? 0n) > 0n,
      },
    };
    if (field === 'shortfall') {
      col.valueGetter = (p) => (p.data && !isPinned(p.data) ? (ctx.shortfalls.get(p.data.id) ?? null) : null);
      col.valueFormatter = (p: ValueFormatterParams<GridRow>) =>
        typeof p.value === 'bigint' ? formatAmount(ctx, p.value) : '';
    }
    return col;
  };

  const moneyCol = (
    colId: string,
    m: ColumnMeta,
    headerName: string,
    headerTooltip: string,
    width = 92,
  ): ColDef<GridRow> => {
    register(colId, m);
    const isEligibleCell = (row: GridRow | undefined) =>
      m.kind === 'cell' && row !== undefined && !isPinned(row) && row.eligibleSources.has(m.sourceId);
    const isEditableCell = (row: GridRow | undefined) =>
      ctx.isWritable && isEligibleCell(row) && ctx.canEditRow(row!.id);
    const keyOf = (row: GridRow | undefined) =>
      m.kind === 'cell' && row && !isPinned(row) ? allocationKey(row.id, m.criterionId, m.sourceId) : null;
    return {
      colId,
      headerName,
      headerTooltip,
      width,
      type: 'rightAligned',
      editable: (p) => isEditableCell(p.data),
      valueGetter: (p) => cellValueOf(ctx, m, p.data),
      valueFormatter: (p) =>
        typeof p.value === 'bigint' && (p.value !== 0n || isPinned(p.data) || m.kind !== 'cell')
          ? formatAmount(ctx, p.value)
          : '',
      valueSetter: (p: ValueSetterParams<GridRow>) => {
        if (m.kind !== 'cell' || !p.data || isPinned(p.data)) return false;
        return ctx.onTypedValue(p.data, m, String(p.newValue ?? ''));
      },
      cellEditor: MoneyEditor,
      cellEditorParams: { ctx },
      tooltipValueGetter: (p: ITooltipParams<GridRow>) => {
        const key = keyOf(p.data as GridRow | undefined);
        const state = key ? ctx.cellStates(key) : undefined;
        if (state?.state === 'conflict') return conflictText(ctx, state.conflict);
        if (state?.state === 'failed') return t('grid.cell.failed', { message: state.message });
        if (state?.state === 'pending') return t('grid.cell.pending');
        const row = p.data as GridRow | undefined;
        const value = cellValueOf(ctx, m, row);
        const before = key ? ctx.compared?.before.get(key) : undefined;
        if (before !== undefined && ctx.compared)
          return t('grid.compare.cellChanged', {
            name: ctx.compared.name,
            before: formatMoney(before, { locale: ctx.locale, unit: ctx.unit, withUnit: true }),
            after: formatMoney(value ?? 0n, { locale: ctx.locale, unit: ctx.unit, withUnit: true }),
          });
        if (m.kind === 'cell' && row && !isPinned(row) && !row.eligibleSources.has(m.sourceId))
          return t('grid.cell.ineligible');
        return value
          ? t('grid.cell.exact', { amount: formatMoney(value, { locale: ctx.locale }) })
          : undefined;
      },
      cellClassRules: {
        ...baseRules,
        'cell--num': () => true,
        'cell--total': () => m.kind !== 'cell',
        'cell--readonly': (p) =>
          m.kind === 'cell' ? !isPinned(p.data) && !isEditableCell(p.data) : !isPinned(p.data),
        'cell--ineligible': (p) => m.kind === 'cell' && !isPinned(p.data) && !isEligibleCell(p.data),
        'cell--met': (p) =>
          (m.kind === 'cell' || m.kind === 'criterionTotal') &&
          !isPinned(p.data) &&
          p.data?.metCriteria.has(m.criterionId) === true,
        'cell--pending': (p) => ctx.cellStates(keyOf(p.data) ?? '')?.state === 'pending',
        'cell--saved': (p) => ctx.cellStates(keyOf(p.data) ?? '')?.state === 'saved',
        'cell--failed': (p) => ctx.cellStates(keyOf(p.data) ?? '')?.state === 'failed',
        'cell--conflict': (p) => ctx.cellStates(keyOf(p.data) ?? '')?.state === 'conflict',
        'cell--live': (p) => ctx.liveKeys.has(keyOf(p.data) ?? ''),
        'cell--changed': (p) => ctx.compared?.before.has(keyOf(p.data) ?? '') === true,
        'cell--negative': (p) => isPinned(p.data) && typeof p.value === 'bigint' && p.value < 0n,
      },
    };
  };

  const info: ColDef<GridRow>[] = [
    { ...infoCol('name', 'grid.column.name', 120), lockPinned: true },
    infoCol('kind', 'grid.column.kind', 58),
    infoCol('p135', 'grid.column.p135', 50),
    infoCol('target', 'grid.column.target', 112),
    infoCol('met', 'grid.column.met', 54),
    infoCol('shortfall', 'grid.column.shortfall', 84),
  ];
  info[0]!.cellClassRules = { ...info[0]!.cellClassRules, 'cell--name': () => true };

  const oneSource =
    view === 'oneSource' ? (sources.find((s) => s.id === input.oneSourceId) ?? sources[0]) : undefined;
  const groupDefs: ColGroupDef<GridRow>[] = groups.map((group) => {
    const groupCriteria = criteria.filter((criterion) => criterion.groupId === group.id);
    const children = groupCriteria.map((criterion, index): ColDef<GridRow> | ColGroupDef<GridRow> => {
      const criterionName = `${criterion.number}. ${nameOf(criterion, locale)}`;
      // Collapsing a group keeps its first criterion visible so the group never vanishes.
      const groupShow = index === 0 ? undefined : ('open' as const);
      if (view === 'bySource') {
        return {
          groupId: `crit:${criterion.id}`,
          headerName: criterionName,
          headerTooltip: criterionName,
          columnGroupShow: groupShow,
          children: sources.map((source) =>
            moneyCol(
              `cell|${criterion.id}|${source.id}`,
              { kind: 'cell', criterionId: criterion.id, sourceId: source.id },
              shortSourceName(source, t),
              `${criterionName} — ${nameOf(source, locale)}`,
            ),
          ),
        };
      }
      const col =
        view === 'total'
          ? moneyCol(
              `crit|${criterion.id}`,
              { kind: 'criterionTotal', criterionId: criterion.id },
              criterionName,
              criterionName,
              120,
            )
          : moneyCol(
              `cell|${criterion.id}|${oneSource?.id ?? ''}`,
              { kind: 'cell', criterionId: criterion.id, sourceId: oneSource?.id ?? '' },
              criterionName,
              criterionName,
              120,
            );
      return { ...col, columnGroupShow: groupShow };
    });
    const title = `${group.code}. ${nameOf(group, locale)}`;
    return {
      groupId: `group:${group.id}`,
      headerName: title,
      headerTooltip: title,
      openByDefault: true,
      children,
    };
  });

  const totalSources = oneSource ? [oneSource] : sources;
  const totalGroup: ColGroupDef<GridRow> = {
    groupId: 'totals',
    headerName: t('grid.column.totals'),
    openByDefault: true,
    // The row total comes last so it stays in view when the group is collapsed and after End.
    children: [
      ...(oneSource
        ? []
        : totalSources.map((source) => ({
            ...moneyCol(
              `src|${source.id}`,
              { kind: 'sourceTotal', sourceId: source.id },
              shortSourceName(source, t),
              nameOf(source, locale),
            ),
            columnGroupShow: 'open' as const,
          }))),
      moneyCol(
        'rowTotal',
        { kind: 'rowTotal' },
        oneSource
          ? t('grid.column.sourceTotal', { source: shortSourceName(oneSource, t) })
          : t('grid.column.rowTotal'),
        t('grid.column.rowTotalHint'),
        120,
      ),
    ],
  };

  return { columnDefs: [...info, ...groupDefs, totalGroup], meta };
}
