// View model of the allocation grid, free of React and AG Grid: rows (communes), the ordered
// criteria and sources, and the amounts keyed by cell. The API's compact PlanGrid arrays are
// turned into a Map once; every later change goes through `setAmount` so totals stay in step.
import { type EligibilityFlag, isSourceEligible, toSearchKey } from '@ntm/domain';
import type {
  AllocationGridQuery,
  GridPlanSummaryFragment,
  GridTotalsFieldsFragment,
} from '@ntm/graphql-client';

export type PlanData = NonNullable<AllocationGridQuery['plan']>;
export type SourceData = AllocationGridQuery['fundingSources'][number];
export type CriterionData = PlanData['criteriaSet']['criteria'][number];
export type GroupData = PlanData['criteriaSet']['groups'][number];

export type CommuneRow = {
  id: string;
  name: string;
  kind: PlanData['communes'][number]['commune']['kind'];
  isProgram135: boolean;
  isTarget: boolean;
  targetLevel: PlanData['communes'][number]['targetLevel'];
  deadline: string | null;
  deadlineLabel: string | null;
  criteriaMet: number;
  criteriaTotal: number;
  metCriteria: ReadonlySet<string>;
  eligibleSources: ReadonlySet<string>;
  searchKey: string;
  provinceId: string;
  districtId: string | null;
};

export type CapInfo = { amount: bigint; isConfirmed: boolean };

/** Cells are keyed by their three global IDs; IDs are base64 and never hold '|'. */
export function allocationKey(communeId: string, criterionId: string, sourceId: string): string {
  return `${communeId}|${criterionId}|${sourceId}`;
}

export function splitAllocationKey(key: string): {
  communeId: string;
  criterionId: string;
  sourceId: string;
} {
  const [communeId = '', criterionId = '', sourceId = ''] = key.split('|');
  return { communeId, criterionId, sourceId };
}

const ZONES = { ZONE_I: 'I', ZONE_II: 'II', ZONE_III: 'III' } as const;

const KNOWN_FLAGS = new Set<string>(['program135', 'atk', 'border', 'island', 'zoneIII']);

export function isEligible(source: SourceData, commune: PlanData['communes'][number]['commune']): boolean {
  const flags = source.eligibleCommuneFlags.filter((flag) => KNOWN_FLAGS.has(flag)) as EligibilityFlag[];
  // An unknown flag would make the rule unreadable here; the server still checks every write.
  if (flags.length < source.eligibleCommuneFlags.length && flags.length === 0) return true;
  return isSourceEligible(
    { communeFlags: flags },
    {
      isProgram135: commune.isProgram135,
      isAtk: commune.isAtk,
      isBorder: commune.isBorder,
      isIsland: commune.isIsland,
      ethnicZone: commune.ethnicZone ? ZONES[commune.ethnicZone] : null,
      kind: commune.kind === 'PHUONG' ? 'phuong' : commune.kind === 'THI_TRAN' ? 'thi_tran' : 'xa',
    },
  );
}

/** Each commune's met criteria from the plan's compact met pairs (only criteria of the plan's set). */
function readMetCriteria(met: PlanData['criteriaMet']): Map<string, Set<string>> {
  const byCommune = new Map<string, Set<string>>();
  for (let i = 0; i < met.communeIndex.length; i++) {
    const commune = met.communeIds[met.communeIndex[i]!];
    const criterion = met.criterionIds[met.criterionIndex[i]!];
    if (!commune || !criterion) continue;
    const set = byCommune.get(commune);
    if (set) set.add(criterion);
    else byCommune.set(commune, new Set([criterion]));
  }
  return byCommune;
}

const NONE_MET: ReadonlySet<string> = new Set();

