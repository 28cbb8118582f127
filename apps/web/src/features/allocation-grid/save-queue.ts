/**
 * Unsent edits, kept until the server acknowledges them. Every edit lands here at once (the grid
 * already shows it), is written to localStorage so a reload or a crash loses nothing, and is sent
 * in batches: one request at a time, everything pending in it (so a paste is one mutation).
 *
 * Each edit carries the version it was based on, so the server can refuse a stale one instead of
 * overwriting someone else's change: those cells come back as conflicts and wait here, shown on
 * the cell, until the planner keeps theirs or takes the other value. A batch gets an idempotency
 * key when it is formed and keeps it, with the exact same cells, through every retry (also across
 * a reload): if an answer was lost on the way back, the retry gets the stored answer and nothing is
 * applied twice. Cells the server rejects are marked failed with its message and dropped, so one
 * bad cell does not block the others.
 */
import { MAX_BATCH_CELLS } from '@ntm/domain';
import { allocationKey } from './grid-data';

export type CellEdit = { communeId: string; criterionId: string; sourceId: string; amount: string };
/** An edit as sent: `expectedVersion` is the version it was based on (0 = a cell never written). */
export type PendingCell = CellEdit & { expectedVersion: number };
export type WrittenCell = CellEdit & { version: number };
export type CellConflict = {
  communeId: string;
  criterionId: string;
  sourceId: string;
  attemptedAmount: string;
  expectedVersion: number;
  currentVersion: number;
  currentAmount: string;
  changedBy: string | null;
  changedAt: string | null;
};
export type CellState =
  | { state: 'pending' | 'saved' }
  | { state: 'failed'; message: string }
  | { state: 'conflict'; conflict: CellConflict };

export type SendResult =
  /** Written cells; `conflicts` are the cells left alone because they had moved on. */
  | { kind: 'saved'; cells: readonly WrittenCell[]; conflicts: readonly CellConflict[] }
  /** Nothing written because some cells had moved on (all-or-nothing mode). */
  | { kind: 'conflict'; conflicts: readonly CellConflict[] }
  /** The whole batch was refused; `cellErrors` name the culprits (by input index). */
  | { kind: 'rejected'; message: string; cellErrors: readonly { index: number; message: string }[] };

export type SaveStatus = 'idle' | 'saving' | 'offline' | 'error';

type Batch = { key: string; cells: PendingCell[] };

export type SaveQueueOptions = {
  planId: string;
  send: (cells: PendingCell[], idempotencyKey: string) => Promise<SendResult>;
  /** The version the grid holds for a cell, which a new edit is based on. */
  baseVersion: (key: string) => number;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;
  onStates: (states: ReadonlyMap<string, CellState>, changedKeys: readonly string[]) => void;
  onSaved: (cells: readonly WrittenCell[]) => void;
  onStatus: (status: SaveStatus) => void;
  /** A send failure that retrying cannot fix (the server refused the request itself). */
  isPermanentError?: (error: unknown) => string | null;
  newKey?: () => string;
  schedule?: (callback: () => void, delayMs: number) => unknown;
  cancel?: (handle: unknown) => void;
};

