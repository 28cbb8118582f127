/**
 * Plan analysis: where the money in a plan stands against what the target communes still need.
 * The API serves this to the planner; every number is exact bigint đồng.
 *
 * Semantics
 * - Cost to close an unmet criterion = Σ over its required projects that are neither completed nor
 *   cancelled of max(0, estimatedCost − disbursed). An unmet criterion with no such project is
 *   *uncosted*: its need is unknown, so it is flagged and never counts as funded.
 * - Allocated to a criterion = Σ allocations to that commune × criterion over all sources.
 * - Shortfall is computed per criterion, max(0, cost − allocated), then summed: surplus on one
 *   criterion does not cover another, because money is committed to a criterion's projects.
 *   An uncosted criterion has shortfall 0 and appears in `uncostedCriterionIds` instead.
 * - A commune is funded when its shortfall is 0 and nothing is uncosted (a commune that already
 *   meets every criterion is funded). It is overdue when `asOf` is after its deadline quarter and
 *   it does not yet reach the standard.
 * - Sources: `debtRisk` = money committed beyond the confirmed cap, i.e. what would become nợ đọng
 *   XDCB if the unconfirmed money never arrives (QĐ 18/2022 bars recognition with such debt).
 *   It always equals `overCap + unconfirmedAllocated`. Several cap rows for one source add up;
 *   the source counts as confirmed only when all of them are.
 * - Spread-thin warnings (QĐ 07/2022 Art. 3: invest with focus): money on a criterion already met;
 *   money on a non-target commune while some target still has a shortfall or an uncosted gap;
 *   money beyond the costed need of an unmet criterion.
 * - Allocations to communes missing from `communes` are treated as non-target communes; allocations
 *   to criteria outside `criterionIds` count in source and plan totals only.
 */
import { summarizeProgress } from './criteria.ts';
import { compareQuarter, type Quarter } from './quarter.ts';

export type ProjectStatus = 'planned' | 'in_progress' | 'completed' | 'cancelled';

export interface AnalysisInput {
  communes: Array<{
    id: number;
    isTarget: boolean;
    priority: number;
    deadline: Quarter | null;
  }>;
  /** The plan's commune criteria set. */
  criterionIds: number[];
  /** Pairs that are met; an absent pair is not met. */
  metCriteria: Array<{ communeId: number; criterionId: number }>;
  projects: Array<{
    communeId: number;
    criterionId: number;
    estimatedCost: bigint;
    disbursed: bigint;
    isRequired: boolean;
    status: ProjectStatus;
  }>;
  allocations: Array<{
    communeId: number;
    criterionId: number;
    sourceId: number;
    amount: bigint;
  }>;
  sources: Array<{ id: number; needsCouncilApproval: boolean }>;
  caps: Array<{ sourceId: number; amount: bigint; isConfirmed: boolean }>;
  /** The quarter "now" is in, for overdue deadlines. */
  asOf?: Quarter;
}

export type UnmetCriterionAnalysis = {
  criterionId: number;
  cost: bigint;
  allocated: bigint;
  /** max(0, cost − allocated); 0 when uncosted. */
  shortfall: bigint;
  isCosted: boolean;
};

export type CommuneAnalysis = {
  communeId: number;
  criteriaMet: number;
  criteriaTotal: number;
  unmet: UnmetCriterionAnalysis[];
  cost: bigint;
  /** On unmet criteria only. */
  allocated: bigint;
  shortfall: bigint;
  uncostedCriterionIds: number[];
  isFunded: boolean;
  /** Already meets every criterion of the set. */
  reachesStandard: boolean;
  deadline: Quarter | null;
  isOverdue: boolean;
};

export type SourceStatus = 'ok' | 'unconfirmed' | 'over_cap';

export type SourceAnalysis = {
  sourceId: number;
  needsCouncilApproval: boolean;
  allocated: bigint;
  /** null when the source has no cap row. */
  cap: bigint | null;
  isConfirmed: boolean;
  confirmedCap: bigint;
  /** max(0, allocated − cap); all of `allocated` when there is no cap. */
  overCap: bigint;
  /** Allocated within the cap but beyond its confirmed part. */
  unconfirmedAllocated: bigint;
  /** max(0, allocated − confirmedCap). */
  debtRisk: bigint;
  /** over_cap wins over unconfirmed. */
  status: SourceStatus;
};

export type SpreadThinWarning =
  | {
      kind: 'MET_CRITERION';
      communeId: number;
      criterionId: number;
      amount: bigint;
    }
  | { kind: 'NON_TARGET_COMMUNE'; communeId: number; amount: bigint }
  | {
      kind: 'OVER_FUNDED';
      communeId: number;
      criterionId: number;
      amount: bigint;
    };

