// Test helper for the soak and fault tests: planners that edit cells through HTTP `setAllocations`
// the way the web app does (expectedVersion from the last answer, an Idempotency-Key on every
// save, retry with the same key when the answer is lost), and the audit-log checks that prove no
// acknowledged edit was lost, doubled or applied on a stale version.
import { createHash, randomUUID } from 'node:crypto';
import type { Database } from '@ntm/db';
import type { Kysely } from 'kysely';
import { tryDecodeId } from '../src/schema/ids.ts';
import { sessionHeaders } from './auth-session.ts';

export const SET_ALLOCATIONS = `mutation Save($input: SetAllocationsInput!) { setAllocations(input: $input) {
  __typename
  ... on SetAllocationsPayload { batchId changedCount
    cells { communeId criterionId sourceId amount version changed }
    conflicts { communeId criterionId sourceId currentVersion currentAmount } }
  ... on VersionConflictError { code conflicts { communeId criterionId sourceId currentVersion currentAmount } }
  ... on Error { code message } } }`;

export interface CellRef {
  communeId: string;
  criterionId: string;
  sourceId: string;
}

/** What a planner believes a cell holds. */
export interface Known {
  amount: bigint;
  version: number;
}

/** A cell the server reported as changed by a batch: the promise that it is in the audit log. */
export interface AckedCell {
  batchId: string;
  /** Numeric `commune:criterion:source`, as in the audit log. */
  key: string;
  amount: bigint;
  version: number;
  expectedVersion: number | null;
}

export type ConflictMode = 'ALL_OR_NOTHING' | 'APPLY_OTHERS';

export interface Edit {
  cell: CellRef;
  amount: bigint;
  expectedVersion: number | null;
}

export interface SaveOutcome {
  kind: 'saved' | 'conflict' | 'failed';
  acked: AckedCell[];
  /** Cells not written because they moved on, with their current state. */
  conflicts: Array<{ cell: CellRef; current: Known }>;
  /** Every cell the answer reported (written or not), with its state after the batch. */
  seen: Array<{ cell: CellRef; current: Known }>;
  error?: string;
}

export class LoadStats {
  requests = 0;
  /** Sends whose answer was thrown away and resent with the same key. */
  lostResponses = 0;
  replayed = 0;
  conflictRequests = 0;
  conflictCells = 0;
  ackedCells = 0;
  failures = 0;
  /** Attempts that failed (network error, 5xx) and were retried with the same key. */
  transientRetries = 0;
  latenciesMs: number[] = [];

