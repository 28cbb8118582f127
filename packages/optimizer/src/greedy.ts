// Greedy baseline: most important targets first (priority, then earliest deadline, then cheapest),
// each funded fully or not at all from what is left. Used by tests and the benchmark as the bar
// the MIP must clear.
import { compareQuarter } from '@ntm/domain';
import { finalize } from './finalize.ts';
import { openLedger, type Placement, placeCommune } from './integerize.ts';
import type { OptimizeOptions, OptimizeResult, OptimizerInput } from './model.ts';
import { prepare } from './prepare.ts';

export function solveGreedy(input: OptimizerInput, options: OptimizeOptions): OptimizeResult {
  const started = performance.now();
  const prepared = prepare(input, options);
  const ledger = openLedger(prepared);
  const order = [...prepared.candidates].sort(
    (a, b) =>
      b.commune.priority - a.commune.priority ||
      (a.commune.deadline && b.commune.deadline
        ? compareQuarter(a.commune.deadline, b.commune.deadline)
        : 0) ||
      (a.remaining < b.remaining ? -1 : a.remaining > b.remaining ? 1 : 0) ||
      a.commune.id - b.commune.id,
  );
  const placements: Placement[] = [];
  const reached = new Set<number>();
  for (const candidate of order) {
    const placed = placeCommune(prepared, ledger, candidate, () => 0n);
    if (!placed) continue;
    placements.push(...placed);
    reached.add(candidate.commune.id);
  }
  return finalize(prepared, ledger, placements, reached, {
    status: 'heuristic',
    gap: null,
    solveSeconds: (performance.now() - started) / 1000,
  });
}