export type PlanTotals = {
  allocated: bigint;
  confirmedCaps: bigint;
  /** Caps not yet confirmed. */
  expectedCaps: bigint;
  /** Σ target-commune shortfalls. */
  shortfall: bigint;
  debtRisk: bigint;
  targetCommunes: number;
  fundedTargetCommunes: number;
};

export interface PlanAnalysis {
  /** Target communes, most urgent first: deadline, then priority (higher first), then id. */
  communes: CommuneAnalysis[];
  /** Every source with a cap row or non-zero allocations, by id. */
  sources: SourceAnalysis[];
  /** By commune, then criterion. */
  warnings: SpreadThinWarning[];
  totals: PlanTotals;
}

type PairKey = `${number}:${number}`;

function toPairKey(communeId: number, criterionId: number): PairKey {
  return `${communeId}:${criterionId}`;
}

function addAmount<K>(map: Map<K, bigint>, key: K, amount: bigint): void {
  map.set(key, (map.get(key) ?? 0n) + amount);
}

function positivePart(value: bigint): bigint {
  return value > 0n ? value : 0n;
}

function minMoney(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function compareByUrgency(
  a: CommuneAnalysis & { priority: number },
  b: CommuneAnalysis & { priority: number },
) {
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    const byDeadline = compareQuarter(a.deadline, b.deadline);
    if (byDeadline !== 0) return byDeadline;
  }
  return b.priority - a.priority || a.communeId - b.communeId;
}

const WARNING_ORDER: Record<SpreadThinWarning['kind'], number> = {
  NON_TARGET_COMMUNE: 0,
  MET_CRITERION: 1,
  OVER_FUNDED: 2,
};

function compareWarnings(a: SpreadThinWarning, b: SpreadThinWarning): number {
  const criterionOf = (w: SpreadThinWarning) => ('criterionId' in w ? w.criterionId : -Infinity);
  return (
    a.communeId - b.communeId ||
    criterionOf(a) - criterionOf(b) ||
    WARNING_ORDER[a.kind] - WARNING_ORDER[b.kind]
  );
}

