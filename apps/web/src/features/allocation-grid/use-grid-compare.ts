// "Compare with a version" on the grid: the plan's snapshots to pick from and, once one is picked,
// the cells and totals that differ between it and the plan now. The grid marks the differing cells
// (old → new in their tooltip) and lists the totals that moved; it asks for a refresh after saves.
import {
  type DiffTotalFieldsFragment,
  GridCompareDocument,
  type GridCompareQuery,
  GridSnapshotsDocument,
  request,
} from '@ntm/graphql-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { LOCALE_TAGS, type Locale } from '../../i18n/locale';
import { allocationKey } from './grid-data';

type Snapshot = { id: string; name: string; createdAt: string };
type PlanDiff = Extract<NonNullable<GridCompareQuery['plan']>['diff'], { __typename: 'PlanDiff' }>;

export type Comparison = {
  snapshotId: string;
  name: string;
  /** Each differing cell's amount in the snapshot. */
  before: Map<string, bigint>;
  total: DiffTotalFieldsFragment;
  bySource: DiffTotalFieldsFragment[];
  byCriterion: DiffTotalFieldsFragment[];
};

export type CompareState =
  | { status: 'off' }
  | { status: 'loading'; snapshotId: string }
  | { status: 'error'; snapshotId: string; error: unknown }
  | { status: 'ready'; comparison: Comparison };

function toComparison(snapshotId: string, diff: PlanDiff): Comparison {
  const moved = (rows: readonly DiffTotalFieldsFragment[]) => rows.filter((row) => row.changedCells > 0);
  return {
    snapshotId,
    name: diff.from.name,
    before: new Map(
      diff.cells.map((cell) => [
        allocationKey(cell.communeId, cell.criterionId, cell.sourceId),
        BigInt(cell.before),
      ]),
    ),
    total: diff.total,
    bySource: moved(diff.bySource),
    byCriterion: moved(diff.byCriterion),
  };
}

export function useGridCompare(
  planId: string,
  locale: Locale,
  onChange: (comparison: Comparison | null) => void,
) {
  const [snapshots, setSnapshots] = useState<Snapshot[] | null>(null);
  const [state, setState] = useState<CompareState>({ status: 'off' });
  const wantedRef = useRef<string>('');
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  /** The snapshot list is small but not needed for the first render: read when the picker is used. */
  const loadSnapshots = useCallback(() => {
    if (snapshots !== null) return;
    setSnapshots([]);
    request(GridSnapshotsDocument, { planId }, { locale: LOCALE_TAGS[locale] })
      .then((data) => setSnapshots(data.plan?.snapshots ?? []))
      .catch(() => setSnapshots(null));
  }, [planId, locale, snapshots]);

  const fetchDiff = useCallback(
    async (snapshotId: string, isRefresh: boolean) => {
      if (!isRefresh) setState({ status: 'loading', snapshotId });
      try {
        const data = await request(
          GridCompareDocument,
          { planId, from: snapshotId },
          { locale: LOCALE_TAGS[locale] },
        );
        if (wantedRef.current !== snapshotId) return; // picked another meanwhile
        const diff = data.plan?.diff;
        if (diff?.__typename !== 'PlanDiff') {
          setState({ status: 'error', snapshotId, error: diff ?? null });
          onChangeRef.current(null);
          return;
        }
        const comparison = toComparison(snapshotId, diff);
        setState({ status: 'ready', comparison });
        onChangeRef.current(comparison);
      } catch (error) {
        if (wantedRef.current === snapshotId && !isRefresh) setState({ status: 'error', snapshotId, error });
      }
    },
    [planId, locale],
  );

  const select = useCallback(
    (snapshotId: string) => {
      wantedRef.current = snapshotId;
      if (snapshotId === '') {
        setState({ status: 'off' });
        onChangeRef.current(null);
        return;
      }
      void fetchDiff(snapshotId, false);
    },
    [fetchDiff],
  );

  /** The plan moved (a save, someone else's change): the marks follow. */
  const refresh = useCallback(() => {
    if (wantedRef.current !== '') void fetchDiff(wantedRef.current, true);
  }, [fetchDiff]);

  useEffect(
    () => () => {
      wantedRef.current = '';
    },
    [],
  );

  return { snapshots, loadSnapshots, state, select, refresh, selectedId: wantedRef.current };
}