export function toRows(plan: PlanData, sources: readonly SourceData[]): CommuneRow[] {
  const criteriaTotal = plan.criteriaSet.criteria.length;
  const metByCommune = readMetCriteria(plan.criteriaMet);
  // Communes sharing the same flags share one eligibility set: 8,000 rows need only a few.
  const eligibleByFlags = new Map<string, ReadonlySet<string>>();
  return plan.communes.map((entry) => {
    const { commune } = entry;
    const metCriteria = metByCommune.get(commune.id) ?? NONE_MET;
    const flags = `${commune.kind}|${commune.isProgram135}|${commune.isAtk}|${commune.isBorder}|${commune.isIsland}|${commune.ethnicZone}`;
    let eligibleSources = eligibleByFlags.get(flags);
    if (!eligibleSources) {
      eligibleSources = new Set(sources.filter((s) => isEligible(s, commune)).map((s) => s.id));
      eligibleByFlags.set(flags, eligibleSources);
    }
    return {
      id: commune.id,
      name: commune.name,
      kind: commune.kind,
      isProgram135: commune.isProgram135,
      isTarget: entry.isTarget,
      targetLevel: entry.targetLevel,
      deadline: entry.deadline,
      deadlineLabel: entry.deadlineLabel,
      criteriaMet: metCriteria.size,
      criteriaTotal,
      metCriteria,
      eligibleSources,
      searchKey: toSearchKey(commune.name),
      provinceId: commune.province.id,
      districtId: commune.district?.id ?? null,
    };
  });
}

/** An area a planner narrows the rows to: a whole province or one district. */
export type Area = { key: string; name: string };
/** The area filter's choices, by province (each with its districts); empty when there is one area. */
export type AreaGroup = { province: Area; districts: Area[] };

const PROVINCE_AREA = 'province:';
const DISTRICT_AREA = 'district:';

/**
 * The provinces and districts of the plan's communes, sorted by name (Vietnamese collation). Empty
 * when every commune is in one province and one district (or none): the filter would not narrow.
 */
export function areasOf(plan: PlanData, locale: string): AreaGroup[] {
  const byProvince = new Map<string, { name: string; districts: Map<string, string> }>();
  for (const { commune } of plan.communes) {
    let province = byProvince.get(commune.province.id);
    if (!province) {
      province = { name: commune.province.name, districts: new Map() };
      byProvince.set(commune.province.id, province);
    }
    if (commune.district) province.districts.set(commune.district.id, commune.district.name);
  }
  const byName = (a: Area, b: Area) => a.name.localeCompare(b.name, locale);
  const groups = [...byProvince].map(([id, province]) => ({
    province: { key: `${PROVINCE_AREA}${id}`, name: province.name },
    districts: [...province.districts]
      .map(([districtId, name]) => ({ key: `${DISTRICT_AREA}${districtId}`, name }))
      .sort(byName),
  }));
  const isOneArea = groups.length === 1 && groups[0]!.districts.length <= 1;
  return isOneArea ? [] : groups.sort((a, b) => byName(a.province, b.province));
}

function isInArea(row: CommuneRow, area: string): boolean {
  if (area === '') return true;
  if (area.startsWith(PROVINCE_AREA)) return row.provinceId === area.slice(PROVINCE_AREA.length);
  return row.districtId === area.slice(DISTRICT_AREA.length);
}

export function orderCriteria(plan: PlanData): { groups: GroupData[]; criteria: CriterionData[] } {
  const groups = [...plan.criteriaSet.groups].sort((a, b) => a.position - b.position);
  const groupOrder = new Map(groups.map((group, index) => [group.id, index]));
  const criteria = [...plan.criteriaSet.criteria].sort(
    (a, b) =>
      (groupOrder.get(a.groupId ?? '') ?? 99) - (groupOrder.get(b.groupId ?? '') ?? 99) ||
      a.number - b.number,
  );
  return { groups, criteria };
}

/** Every written cell of the API's compact grid: amounts, versions, and the totals, in one pass. */
export type GridCells = {
  amounts: Map<string, bigint>;
  /** What the grid's next edit of a cell is based on (absent = 0, never written). */
  versions: Map<string, number>;
  totals: Totals;
};

