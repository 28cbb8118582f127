// setAllocations: validate a whole batch, then write it with its audit rows in one statement,
// inside one transaction. Any invalid cell rejects the batch; nothing is half-written.
import { randomUUID } from 'node:crypto';
import { type Commune, type Database, inTransaction, type Plan, PREPARED_STATEMENT } from '@ntm/db';
import {
  cellKey,
  DomainError,
  type Eligibility,
  isSourceEligible,
  MAX_BATCH_CELLS,
  toEligibilityParams,
} from '@ntm/domain';
import { type Kysely, sql } from 'kysely';
import type { Context } from '../context.ts';
import { publishPlanEvent } from '../events/plan-events.ts';
import { tryDecodeId, unknownIdError } from '../schema/ids.ts';
import { BatchRejectedError, type CellConflict, type CellError, VersionConflictError } from './errors.ts';
import { checkWritablePlan } from './plan-guard.ts';

export interface CellInput {
  communeId: string;
  criterionId: string;
  sourceId: string;
  amount: bigint;
  /** The version the change was based on (0 = a cell never written); null = overwrite whatever is there. */
  expectedVersion?: number | null;
}

/** all_or_nothing: any stale cell rejects the batch; apply_others: write the rest, report the stale ones. */
export type ConflictMode = 'all_or_nothing' | 'apply_others';

/**
 * The compact form of a batch, shaped like `plan.grid`: axes of global IDs, then per cell an index
 * into each axis, its amount and (optionally, for every cell) the version it was based on.
 */
export interface GridBatch {
  communeIds: readonly string[];
  criterionIds: readonly string[];
  sourceIds: readonly string[];
  communeIndex: readonly number[];
  criterionIndex: readonly number[];
  sourceIndex: readonly number[];
  amounts: readonly bigint[];
  /** null = overwrite every cell deliberately. */
  expectedVersions: readonly number[] | null;
}

export interface WrittenCell {
  /** Position in the input. */
  index: number;
  communeId: number;
  criterionId: number;
  sourceId: number;
  amount: bigint;
  version: number;
  changed: boolean;
}

interface DecodedCell {
  /** Position in the input. */
  index: number;
  communeId: number;
  criterionId: number;
  sourceId: number;
  amount: bigint;
  expectedVersion: number | null;
}

export interface SetAllocationsResult {
  cells: WrittenCell[];
  changedCount: number;
  batchId: string;
  conflicts: CellConflict[];
  /** Per input cell, in input order: its version now (a conflicting cell's current version). */
  versions: number[];
  /** Input positions of the cells that changed. */
  changedIndexes: number[];
}

export async function setAllocations(
  ctx: Context,
  planId: number,
  batch: readonly CellInput[] | GridBatch,
  mode: ConflictMode = 'all_or_nothing',
): Promise<SetAllocationsResult> {
  const count = Array.isArray(batch) ? batch.length : (batch as GridBatch).amounts.length;
  if (count > MAX_BATCH_CELLS) {
    throw new DomainError('BATCH_TOO_LARGE', {
      max: MAX_BATCH_CELLS,
      count,
    });
  }
  // Pure work first, so the transaction holds its locks only for database work.
  const { cells, parsed } = Array.isArray(batch)
    ? { cells: batch as readonly CellInput[], parsed: (batch as readonly CellInput[]).map(decodeCell) }
    : decodeGrid(batch as GridBatch);
  // Only a multi-cell ALL_OR_NOTHING batch can fail after writing (a cell raced by another writer
  // turns out stale); every other failure happens before the write, so no savepoint is needed.
  const savepoint = mode === 'all_or_nothing' && cells.length > 1;
  return inTransaction(
    ctx.db,
    async (trx) => {
      const { plan, facts } = await lockPlanForCells(trx, planId, parsed);
      const decoded = validateCells(plan, facts, cells, parsed);
      const batchId = randomUUID();
      const { written, conflicts, versions } = await writeCells(trx, ctx, plan.id, decoded, batchId, mode);
      const changed = written.filter((c) => c.changed);
      if (changed.length > 0) {
        await publishPlanEvent(trx, {
          kind: 'cells',
          planId: plan.id,
          actor: ctx.actor,
          batchId,
          origin: ctx.origin,
          cellCount: changed.length,
          cells: changed.map((c) => ({
            communeId: c.communeId,
            criterionId: c.criterionId,
            sourceId: c.sourceId,
            amount: c.amount.toString(),
            version: c.version,
          })),
        });
      }
      return {
        cells: written,
        changedCount: changed.length,
        batchId,
        conflicts,
        versions,
        changedIndexes: written.filter((c) => c.changed).map((c) => c.index),
      };
    },
    { savepoint },
  );
}

