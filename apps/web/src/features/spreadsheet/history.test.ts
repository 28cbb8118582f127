import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, MAX_HISTORY, record, redo, undo } from './history';

const paste = [
  { key: 'a', before: 0n, after: 5n },
  { key: 'b', before: 1n, after: 6n },
];

describe('history', () => {
  it('undoes a whole batch in one step and redoes it', () => {
    let history = record(createHistory(), paste);
    expect(canUndo(history)).toBe(true);
    const undone = undo(history);
    expect(undone?.changes).toEqual([
      { key: 'b', before: 6n, after: 1n },
      { key: 'a', before: 5n, after: 0n },
    ]);
    history = undone!.history;
    expect(canUndo(history)).toBe(false);
    expect(canRedo(history)).toBe(true);
    const redone = redo(history);
    expect(redone?.changes).toEqual(paste);
    expect(canUndo(redone!.history)).toBe(true);
  });

  it('forgets the redo stack when a new action is recorded', () => {
    let history = record(createHistory(), paste);
    history = undo(history)!.history;
    history = record(history, [{ key: 'c', before: 0n, after: 1n }]);
    expect(canRedo(history)).toBe(false);
    expect(redo(history)).toBeNull();
  });

  it('ignores empty batches and returns null with nothing to undo', () => {
    const history = record(createHistory(), []);
    expect(canUndo(history)).toBe(false);
    expect(undo(history)).toBeNull();
  });

  it('keeps a bounded number of steps', () => {
    let history = createHistory();
    for (let i = 0; i < MAX_HISTORY + 10; i++)
      history = record(history, [{ key: 'a', before: 0n, after: BigInt(i) }]);
    expect(history.undoStack).toHaveLength(MAX_HISTORY);
  });
});
