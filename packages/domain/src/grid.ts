// One allocation cell is a commune × criterion × source; the API and the grid key cells the same way
// so a save can be matched to the rows it changed.
export function cellKey(communeId: number, criterionId: number, sourceId: number): string {
  return `${communeId}:${criterionId}:${sourceId}`;
}

/** Bigger than a district plan (≈25 communes × 19 criteria × a dozen sources), small enough for one transaction. */
export const MAX_BATCH_CELLS = 50_000;