type ParsedCell = DomainError | { communeId: number; criterionId: number; sourceId: number };

function decodeCell(cell: CellInput): ParsedCell {
  const communeId = tryDecodeId(cell.communeId, 'Commune');
  if (communeId === null) return unknownIdError('Commune', cell.communeId);
  const criterionId = tryDecodeId(cell.criterionId, 'Criterion');
  if (criterionId === null) return unknownIdError('Criterion', cell.criterionId);
  const sourceId = tryDecodeId(cell.sourceId, 'FundingSource');
  if (sourceId === null) return unknownIdError('FundingSource', cell.sourceId);
  return { communeId, criterionId, sourceId };
}

/**
 * The compact form as cells. Each axis ID is decoded once; the cells share the axis strings (for
 * error reports), so a 10,000-cell batch costs a few hundred decodes instead of 30,000.
 */
function decodeGrid(grid: GridBatch): { cells: CellInput[]; parsed: ParsedCell[] } {
  const count = grid.amounts.length;
  const columns = [grid.communeIndex, grid.criterionIndex, grid.sourceIndex, grid.expectedVersions ?? []];
  if (
    columns.slice(0, 3).some((c) => c.length !== count) ||
    (grid.expectedVersions && columns[3]!.length !== count)
  )
    throw new DomainError('INVALID_INPUT', { field: 'grid' });
  const axis = <T extends 'Commune' | 'Criterion' | 'FundingSource'>(ids: readonly string[], type: T) =>
    ids.map((id) => tryDecodeId(id, type));
  const communes = axis(grid.communeIds, 'Commune');
  const criteria = axis(grid.criterionIds, 'Criterion');
  const sources = axis(grid.sourceIds, 'FundingSource');
  const cells: CellInput[] = new Array(count);
  const parsed: ParsedCell[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const [c, k, s] = [grid.communeIndex[i]!, grid.criterionIndex[i]!, grid.sourceIndex[i]!];
    const expected = grid.expectedVersions?.[i];
    const cell: CellInput = {
      communeId: grid.communeIds[c] ?? String(c),
      criterionId: grid.criterionIds[k] ?? String(k),
      sourceId: grid.sourceIds[s] ?? String(s),
      amount: grid.amounts[i]!,
      expectedVersion: expected ?? null,
    };
    cells[i] = cell;
    const communeId = communes[c];
    const criterionId = criteria[k];
    const sourceId = sources[s];
    if (communeId === undefined || criterionId === undefined || sourceId === undefined || (expected ?? 0) < 0)
      parsed[i] = new DomainError('INVALID_INPUT', { field: 'grid' });
    else if (communeId === null) parsed[i] = unknownIdError('Commune', cell.communeId);
    else if (criterionId === null) parsed[i] = unknownIdError('Criterion', cell.criterionId);
    else if (sourceId === null) parsed[i] = unknownIdError('FundingSource', cell.sourceId);
    else parsed[i] = { communeId, criterionId, sourceId };
  }
  return { cells, parsed };
}

interface CommuneFacts {
  id: number;
  name: string;
  kind: Commune['kind'];
  is_program135: boolean;
  ethnic_zone: Commune['ethnic_zone'];
  is_atk: boolean;
  is_border: boolean;
  is_island: boolean;
}

/** pg parses json columns; PGlite may hand them over as text. */
function fromJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

type PlanForCells = Pick<Plan, 'id' | 'status' | 'criteria_set_id' | 'name'>;

interface SourceFacts {
  id: number;
  code: string;
  eligibility: Eligibility;
}

interface BatchFacts {
  communeById: Map<number, CommuneFacts>;
  criterionIds: Set<number>;
  sourceById: Map<number, SourceFacts>;
}

/**
 * One round trip: share-locks the plan row (see plan-guard.ts) and reads what validation needs
 * about the communes, criteria and sources the batch names — only those.
 */