export function analyzePlan(input: AnalysisInput): PlanAnalysis {
  const criterionIds = [...new Set(input.criterionIds)];
  const metPairs = new Set(input.metCriteria.map((m) => toPairKey(m.communeId, m.criterionId)));

  const costByPair = new Map<PairKey, bigint>();
  for (const project of input.projects) {
    if (!project.isRequired || project.status === 'completed' || project.status === 'cancelled') continue;
    addAmount(
      costByPair,
      toPairKey(project.communeId, project.criterionId),
      positivePart(project.estimatedCost - project.disbursed),
    );
  }

  const allocatedByPair = new Map<PairKey, bigint>();
  const allocatedByCommune = new Map<number, bigint>();
  const allocatedBySource = new Map<number, bigint>();
  for (const allocation of input.allocations) {
    addAmount(allocatedByPair, toPairKey(allocation.communeId, allocation.criterionId), allocation.amount);
    addAmount(allocatedByCommune, allocation.communeId, allocation.amount);
    addAmount(allocatedBySource, allocation.sourceId, allocation.amount);
  }

  const knownCommunes = new Map(input.communes.map((c) => [c.id, c]));
  const communeIds = new Set([...knownCommunes.keys(), ...allocatedByCommune.keys()]);
  const analyzed = [...communeIds].map((communeId) => {
    const commune = knownCommunes.get(communeId) ?? {
      id: communeId,
      isTarget: false,
      priority: 0,
      deadline: null,
    };
    const met = new Set(criterionIds.filter((id) => metPairs.has(toPairKey(communeId, id))));
    const progress = summarizeProgress(criterionIds, met);
    const unmet = progress.unmetCriterionIds.map((criterionId): UnmetCriterionAnalysis => {
      const key = toPairKey(communeId, criterionId);
      const cost = costByPair.get(key);
      const allocated = allocatedByPair.get(key) ?? 0n;
      const isCosted = cost !== undefined;
      return {
        criterionId,
        cost: cost ?? 0n,
        allocated,
        shortfall: isCosted ? positivePart(cost - allocated) : 0n,
        isCosted,
      };
    });
    const uncostedCriterionIds = unmet.filter((u) => !u.isCosted).map((u) => u.criterionId);
    const shortfall = unmet.reduce((sum, u) => sum + u.shortfall, 0n);
    const analysis: CommuneAnalysis & { priority: number; isTarget: boolean } = {
      communeId,
      criteriaMet: progress.met,
      criteriaTotal: progress.total,
      unmet,
      cost: unmet.reduce((sum, u) => sum + u.cost, 0n),
      allocated: unmet.reduce((sum, u) => sum + u.allocated, 0n),
      shortfall,
      uncostedCriterionIds,
      isFunded: shortfall === 0n && uncostedCriterionIds.length === 0,
      reachesStandard: progress.reachesStandard,
      deadline: commune.deadline,
      isOverdue:
        input.asOf !== undefined &&
        commune.deadline !== null &&
        compareQuarter(input.asOf, commune.deadline) > 0 &&
        !progress.reachesStandard,
      priority: commune.priority,
      isTarget: commune.isTarget,
    };
    return analysis;
  });

  const targets = analyzed.filter((c) => c.isTarget).sort(compareByUrgency);
  const hasTargetGap = targets.some((c) => !c.isFunded);

  const warnings: SpreadThinWarning[] = [];
  for (const [key, amount] of allocatedByPair) {
    if (amount <= 0n || !metPairs.has(key)) continue;
    const [communeId, criterionId] = key.split(':').map(Number) as [number, number];
    if (criterionIds.includes(criterionId))
      warnings.push({ kind: 'MET_CRITERION', communeId, criterionId, amount });
  }
  for (const commune of analyzed) {
    const amount = allocatedByCommune.get(commune.communeId) ?? 0n;
    if (!commune.isTarget && hasTargetGap && amount > 0n) {
      warnings.push({
        kind: 'NON_TARGET_COMMUNE',
        communeId: commune.communeId,
        amount,
      });
    }
    for (const u of commune.unmet) {
      if (u.isCosted && u.allocated > u.cost) {
        const excess = u.allocated - u.cost;
        warnings.push({
          kind: 'OVER_FUNDED',
          communeId: commune.communeId,
          criterionId: u.criterionId,
          amount: excess,
        });
      }
    }
  }
  warnings.sort(compareWarnings);

  const capsBySource = new Map<number, { cap: bigint; confirmedCap: bigint; isConfirmed: boolean }>();
  for (const row of input.caps) {
    const current = capsBySource.get(row.sourceId) ?? {
      cap: 0n,
      confirmedCap: 0n,
      isConfirmed: true,
    };
    capsBySource.set(row.sourceId, {
      cap: current.cap + row.amount,
      confirmedCap: current.confirmedCap + (row.isConfirmed ? row.amount : 0n),
      isConfirmed: current.isConfirmed && row.isConfirmed,
    });
  }
  const needsCouncil = new Map(input.sources.map((s) => [s.id, s.needsCouncilApproval]));
  const sourceIds = new Set([...capsBySource.keys()]);
  for (const [sourceId, amount] of allocatedBySource) if (amount !== 0n) sourceIds.add(sourceId);
  const sources = [...sourceIds]
    .sort((a, b) => a - b)
    .map((sourceId): SourceAnalysis => {
      const allocated = allocatedBySource.get(sourceId) ?? 0n;
      const capRow = capsBySource.get(sourceId);
      const cap = capRow?.cap ?? null;
      const isConfirmed = capRow?.isConfirmed ?? false;
      const confirmedCap = capRow?.confirmedCap ?? 0n;
      const overCap = positivePart(allocated - (cap ?? 0n));
      const unconfirmedAllocated = positivePart(minMoney(allocated, cap ?? 0n) - confirmedCap);
      return {
        sourceId,
        needsCouncilApproval: needsCouncil.get(sourceId) ?? false,
        allocated,
        cap,
        isConfirmed,
        confirmedCap,
        overCap,
        unconfirmedAllocated,
        debtRisk: positivePart(allocated - confirmedCap),
        status: overCap > 0n ? 'over_cap' : unconfirmedAllocated > 0n ? 'unconfirmed' : 'ok',
      };
    });

  let allocatedTotal = 0n;
  for (const amount of allocatedBySource.values()) allocatedTotal += amount;
  const confirmedCaps = sources.reduce((sum, s) => sum + s.confirmedCap, 0n);
  return {
    communes: targets.map(({ priority: _priority, isTarget: _isTarget, ...commune }) => commune),
    sources,
    warnings,
    totals: {
      allocated: allocatedTotal,
      confirmedCaps,
      expectedCaps: sources.reduce((sum, s) => sum + (s.cap ?? 0n), 0n) - confirmedCaps,
      shortfall: targets.reduce((sum, c) => sum + c.shortfall, 0n),
      debtRisk: sources.reduce((sum, s) => sum + s.debtRisk, 0n),
      targetCommunes: targets.length,
      fundedTargetCommunes: targets.filter((c) => c.isFunded).length,
    },
  };
}