const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export function storageKeyOf(planId: string): string {
  return `ntm.grid.pending.${planId}`;
}

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts, and offices may serve over plain http. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class SaveQueue {
  /** Edits not in a batch yet. */
  private readonly pending = new Map<string, PendingCell>();
  /** The batch being sent or waiting to be retried, unchanged, under the same key. */
  private batch: Batch | null = null;
  private readonly conflicts = new Map<string, CellConflict>();
  private readonly states = new Map<string, CellState>();
  private inFlight = false;
  private attempt = 0;
  private retryHandle: unknown = null;
  private isDisposed = false;

  constructor(private readonly options: SaveQueueOptions) {
    this.readStored();
    for (const cell of this.pendingCells()) this.states.set(keyOf(cell), { state: 'pending' });
    for (const [key, conflict] of this.conflicts) this.states.set(key, { state: 'conflict', conflict });
  }

  /** Edits restored from a previous session (newest per cell), to lay over the server's amounts. */
  pendingCells(): PendingCell[] {
    const cells = new Map<string, PendingCell>();
    for (const cell of this.batch?.cells ?? []) cells.set(keyOf(cell), cell);
    for (const [key, cell] of this.pending) cells.set(key, cell);
    return [...cells.values()];
  }

  /** Conflicts still waiting for the planner (also restored after a reload). */
  conflictCells(): CellConflict[] {
    return [...this.conflicts.values()];
  }

  stateOf(key: string): CellState | undefined {
    return this.states.get(key);
  }

  conflictOf(key: string): CellConflict | undefined {
    return this.conflicts.get(key);
  }

  hasPending(key: string): boolean {
    return this.pending.has(key) || this.batchCell(key) !== undefined;
  }

  get pendingCount(): number {
    let count = this.pending.size;
    for (const cell of this.batch?.cells ?? []) if (!this.pending.has(keyOf(cell))) count++;
    return count;
  }

  /**
   * Queues edits. `expectedVersion` overrides the base version (keeping one's own value over a
   * conflict is a change based on the version seen in the conflict).
   */
  enqueue(cells: readonly CellEdit[], options: { expectedVersion?: number } = {}): void {
    const keys: string[] = [];
    for (const cell of cells) {
      const key = keyOf(cell);
      // Edits of a cell chain from the first unsent one; a cell in flight chains from its batch,
      // and is rebased on the batch's new version once acknowledged.
      const expectedVersion =
        options.expectedVersion ??
        this.pending.get(key)?.expectedVersion ??
        this.batchCell(key)?.expectedVersion ??
        this.conflicts.get(key)?.expectedVersion ??
        this.options.baseVersion(key);
      this.pending.set(key, {
        communeId: cell.communeId,
        criterionId: cell.criterionId,
        sourceId: cell.sourceId,
        amount: cell.amount,
        expectedVersion,
      });
      this.conflicts.delete(key);
      this.states.set(key, { state: 'pending' });
      keys.push(key);
    }
    this.persist();
    this.options.onStates(this.states, keys);
    this.flushSoon(0);
  }

  /** Takes the other planner's value: the conflict is closed and nothing of ours is sent. */
  discard(key: string): void {
    this.conflicts.delete(key);
    this.pending.delete(key);
    this.states.set(key, { state: 'saved' });
    this.persist();
    this.options.onStates(this.states, [key]);
  }

  /** Sends now if nothing is in flight (also the reconnect and "retry" entry point). */
  flush(): void {
    if (this.isDisposed || this.inFlight) return;
    if (!this.batch) {
      if (this.pending.size === 0) return;
      const cells = [...this.pending.values()].slice(0, MAX_BATCH_CELLS);
      for (const cell of cells) this.pending.delete(keyOf(cell));
      this.batch = { key: (this.options.newKey ?? newIdempotencyKey)(), cells };
      this.persist();
    }
    this.cancelRetry();
    const batch = this.batch;
    this.inFlight = true;
    this.options.onStatus('saving');
    this.options
      .send(batch.cells, batch.key)
      .then((result) => this.settle(batch, result))
      .catch((error: unknown) => {
        this.inFlight = false;
        const permanent = this.options.isPermanentError?.(error) ?? null;
        if (permanent !== null) {
          this.settle(batch, { kind: 'rejected', message: permanent, cellErrors: [] });
          return;
        }
        this.options.onStatus('offline');
        const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)]!;
        this.attempt++;
        this.flushSoon(delay);
      });
  }

  dispose(): void {
    this.isDisposed = true;
    this.cancelRetry();
  }

  private batchCell(key: string): PendingCell | undefined {
    return this.batch?.cells.find((cell) => keyOf(cell) === key);
  }

  private settle(batch: Batch, result: SendResult): void {
    this.inFlight = false;
    this.attempt = 0;
    this.batch = null;
    const changed: string[] = [];
    const sentByKey = new Map(batch.cells.map((cell) => [keyOf(cell), cell]));
    const markConflicts = (conflicts: readonly CellConflict[]) => {
      for (const conflict of conflicts) {
        const key = keyOf(conflict);
        // A newer edit of the cell is waiting: it will meet the same conflict with fresher facts.
        if (this.pending.has(key)) continue;
        this.conflicts.set(key, conflict);
        this.states.set(key, { state: 'conflict', conflict });
        changed.push(key);
      }
    };
    const requeue = (cells: readonly PendingCell[]) => {
      for (const cell of cells) if (!this.pending.has(keyOf(cell))) this.pending.set(keyOf(cell), cell);
    };

    if (result.kind === 'saved') {
      for (const written of result.cells) {
        const key = keyOf(written);
        const newer = this.pending.get(key);
        if (newer) {
          // Our own write moved the cell: the newer edit is based on it, not on what it replaced.
          if (newer.expectedVersion === sentByKey.get(key)?.expectedVersion)
            newer.expectedVersion = written.version;
          continue;
        }
        this.states.set(key, { state: 'saved' });
        changed.push(key);
      }
      markConflicts(result.conflicts);
      this.options.onSaved(result.cells);
    } else if (result.kind === 'conflict') {
      markConflicts(result.conflicts);
      const stale = new Set(result.conflicts.map(keyOf));
      requeue(batch.cells.filter((cell) => !stale.has(keyOf(cell))));
    } else {
      const culprits = new Map<string, string>();
      for (const error of result.cellErrors) {
        const cell = batch.cells[error.index];
        if (cell) culprits.set(keyOf(cell), error.message);
      }
      // Rejected as a whole (e.g. the plan is locked): every cell of the batch failed.
      const failed =
        culprits.size > 0 ? culprits : new Map(batch.cells.map((c) => [keyOf(c), result.message]));
      for (const [key, message] of failed) {
        if (this.pending.has(key)) continue;
        this.states.set(key, { state: 'failed', message });
        changed.push(key);
      }
      requeue(batch.cells.filter((cell) => !failed.has(keyOf(cell))));
    }
    this.persist();
    this.options.onStates(this.states, changed);
    const hasFailed = [...this.states.values()].some((state) => state.state === 'failed');
    this.options.onStatus(this.pending.size > 0 ? 'saving' : hasFailed ? 'error' : 'idle');
    if (this.pending.size > 0) this.flushSoon(0);
  }

  private flushSoon(delayMs: number): void {
    if (this.isDisposed) return;
    this.cancelRetry();
    const schedule = this.options.schedule ?? ((callback, delay) => setTimeout(callback, delay));
    this.retryHandle = schedule(() => {
      this.retryHandle = null;
      this.flush();
    }, delayMs);
  }

  private cancelRetry(): void {
    if (this.retryHandle === null) return;
    const cancel = this.options.cancel ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    cancel(this.retryHandle);
    this.retryHandle = null;
  }

  private readStored(): void {
    let parsed: unknown;
    try {
      const text = this.options.storage?.getItem(storageKeyOf(this.options.planId));
      parsed = text ? JSON.parse(text) : null;
    } catch {
      return;
    }
    // Version 1 stored a bare list of edits, without the version they were based on.
    const stored: Partial<StoredQueue> = Array.isArray(parsed)
      ? { pending: parsed }
      : typeof parsed === 'object' && parsed !== null
        ? (parsed as Partial<StoredQueue>)
        : {};
    const toCell = (value: unknown): PendingCell | null => {
      if (!isCellEdit(value)) return null;
      const version = (value as { expectedVersion?: unknown }).expectedVersion;
      return {
        communeId: value.communeId,
        criterionId: value.criterionId,
        sourceId: value.sourceId,
        amount: value.amount,
        expectedVersion:
          typeof version === 'number' && Number.isInteger(version)
            ? version
            : this.options.baseVersion(keyOf(value)),
      };
    };
    const batch = stored.batch;
    if (batch && typeof batch.key === 'string' && Array.isArray(batch.cells)) {
      const cells = batch.cells.map(toCell).filter((cell) => cell !== null);
      if (cells.length > 0) this.batch = { key: batch.key, cells };
    }
    for (const value of Array.isArray(stored.pending) ? stored.pending : []) {
      const cell = toCell(value);
      if (cell) this.pending.set(keyOf(cell), cell);
    }
    for (const value of Array.isArray(stored.conflicts) ? stored.conflicts : []) {
      if (isCellConflict(value)) this.conflicts.set(keyOf(value), value);
    }
  }

  private persist(): void {
    try {
      const key = storageKeyOf(this.options.planId);
      if (this.pending.size === 0 && !this.batch && this.conflicts.size === 0) {
        this.options.storage?.removeItem(key);
        return;
      }
      const stored: StoredQueue = {
        version: 2,
        batch: this.batch,
        pending: [...this.pending.values()],
        conflicts: [...this.conflicts.values()],
      };
      this.options.storage?.setItem(key, JSON.stringify(stored));
    } catch {
      // Storage full or disabled: the edits are still in memory and still being sent.
    }
  }
}