async function lockPlanForCells(
  trx: Kysely<Database>,
  planId: number,
  parsed: readonly ParsedCell[],
): Promise<{ plan: PlanForCells; facts: BatchFacts }> {
  const ids = { communes: new Set<number>(), criteria: new Set<number>(), sources: new Set<number>() };
  for (const cell of parsed) {
    if (cell instanceof DomainError) continue;
    ids.communes.add(cell.communeId);
    ids.criteria.add(cell.criterionId);
    ids.sources.add(cell.sourceId);
  }
  const { rows } = await sql<
    PlanForCells & { communes: unknown; criteria: unknown; sources: unknown }
  >`${preparedFor(parsed.length)}
    select p.id, p.status, p.criteria_set_id, p.name,
      (select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'kind', c.kind,
                'is_program135', c.is_program135, 'ethnic_zone', c.ethnic_zone, 'is_atk', c.is_atk,
                'is_border', c.is_border, 'is_island', c.is_island)), '[]')
         from plan_commune pc join commune c on c.id = pc.commune_id
        where pc.plan_id = p.id and pc.commune_id = any(${[...ids.communes]}::int[])) as communes,
      (select coalesce(json_agg(k.id), '[]') from criterion k
        where k.criteria_set_id = p.criteria_set_id and k.id = any(${[...ids.criteria]}::int[])) as criteria,
      (select coalesce(json_agg(json_build_object('id', s.id, 'code', s.code, 'eligibility', s.eligibility)), '[]')
         from funding_source s where s.id = any(${[...ids.sources]}::int[])) as sources
    from plan p where p.id = ${planId}
    for share of p
  `.execute(trx);
  const { communes, criteria, sources, ...plan } = checkWritablePlan(rows[0]);
  return {
    plan,
    facts: {
      communeById: new Map(fromJson<CommuneFacts[]>(communes).map((c) => [c.id, c])),
      criterionIds: new Set(fromJson<number[]>(criteria)),
      sourceById: new Map(fromJson<SourceFacts[]>(sources).map((x) => [x.id, x])),
    },
  };
}

/**
 * Small batches (the grid's everyday edits) reuse a plan prepared once per connection. Large ones
 * are planned each time: a generic plan cannot see how many cells the arrays hold, and the joins
 * it picks for a few cells would be quadratic for thousands.
 */
const MAX_PREPARED_CELLS = 50;

function preparedFor(cellCount: number) {
  return sql.raw(cellCount <= MAX_PREPARED_CELLS ? PREPARED_STATEMENT : '');
}

function validateCells(
  plan: PlanForCells,
  facts: BatchFacts,
  cells: readonly CellInput[],
  parsed: readonly ParsedCell[],
): DecodedCell[] {
  const { name: planName } = plan;
  const { communeById, criterionIds, sourceById } = facts;
  const errors: CellError[] = [];
  const seen = new Set<string>();
  const decoded: DecodedCell[] = [];
  const checkCell = (cell: CellInput, ids: ParsedCell, index: number): DomainError | DecodedCell => {
    if (ids instanceof DomainError) return ids;
    const { communeId, criterionId, sourceId } = ids;
    const commune = communeById.get(communeId);
    if (!commune) return new DomainError('COMMUNE_NOT_IN_PLAN', { commune: cell.communeId, plan: planName });
    if (!criterionIds.has(criterionId))
      return new DomainError('CRITERION_NOT_IN_SET', { criterion: cell.criterionId });
    const source = sourceById.get(sourceId);
    if (!source) return unknownIdError('FundingSource', cell.sourceId);
    const flags = {
      kind: commune.kind,
      isProgram135: commune.is_program135,
      ethnicZone: commune.ethnic_zone,
      isAtk: commune.is_atk,
      isBorder: commune.is_border,
      isIsland: commune.is_island,
    };
    const rule = source.eligibility;
    // Clearing a cell is always allowed, so a wrong past allocation can be removed.
    if (cell.amount !== 0n && !isSourceEligible(rule, flags)) {
      return new DomainError('SOURCE_NOT_ELIGIBLE', {
        source: source.code,
        commune: commune.name,
        ...toEligibilityParams(rule),
      });
    }
    const key = cellKey(communeId, criterionId, sourceId);
    if (seen.has(key))
      return new DomainError('DUPLICATE_CELL', { commune: commune.name, source: source.code });
    seen.add(key);
    return {
      index,
      communeId,
      criterionId,
      sourceId,
      amount: cell.amount,
      expectedVersion: cell.expectedVersion ?? null,
    };
  };
  for (const [index, cell] of cells.entries()) {
    const result = checkCell(cell, parsed[index]!, index);
    if (result instanceof DomainError) {
      errors.push({
        index,
        error: result,
        communeId: cell.communeId,
        criterionId: cell.criterionId,
        sourceId: cell.sourceId,
      });
    } else {
      decoded.push(result);
    }
  }
  if (errors.length > 0) throw new BatchRejectedError(errors);
  return decoded;
}

