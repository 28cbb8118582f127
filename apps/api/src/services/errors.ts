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