/**
 * A batch in the API's compact `grid` input form: each id once on its axis, cells as index arrays.
 * 10,000 cells cost the server about half the time of 10,000 input objects. Deterministic (axes in
 * first-seen order), so a retry under the same idempotency key sends the very same request.
 */
export type GridBatch = {
  communeIds: string[];
  criterionIds: string[];
  sourceIds: string[];
  communeIndex: number[];
  criterionIndex: number[];
  sourceIndex: number[];
  amounts: string[];
  expectedVersions: number[];
};

export function toGridBatch(cells: readonly PendingCell[]): GridBatch {
  const batch: GridBatch = {
    communeIds: [],
    criterionIds: [],
    sourceIds: [],
    communeIndex: [],
    criterionIndex: [],
    sourceIndex: [],
    amounts: [],
    expectedVersions: [],
  };
  const communes = new Map<string, number>();
  const criteria = new Map<string, number>();
  const sources = new Map<string, number>();
  const indexOf = (axis: string[], positions: Map<string, number>, id: string) => {
    let index = positions.get(id);
    if (index === undefined) {
      index = axis.push(id) - 1;
      positions.set(id, index);
    }
    return index;
  };
  for (const cell of cells) {
    batch.communeIndex.push(indexOf(batch.communeIds, communes, cell.communeId));
    batch.criterionIndex.push(indexOf(batch.criterionIds, criteria, cell.criterionId));
    batch.sourceIndex.push(indexOf(batch.sourceIds, sources, cell.sourceId));
    batch.amounts.push(cell.amount);
    batch.expectedVersions.push(cell.expectedVersion);
  }
  return batch;
}