/** A cell's row as one write statement found it (its snapshot), and what the statement did. */
interface WriteRow {
  ord: number;
  commune_id: number;
  criterion_id: number;
  source_id: number;
  /** Stored version ≠ expected version: not written, a conflict. */
  is_stale: boolean;
  /** Written: a new version. */
  is_written: boolean;
  /** Meant to be written but another transaction committed the cell first (see writeOnce). */
  is_raced: boolean;
  amount: bigint;
  version: number;
  updated_by: string | null;
  updated_at: Date | null;
}

/** Blind overwrites that keep racing other writers are retried this often before giving up as conflicts. */
const MAX_WRITE_ROUNDS = 5;

/**
 * Writes the cells with their audit rows and reports the stale ones. Versions are checked in the
 * write itself, against the row as it is when the write locks it, so concurrent batches on the
 * same plan can never both win a cell: the loser sees a conflict (or, for a deliberate overwrite
 * without expectedVersion, simply writes again on top of the winner).
 */
async function writeCells(
  trx: Kysely<Database>,
  ctx: Context,
  planId: number,
  cells: DecodedCell[],
  batchId: string,
  mode: ConflictMode,
): Promise<{ written: WrittenCell[]; conflicts: CellConflict[]; versions: number[] }> {
  const byIndex = new Map<number, WrittenCell>();
  const conflicts: CellConflict[] = [];
  const raced: DecodedCell[] = [];
  let pending = cells;
  for (let round = 1; pending.length > 0; round++) {
    const rows = await writeOnce(trx, ctx, planId, pending, batchId, mode === 'all_or_nothing');
    const retry: DecodedCell[] = [];
    for (const row of rows) {
      const cell = pending[row.ord - 1]!;
      if (row.is_stale) conflicts.push(toConflict(cell, row));
      else if (!row.is_raced) byIndex.set(cell.index, toWritten(cell, row));
      else if (cell.expectedVersion === null && round < MAX_WRITE_ROUNDS) retry.push(cell);
      else raced.push(cell);
    }
    pending = retry;
  }
  if (raced.length > 0) conflicts.push(...(await readConflicts(trx, planId, raced)));
  if (conflicts.length > 0 && mode === 'all_or_nothing') throw new VersionConflictError(conflicts);
  const written = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, cell]) => cell);
  const versions = new Array<number>(cells.length);
  for (const cell of written) versions[cell.index] = cell.version;
  for (const conflict of conflicts)
    if (conflict.index !== undefined) versions[conflict.index] = conflict.currentVersion;
  return { written, conflicts, versions };
}

/**
 * One statement: the cells' current rows, the version check, the upsert and the audit rows. All
 * CTEs see one snapshot, so `old` is the state before this batch; the upsert re-checks each row
 * it touches against that snapshot (the new version it writes is old version + 1, and ON CONFLICT
 * compares with the row as locked, after any concurrent writer committed). A cell written by
 * someone else in between is left alone and reported raced. With `allOrNothing`, nothing is
 * written once a cell is stale.
 */
