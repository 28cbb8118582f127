import { describe, expect, it } from 'vitest';
import {
  type CellConflict,
  type CellEdit,
  type PendingCell,
  SaveQueue,
  type SaveQueueOptions,
  type SendResult,
  storageKeyOf,
  toGridBatch,
  writtenFromGrid,
} from './save-queue';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

/** A queue whose timers run only when the test says so, and whose server is a list of answers. */
function setup(
  answers: Array<SendResult | Error>,
  storage = memoryStorage(),
  versions = new Map<string, number>(),
) {
  const sent: PendingCell[][] = [];
  const keys: string[] = [];
  let keyCount = 0;
  const timers: Array<() => void> = [];
  const statuses: string[] = [];
  const options: SaveQueueOptions = {
    planId: 'P1',
    storage,
    send: async (cells, key) => {
      sent.push(cells);
      keys.push(key);
      const answer = answers.shift();
      if (!answer || answer instanceof Error) throw answer ?? new Error('offline');
      return answer;
    },
    baseVersion: (key) => versions.get(key) ?? 0,
    newKey: () => `key-${++keyCount}`,
    onStates: () => {},
    onSaved: () => {},
    onStatus: (status) => statuses.push(status),
    schedule: (callback) => timers.push(callback),
    cancel: () => {},
  };
  const queue = new SaveQueue(options);
  // Bounded: a server that stays down would otherwise be retried forever.
  const runTimers = async () => {
    for (let step = 0; step < 10 && timers.length > 0; step++) {
      timers.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return { queue, sent, keys, storage, runTimers, statuses };
}

const cell = (amount: string, communeId = 'a'): CellEdit => ({
  communeId,
  criterionId: 'c',
  sourceId: 's',
  amount,
});
const saved = (cells: CellEdit[], version = 1): SendResult => ({
  kind: 'saved',
  cells: cells.map((c) => ({ ...c, version })),
  conflicts: [],
});
const conflictOn = (attemptedAmount: string, expectedVersion: number): CellConflict => ({
  communeId: 'a',
  criterionId: 'c',
  sourceId: 's',
  attemptedAmount,
  expectedVersion,
  currentVersion: expectedVersion + 1,
  currentAmount: '77',
  changedBy: 'lan',
  changedAt: '2026-11-27T10:00:00Z',
});

describe('SaveQueue', () => {
  it('sends everything pending in one batch and forgets it once acknowledged', async () => {
    const { queue, sent, storage, runTimers } = setup([saved([cell('1', 'a'), cell('2', 'b')])]);
    queue.enqueue([cell('1', 'a'), cell('2', 'b')]);
    expect(storage.data.has(storageKeyOf('P1'))).toBe(true);
    await runTimers();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(2);
    expect(queue.pendingCount).toBe(0);
    expect(queue.stateOf('a|c|s')).toEqual({ state: 'saved' });
    expect(storage.data.has(storageKeyOf('P1'))).toBe(false);
  });

  it('keeps edits through a network failure and retries them', async () => {
    const { queue, sent, runTimers, statuses } = setup([new Error('down'), saved([cell('5')])]);
    queue.enqueue([cell('5')]);
    await runTimers();
    expect(sent).toHaveLength(2);
    expect(statuses).toContain('offline');
    expect(queue.pendingCount).toBe(0);
  });

  it('restores unsent edits after a reload', () => {
    const storage = memoryStorage();
    storage.setItem(storageKeyOf('P1'), JSON.stringify([cell('9'), { junk: true }]));
    const { queue } = setup([], storage);
    expect(queue.pendingCells()).toEqual([{ ...cell('9'), expectedVersion: 0 }]);
    expect(queue.stateOf('a|c|s')).toEqual({ state: 'pending' });
  });

  it('marks rejected cells failed with the server message and resends the rest', async () => {
    const rejected: SendResult = {
      kind: 'rejected',
      message: 'batch rejected',
      cellErrors: [{ index: 1, message: 'Nguồn vốn không áp dụng cho xã này' }],
    };
    const { queue, sent, runTimers } = setup([rejected, saved([cell('1', 'a')])]);
    queue.enqueue([cell('1', 'a'), cell('2', 'b')]);
    await runTimers();
    expect(sent.map((batch) => batch.length)).toEqual([2, 1]);
    expect(queue.stateOf('b|c|s')).toEqual({
      state: 'failed',
      message: 'Nguồn vốn không áp dụng cho xã này',
    });
    expect(queue.stateOf('a|c|s')).toEqual({ state: 'saved' });
  });

  it('keeps a newer edit of a cell that changed while its older value was in flight', async () => {
    const { queue, sent, runTimers } = setup([saved([cell('1')]), saved([cell('2')])]);
    queue.enqueue([cell('1')]);
    queue.flush();
    queue.enqueue([cell('2')]);
    await runTimers();
    expect(sent.map((batch) => batch[0]?.amount)).toEqual(['1', '2']);
    expect(queue.pendingCount).toBe(0);
  });

  it('sends the version each edit was based on, and rebases a newer edit on its own write', async () => {
    const versions = new Map([['a|c|s', 4]]);
    const { queue, sent, runTimers } = setup(
      [saved([cell('1')], 5), saved([cell('2')], 6)],
      memoryStorage(),
      versions,
    );
    queue.enqueue([cell('1'), cell('3', 'b')]);
    queue.flush();
    queue.enqueue([cell('2')]);
    await runTimers();
    expect(sent[0]).toEqual([
      { ...cell('1'), expectedVersion: 4 },
      { ...cell('3', 'b'), expectedVersion: 0 },
    ]);
    expect(sent[1]).toEqual([{ ...cell('2'), expectedVersion: 5 }]);
  });

  it('retries a batch with the same idempotency key and the same cells, even after more edits', async () => {
    const { queue, sent, keys, runTimers } = setup([
      new Error('down'),
      saved([cell('1')]),
      saved([cell('2', 'b')]),
    ]);
    queue.enqueue([cell('1')]);
    queue.flush();
    queue.enqueue([cell('2', 'b')]);
    await runTimers();
    expect(sent.map((batch) => batch.map((c) => c.amount))).toEqual([['1'], ['1'], ['2']]);
    expect(keys).toEqual(['key-1', 'key-1', 'key-2']);
  });

  it('keeps an unanswered batch and its key across a reload', async () => {
    const storage = memoryStorage();
    const first = setup([new Error('down')], storage);
    first.queue.enqueue([cell('8')]);
    await first.runTimers();
    first.queue.dispose();
    const second = setup([saved([cell('8')])], storage);
    expect(second.queue.pendingCells()).toEqual([{ ...cell('8'), expectedVersion: 0 }]);
    second.queue.flush();
    await second.runTimers();
    expect(second.keys).toEqual(['key-1']);
    expect(second.queue.pendingCount).toBe(0);
  });

  it('marks conflicts, keeps them across a reload, and resolves them by keeping or discarding', async () => {
    const storage = memoryStorage();
    const conflict = conflictOn('5', 0);
    const { queue, sent, runTimers } = setup(
      [{ kind: 'saved', cells: [], conflicts: [conflict] }, saved([cell('5')], 2)],
      storage,
    );
    queue.enqueue([cell('5')]);
    await runTimers();
    expect(queue.stateOf('a|c|s')).toEqual({ state: 'conflict', conflict });
    expect(queue.pendingCount).toBe(0);
    expect(setup([], storage).queue.conflictCells()).toEqual([conflict]);

    queue.enqueue([cell('5')], { expectedVersion: conflict.currentVersion });
    await runTimers();
    expect(sent[1]).toEqual([{ ...cell('5'), expectedVersion: 1 }]);
    expect(queue.stateOf('a|c|s')).toEqual({ state: 'saved' });

    const other = setup([{ kind: 'conflict', conflicts: [conflict] }, saved([cell('6', 'b')])]);
    other.queue.enqueue([cell('5'), cell('6', 'b')]);
    await other.runTimers();
    expect(other.queue.stateOf('a|c|s')?.state).toBe('conflict');
    // All-or-nothing refused the batch: the cell without conflict is sent again.
    expect(other.sent.map((batch) => batch.length)).toEqual([2, 1]);
    other.queue.discard('a|c|s');
    expect(other.queue.conflictCells()).toEqual([]);
    expect(other.queue.stateOf('a|c|s')).toEqual({ state: 'saved' });
  });
});

describe('the compact grid form of a batch', () => {
  const cells: PendingCell[] = [
    { communeId: 'a', criterionId: 'c1', sourceId: 's1', amount: '5', expectedVersion: 0 },
    { communeId: 'b', criterionId: 'c1', sourceId: 's2', amount: '7', expectedVersion: 3 },
    { communeId: 'a', criterionId: 'c2', sourceId: 's1', amount: '0', expectedVersion: 1 },
  ];

  it('lists each id once per axis and points every cell at its axes, in input order', () => {
    const batch = toGridBatch(cells);
    expect(batch).toEqual({
      communeIds: ['a', 'b'],
      criterionIds: ['c1', 'c2'],
      sourceIds: ['s1', 's2'],
      communeIndex: [0, 1, 0],
      criterionIndex: [0, 0, 1],
      sourceIndex: [0, 1, 0],
      amounts: ['5', '7', '0'],
      expectedVersions: [0, 3, 1],
    });
    // A retry under the same idempotency key must send the very same request.
    expect(JSON.stringify(toGridBatch(cells))).toBe(JSON.stringify(batch));
  });

  it('reads the written cells from the per-input versions, leaving the conflicts out', () => {
    const conflict: CellConflict = {
      communeId: 'b',
      criterionId: 'c1',
      sourceId: 's2',
      attemptedAmount: '7',
      expectedVersion: 3,
      currentVersion: 4,
      currentAmount: '9',
      changedBy: 'other',
      changedAt: null,
    };
    expect(writtenFromGrid(cells, [1, 4, 2], [conflict])).toEqual([
      { communeId: 'a', criterionId: 'c1', sourceId: 's1', amount: '5', version: 1 },
      { communeId: 'a', criterionId: 'c2', sourceId: 's1', amount: '0', version: 2 },
    ]);
  });
});