/**
 * The written cells of a compact answer: `versions` is per input cell (for a conflicted cell, its
 * current version), so every sent cell that is not a conflict was written, or already equal, with
 * the amount we sent.
 */
export function writtenFromGrid(
  cells: readonly PendingCell[],
  versions: readonly number[],
  conflicts: readonly CellConflict[],
): WrittenCell[] {
  const conflicted = new Set(conflicts.map(keyOf));
  const written: WrittenCell[] = [];
  cells.forEach((cell, index) => {
    const version = versions[index];
    if (version === undefined || conflicted.has(keyOf(cell))) return;
    written.push({
      communeId: cell.communeId,
      criterionId: cell.criterionId,
      sourceId: cell.sourceId,
      amount: cell.amount,
      version,
    });
  });
  return written;
}

type StoredQueue = {
  version: 2;
  batch: Batch | null;
  pending: PendingCell[];
  conflicts: CellConflict[];
};

function keyOf(cell: Pick<CellEdit, 'communeId' | 'criterionId' | 'sourceId'>): string {
  return allocationKey(cell.communeId, cell.criterionId, cell.sourceId);
}

function isCellEdit(value: unknown): value is CellEdit {
  if (typeof value !== 'object' || value === null) return false;
  const cell = value as Record<string, unknown>;
  return (
    typeof cell['communeId'] === 'string' &&
    typeof cell['criterionId'] === 'string' &&
    typeof cell['sourceId'] === 'string' &&
    typeof cell['amount'] === 'string' &&
    /^\d+$/.test(cell['amount'])
  );
}

function isCellConflict(value: unknown): value is CellConflict {
  if (typeof value !== 'object' || value === null) return false;
  const conflict = value as Record<string, unknown>;
  return (
    typeof conflict['communeId'] === 'string' &&
    typeof conflict['criterionId'] === 'string' &&
    typeof conflict['sourceId'] === 'string' &&
    typeof conflict['attemptedAmount'] === 'string' &&
    typeof conflict['currentAmount'] === 'string' &&
    typeof conflict['currentVersion'] === 'number' &&
    typeof conflict['expectedVersion'] === 'number'
  );
}
