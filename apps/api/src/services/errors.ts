import { DomainError } from '@ntm/domain';

export interface CellError {
  index: number;
  error: DomainError;
  communeId?: string | undefined;
  criterionId?: string | undefined;
  sourceId?: string | undefined;
}

const MAX_REPORTED_CELL_ERRORS = 500;

/** A batch in which some cells are invalid. Thrown inside the transaction, so nothing is written. */
export class BatchRejectedError extends DomainError {
  readonly cellErrors: CellError[];
  readonly errorCount: number;
  constructor(cellErrors: CellError[]) {
    super('BATCH_REJECTED', { count: cellErrors.length });
    this.errorCount = cellErrors.length;
    this.cellErrors = cellErrors.slice(0, MAX_REPORTED_CELL_ERRORS);
  }
}

/** A cell whose stored version differs from the one the change was based on. */
export interface CellConflict {
  /** Position in the batch's input, when the conflict comes from one. */
  index?: number;
  communeId: number;
  criterionId: number;
  sourceId: number;
  attemptedAmount: bigint;
  expectedVersion: number;
  currentVersion: number;
  currentAmount: bigint;
  changedBy: string | null;
  changedAt: Date | null;
}

/** Someone changed the cells since the caller read them; nothing was overwritten. */
export class VersionConflictError extends DomainError {
  readonly conflicts: CellConflict[];
  constructor(conflicts: CellConflict[]) {
    const actors = [...new Set(conflicts.map((c) => c.changedBy).filter((a): a is string => a !== null))];
    super('VERSION_CONFLICT', {
      count: conflicts.length,
      ...(actors.length === 1 ? { actor: actors[0]! } : {}),
    });
    this.conflicts = conflicts;
  }
}