export function readGrid(grid: NonNullable<PlanData['grid']>): GridCells {
  const amounts = new Map<string, bigint>();
  const versions = new Map<string, number>();
  const { communeIds, criterionIds, sourceIds } = grid;
  const nCriteria = criterionIds.length;
  const nSources = sourceIds.length;
  // Sums by axis position first, turned into keyed maps once at the end: a province has 85,500
  // cells and five keyed map updates per cell were a large part of the first render.
  const byCell = new Array<bigint>(nCriteria * nSources).fill(0n);
  const byCommuneSource = new Array<bigint>(communeIds.length * nSources).fill(0n);
  const cellSeen = new Uint8Array(byCell.length);
  const communeSourceSeen = new Uint8Array(byCommuneSource.length);
  // Key prefixes built once per commune and per criterion × source, not once per cell.
  const communePrefixes = communeIds.map((id) => `${id}|`);
  const cellSuffixes = criterionIds.flatMap((criterion) =>
    sourceIds.map((source) => `${criterion}|${source}`),
  );
  let grand = 0n;
  for (let i = 0; i < grid.amounts.length; i++) {
    const commune = grid.communeIndex[i]!;
    const criterion = grid.criterionIndex[i]!;
    const source = grid.sourceIndex[i]!;
    const prefix = communePrefixes[commune];
    if (prefix === undefined || criterion < 0 || criterion >= nCriteria || source < 0 || source >= nSources)
      continue;
    const cell = criterion * nSources + source;
    const key = prefix + cellSuffixes[cell]!;
    const value = BigInt(grid.amounts[i]!);
    amounts.set(key, value);
    versions.set(key, grid.versions[i]!);
    if (value === 0n) continue;
    const communeSource = commune * nSources + source;
    byCell[cell]! += value;
    byCommuneSource[communeSource]! += value;
    cellSeen[cell] = 1;
    communeSourceSeen[communeSource] = 1;
    grand += value;
  }
  const totals = emptyTotals();
  totals.grand = grand;
  for (let cell = 0; cell < byCell.length; cell++) {
    if (!cellSeen[cell]) continue;
    const value = byCell[cell]!;
    const criterion = criterionIds[Math.floor(cell / nSources)]!;
    const source = sourceIds[cell % nSources]!;
    totals.byCell.set(cellSuffixes[cell]!, value);
    add(totals.byCriterion, criterion, value);
    add(totals.bySource, source, value);
  }
  for (let at = 0; at < byCommuneSource.length; at++) {
    if (!communeSourceSeen[at]) continue;
    const value = byCommuneSource[at]!;
    const commune = communeIds[Math.floor(at / nSources)]!;
    totals.byCommuneSource.set(`${commune}|${sourceIds[at % nSources]}`, value);
    add(totals.byCommune, commune, value);
  }
  return { amounts, versions, totals };
}

/**
 * A plan too large to read cell by cell: no cells, the totals from the server's sums, and each
 * commune × criterion sum (what the total view's criterion columns show).
 */
export function readGridTotals(sums: GridTotalsFieldsFragment): GridCells & {
  criterionSums: Map<string, bigint>;
} {
  const totals = emptyTotals();
  const criterionSums = new Map<string, bigint>();
  const { byCriterion, bySource } = sums;
  for (let i = 0; i < byCriterion.amounts.length; i++) {
    const commune = sums.communeIds[byCriterion.communeIndex[i]!];
    const criterion = sums.criterionIds[byCriterion.axisIndex[i]!];
    if (!commune || !criterion) continue;
    const value = BigInt(byCriterion.amounts[i]!);
    criterionSums.set(`${commune}|${criterion}`, value);
    add(totals.byCriterion, criterion, value);
    add(totals.byCommune, commune, value);
    totals.grand += value;
  }
  for (let i = 0; i < bySource.amounts.length; i++) {
    const commune = sums.communeIds[bySource.communeIndex[i]!];
    const source = sums.sourceIds[bySource.axisIndex[i]!];
    if (!commune || !source) continue;
    const value = BigInt(bySource.amounts[i]!);
    add(totals.byCommuneSource, `${commune}|${source}`, value);
    add(totals.bySource, source, value);
  }
  return { amounts: new Map(), versions: new Map(), totals, criterionSums };
}

