/**
 * Undo/redo of cell edits. One entry is one user action (a typed value, a paste, a fill, a clear),
 * so a 60-cell paste is undone by one Ctrl+Z.
 */

export type CellChange = { key: string; before: bigint; after: bigint };
export type Batch = readonly CellChange[];

export type History = {
  readonly undoStack: readonly Batch[];
  readonly redoStack: readonly Batch[];
};

export const MAX_HISTORY = 200;

export function createHistory(): History {
  return { undoStack: [], redoStack: [] };
}

/** Records a new action; it clears the redo stack as in every editor. Empty batches are ignored. */
export function record(history: History, batch: Batch): History {
  if (batch.length === 0) return history;
  const undoStack = [...history.undoStack, batch].slice(-MAX_HISTORY);
  return { undoStack, redoStack: [] };
}

/** The changes that undo the last action (after → before), and the history after undoing it. */
export function undo(history: History): { history: History; changes: Batch } | null {
  const batch = history.undoStack.at(-1);
  if (!batch) return null;
  return {
    history: { undoStack: history.undoStack.slice(0, -1), redoStack: [...history.redoStack, batch] },
    changes: invert(batch),
  };
}

export function redo(history: History): { history: History; changes: Batch } | null {
  const batch = history.redoStack.at(-1);
  if (!batch) return null;
  return {
    history: { undoStack: [...history.undoStack, batch], redoStack: history.redoStack.slice(0, -1) },
    changes: batch,
  };
}

export function invert(batch: Batch): Batch {
  return batch.map(({ key, before, after }) => ({ key, before: after, after: before })).reverse();
}

export function canUndo(history: History): boolean {
  return history.undoStack.length > 0;
}

export function canRedo(history: History): boolean {
  return history.redoStack.length > 0;
}