  summary(seconds: number): string {
    const sorted = [...this.latenciesMs].sort((a, b) => a - b);
    return (
      `${this.requests} requests in ${seconds.toFixed(1)} s (${(this.requests / seconds).toFixed(0)} req/s), ` +
      `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms; ` +
      `${this.ackedCells} cells acknowledged as changed; ${this.conflictRequests} requests with conflicts ` +
      `(${this.conflictCells} cells); ${this.lostResponses} lost answers resent, ${this.replayed} replayed; ` +
      `${this.transientRetries} transient retries; ${this.failures} failures`
    );
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The audit log's numeric cell key for a cell given by global IDs. */
export function numericKey(cell: CellRef): string {
  return [
    tryDecodeId(cell.communeId, 'Commune'),
    tryDecodeId(cell.criterionId, 'Criterion'),
    tryDecodeId(cell.sourceId, 'FundingSource'),
  ].join(':');
}

/** Small deterministic PRNG (mulberry32) so a failing run can be repeated with its seed. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export interface SendOptions {
  /** Send, throw the answer away, send again with the same key (a response lost on the way back). */
  loseFirstAnswer?: boolean;
  /** Retry failed attempts (network errors, 5xx) with the same key until this deadline. */
  retryUntil?: number;
  stats?: LoadStats;
}

/**
 * POSTs one idempotent mutation. Returns the final answer's JSON body (null when every attempt
 * failed) and whether the server replayed a stored answer.
 */
export async function postIdempotent(
  url: string,
  body: unknown,
  key: string,
  options: SendOptions = {},
): Promise<{ json: any; replayed: boolean; error?: string }> {
  const attempt = async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, ...sessionHeaders() },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (response.status >= 500) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
    return { json: JSON.parse(text), replayed: response.headers.get('idempotent-replayed') === 'true' };
  };
  if (options.loseFirstAnswer) {
    options.stats && options.stats.lostResponses++;
    await attempt().catch(() => undefined);
  }
  let lastError = '';
  for (;;) {
    try {
      const result = await attempt();
      if (result.replayed && options.stats) options.stats.replayed++;
      return result;
    } catch (error) {
      lastError = String(error);
      if (!options.retryUntil || Date.now() > options.retryUntil)
        return { json: null, replayed: false, error: lastError };
      options.stats && options.stats.transientRetries++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Saves a batch of edits with a fresh Idempotency-Key and reads the answer into acks and conflicts. */
export async function saveEdits(
  url: string,
  planId: string,
  edits: readonly Edit[],
  mode: ConflictMode,
  options: SendOptions = {},
): Promise<SaveOutcome> {
  const stats = options.stats;
  const began = performance.now();
  const body = {
    query: SET_ALLOCATIONS,
    operationName: 'Save',
    variables: {
      input: {
        planId,
        conflictMode: mode,
        cells: edits.map((e) => ({
          ...e.cell,
          amount: e.amount.toString(),
          ...(e.expectedVersion === null ? {} : { expectedVersion: e.expectedVersion }),
        })),
      },
    },
  };
  const { json, error } = await postIdempotent(url, body, randomUUID(), options);
  if (stats) {
    stats.requests++;
    stats.latenciesMs.push(performance.now() - began);
  }
  const result = json?.data?.setAllocations;
  const toState = (c: any) => ({
    cell: { communeId: c.communeId, criterionId: c.criterionId, sourceId: c.sourceId },
    current: { amount: BigInt(c.currentAmount), version: c.currentVersion as number },
  });
  if (result?.__typename === 'SetAllocationsPayload') {
    const expected = new Map(edits.map((e) => [numericKey(e.cell), e.expectedVersion]));
    const acked: AckedCell[] = result.cells
      .filter((c: any) => c.changed)
      .map((c: any) => {
        const key = numericKey(c);
        return {
          batchId: result.batchId,
          key,
          amount: BigInt(c.amount),
          version: c.version,
          expectedVersion: expected.get(key) ?? null,
        };
      });
    const conflicts = result.conflicts.map(toState);
    if (stats) {
      stats.ackedCells += acked.length;
      if (conflicts.length > 0) stats.conflictRequests++;
      stats.conflictCells += conflicts.length;
    }
    const seen = result.cells.map((c: any) => ({
      cell: { communeId: c.communeId, criterionId: c.criterionId, sourceId: c.sourceId },
      current: { amount: BigInt(c.amount), version: c.version as number },
    }));
    return { kind: 'saved', acked, conflicts, seen: [...seen, ...conflicts] };
  }
  if (result?.__typename === 'VersionConflictError') {
    const conflicts = result.conflicts.map(toState);
    if (stats) {
      stats.conflictRequests++;
      stats.conflictCells += conflicts.length;
    }
    return { kind: 'conflict', acked: [], conflicts, seen: conflicts };
  }
  if (stats) stats.failures++;
  return {
    kind: 'failed',
    acked: [],
    conflicts: [],
    seen: [],
    error: error ?? JSON.stringify(json).slice(0, 500),
  };
}

export interface AllocationRow {
  key: string;
  amount: bigint;
  version: number;
}

/** The plan's allocation table, keyed by numeric cell key. */
export async function readAllocations(
  db: Kysely<Database>,
  planId: number,
): Promise<Map<string, AllocationRow>> {
  const rows = await db
    .selectFrom('allocation')
    .select(['commune_id', 'criterion_id', 'source_id', 'amount', 'version'])
    .where('plan_id', '=', planId)
    .execute();
  return new Map(
    rows.map((r) => {
      const key = `${r.commune_id}:${r.criterion_id}:${r.source_id}`;
      return [key, { key, amount: BigInt(r.amount), version: r.version }];
    }),
  );
}

export function hashAllocations(rows: Map<string, AllocationRow>): string {
  const lines = [...rows.values()].map((r) => `${r.key}=${r.amount}@${r.version}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

export interface AuditCellRow {
  id: bigint;
  batchId: string;
  key: string;
  before: { amount: bigint; version: number } | null;
  after: { amount: bigint; version: number };
}

/** Allocation audit rows of the plan after `afterId`, in commit order. */
export async function readAllocationAudit(
  db: Kysely<Database>,
  planId: number,
  afterId: bigint,
): Promise<AuditCellRow[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'batch_id', 'commune_id', 'criterion_id', 'source_id', 'before', 'after'])
    .where('plan_id', '=', planId)
    .where('entity', '=', 'allocation')
    .where('id', '>', afterId)
    .orderBy('id')
    .execute();
  const parse = (value: unknown) => {
    const v = (typeof value === 'string' ? JSON.parse(value) : value) as { amount: string; version: number };
    return { amount: BigInt(v.amount), version: Number(v.version) };
  };
  return rows.map((r) => ({
    id: BigInt(r.id),
    batchId: r.batch_id ?? '',
    key: `${r.commune_id}:${r.criterion_id}:${r.source_id}`,
    before: r.before === null ? null : parse(r.before),
    after: parse(r.after),
  }));
}

export async function maxAuditId(db: Kysely<Database>): Promise<bigint> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return row?.id === null || row?.id === undefined ? 0n : BigInt(row.id as bigint);
}

/** Applies audit rows to a copy of the starting table, checking that each row continues the cell's history. */
export function replayAudit(
  start: Map<string, AllocationRow>,
  audit: readonly AuditCellRow[],
): { table: Map<string, AllocationRow>; brokenChains: string[] } {
  const table = new Map([...start].map(([k, v]) => [k, { ...v }]));
  const brokenChains: string[] = [];
  for (const row of audit) {
    const current = table.get(row.key);
    const beforeVersion = row.before?.version ?? 0;
    if ((current?.version ?? 0) !== beforeVersion || (current?.amount ?? 0n) !== (row.before?.amount ?? 0n)) {
      brokenChains.push(
        `${row.key} in ${row.batchId}: table v${current?.version ?? 0}, audit before v${beforeVersion}`,
      );
    }
    table.set(row.key, { key: row.key, amount: row.after.amount, version: row.after.version });
  }
  return { table, brokenChains };
}