async function writeOnce(
  trx: Kysely<Database>,
  ctx: Context,
  planId: number,
  cells: DecodedCell[],
  batchId: string,
  allOrNothing: boolean,
): Promise<WriteRow[]> {
  const result = await sql<WriteRow>`${preparedFor(cells.length)}
    with input as (
      select * from unnest(
        ${cells.map((c) => c.communeId)}::int[],
        ${cells.map((c) => c.criterionId)}::int[],
        ${cells.map((c) => c.sourceId)}::int[],
        ${cells.map((c) => c.amount.toString())}::bigint[],
        ${cells.map((c) => c.expectedVersion)}::int[]
      ) with ordinality as t(commune_id, criterion_id, source_id, amount, expected_version, ord)
    ),
    old as (
      select a.commune_id, a.criterion_id, a.source_id, a.amount, a.version, a.updated_by, a.updated_at
      from allocation a join input i using (commune_id, criterion_id, source_id)
      where a.plan_id = ${planId}
    ),
    checked as (
      select i.*, o.amount as old_amount, o.version as old_version, o.updated_by, o.updated_at,
             coalesce(i.expected_version <> coalesce(o.version, 0), false) as is_stale,
             o.amount is distinct from i.amount and not (o.amount is null and i.amount = 0) as is_change
      from input i left join old o using (commune_id, criterion_id, source_id)
    ),
    up as (
      insert into allocation as a (plan_id, commune_id, criterion_id, source_id, amount, version, updated_by)
      select ${planId}, c.commune_id, c.criterion_id, c.source_id, c.amount, coalesce(c.old_version, 0) + 1,
             ${ctx.actor}
      from checked c
      where c.is_change and not c.is_stale
        and not (${allOrNothing} and exists (select from checked s where s.is_stale))
      -- One lock order for every writer, so two overlapping batches cannot deadlock.
      order by c.commune_id, c.criterion_id, c.source_id
      on conflict (plan_id, commune_id, criterion_id, source_id)
      do update set amount = excluded.amount, version = excluded.version, updated_at = now(),
                    updated_by = excluded.updated_by
      where a.version + 1 = excluded.version
      returning a.commune_id, a.criterion_id, a.source_id, a.amount, a.version
    ),
    audit as (
      insert into audit_log (actor, request_id, batch_id, origin, entity, action, plan_id, commune_id,
                             criterion_id, source_id, entity_key, before, after)
      select ${ctx.actor}, ${ctx.requestId}, ${batchId}, ${ctx.origin}, 'allocation',
             case when c.old_version is null then 'insert' else 'update' end,
             ${planId}, u.commune_id, u.criterion_id, u.source_id,
             concat_ws(':', ${planId}::int, u.commune_id, u.criterion_id, u.source_id),
             case when c.old_version is null then null
                  else jsonb_build_object('amount', c.old_amount::text, 'version', c.old_version) end,
             jsonb_build_object('amount', u.amount::text, 'version', u.version)
      from up u join checked c using (commune_id, criterion_id, source_id)
    )
    select c.ord::int as ord, c.commune_id, c.criterion_id, c.source_id, c.is_stale,
           u.commune_id is not null as is_written,
           (u.commune_id is null and c.is_change and not c.is_stale
             and not (${allOrNothing} and exists (select from checked s where s.is_stale))) as is_raced,
           coalesce(u.amount, c.old_amount, 0::bigint) as amount,
           coalesce(u.version, c.old_version, 0) as version,
           c.updated_by, c.updated_at
    from checked c left join up u using (commune_id, criterion_id, source_id)
    order by c.ord
  `.execute(trx);
  return result.rows;
}

function toWritten(cell: DecodedCell, row: WriteRow): WrittenCell {
  return {
    index: cell.index,
    communeId: row.commune_id,
    criterionId: row.criterion_id,
    sourceId: row.source_id,
    amount: BigInt(row.amount),
    version: row.version,
    changed: row.is_written,
  };
}

function toConflict(cell: DecodedCell, row: WriteRow): CellConflict {
  return {
    index: cell.index,
    communeId: cell.communeId,
    criterionId: cell.criterionId,
    sourceId: cell.sourceId,
    attemptedAmount: cell.amount,
    expectedVersion: cell.expectedVersion ?? row.version,
    currentVersion: row.version,
    currentAmount: BigInt(row.amount),
    changedBy: row.updated_by,
    changedAt: row.updated_at === null ? null : new Date(row.updated_at),
  };
}

/** Conflicts for cells another transaction committed while this write waited for them. */
async function readConflicts(
  trx: Kysely<Database>,
  planId: number,
  cells: DecodedCell[],
): Promise<CellConflict[]> {
  const current = await sql<Omit<WriteRow, 'ord' | 'is_stale' | 'is_written' | 'is_raced'>>`
    select a.commune_id, a.criterion_id, a.source_id, a.amount, a.version, a.updated_by, a.updated_at
    from allocation a
    join unnest(
      ${cells.map((c) => c.communeId)}::int[],
      ${cells.map((c) => c.criterionId)}::int[],
      ${cells.map((c) => c.sourceId)}::int[]
    ) as i(commune_id, criterion_id, source_id) using (commune_id, criterion_id, source_id)
    where a.plan_id = ${planId}
  `.execute(trx);
  const byKey = new Map(current.rows.map((r) => [cellKey(r.commune_id, r.criterion_id, r.source_id), r]));
  return cells.map((cell) => {
    const row = byKey.get(cellKey(cell.communeId, cell.criterionId, cell.sourceId));
    return toConflict(cell, {
      ord: 0,
      commune_id: cell.communeId,
      criterion_id: cell.criterionId,
      source_id: cell.sourceId,
      is_stale: true,
      is_written: false,
      is_raced: false,
      amount: row?.amount ?? 0n,
      version: row?.version ?? 0,
      updated_by: row?.updated_by ?? null,
      updated_at: row?.updated_at ?? null,
    });
  });
}