/** Plan-wide sums per source (`plan.totals(by: SOURCE)`), keyed like `Totals.bySource`. */
export function readSourceTotals(totals: readonly { id: string; amount: string }[]): Map<string, bigint> {
  return new Map(totals.map((total) => [total.id, BigInt(total.amount)]));
}

export function readCaps(plan: Pick<GridPlanSummaryFragment, 'fundingCaps'>): Map<string, CapInfo> {
  return new Map(
    plan.fundingCaps.map((cap) => [
      cap.source.id,
      { amount: BigInt(cap.amount), isConfirmed: cap.isConfirmed },
    ]),
  );
}

/** Column sums over every commune of the plan (not just the filtered rows): caps are plan-wide. */
export type Totals = {
  byCell: Map<string, bigint>;
  byCriterion: Map<string, bigint>;
  bySource: Map<string, bigint>;
  byCommune: Map<string, bigint>;
  byCommuneSource: Map<string, bigint>;
  grand: bigint;
};

function add(map: Map<string, bigint>, key: string, value: bigint): void {
  map.set(key, (map.get(key) ?? 0n) + value);
}

function emptyTotals(): Totals {
  return {
    byCell: new Map(),
    byCriterion: new Map(),
    bySource: new Map(),
    byCommune: new Map(),
    byCommuneSource: new Map(),
    grand: 0n,
  };
}

function addToTotals(
  totals: Totals,
  communeId: string,
  criterionId: string,
  sourceId: string,
  value: bigint,
) {
  add(totals.byCell, `${criterionId}|${sourceId}`, value);
  add(totals.byCriterion, criterionId, value);
  add(totals.bySource, sourceId, value);
  add(totals.byCommune, communeId, value);
  add(totals.byCommuneSource, `${communeId}|${sourceId}`, value);
  totals.grand += value;
}

export function computeTotals(amounts: ReadonlyMap<string, bigint>): Totals {
  const totals = emptyTotals();
  for (const [key, value] of amounts) {
    if (value === 0n) continue;
    const { communeId, criterionId, sourceId } = splitAllocationKey(key);
    addToTotals(totals, communeId, criterionId, sourceId, value);
  }
  return totals;
}

/**
 * Writes one cell and moves the totals by the difference, so an edit costs O(1) and not a pass over
 * every cell of the plan (85,500 in a province, 1.4 million nationally).
 */
export function setAmount(cells: Pick<GridCells, 'amounts' | 'totals'>, key: string, value: bigint): void {
  const delta = value - (cells.amounts.get(key) ?? 0n);
  cells.amounts.set(key, value);
  if (delta === 0n) return;
  const { communeId, criterionId, sourceId } = splitAllocationKey(key);
  addToTotals(cells.totals, communeId, criterionId, sourceId, delta);
}

export type RowFilters = {
  targetedOnly: boolean;
  program135Only: boolean;
  shortOnly: boolean;
  search: string;
  /** A key from `areasOf` ('' for every area). */
  area: string;
};

export const NO_FILTERS: RowFilters = {
  targetedOnly: false,
  program135Only: false,
  shortOnly: false,
  search: '',
  area: '',
};

export function filterRows(
  rows: readonly CommuneRow[],
  filters: RowFilters,
  shortfalls: ReadonlyMap<string, bigint>,
  matches: (key: string, query: string) => boolean,
): CommuneRow[] {
  const query = filters.search.trim();
  return rows.filter(
    (row) =>
      (!filters.targetedOnly || row.isTarget) &&
      (!filters.program135Only || row.isProgram135) &&
      (!filters.shortOnly || (shortfalls.get(row.id) ?? 0n) > 0n) &&
      isInArea(row, filters.area) &&
      (query === '' || matches(row.searchKey, query)),
  );
}
