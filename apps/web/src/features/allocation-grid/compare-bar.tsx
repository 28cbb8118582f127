// The grid's "compare with a version" picker (in the toolbar) and what the comparison found: the
// plan's total then and now, and the source and criterion totals that moved.

import { describeSaveFailure } from '../../app/save-failure';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { TotalsTable } from '../versions/diff-view';
import { DeltaText, MoneyText } from '../versions/money-text';
import type { CompareState, useGridCompare } from './use-grid-compare';

type Compare = ReturnType<typeof useGridCompare>;

export function ComparePicker({ compare }: { compare: Compare }) {
  const t = useT();
  const selected =
    compare.state.status === 'off'
      ? ''
      : compare.state.status === 'ready'
        ? compare.state.comparison.snapshotId
        : compare.state.snapshotId;
  return (
    <label className="grid-toolbar__field">
      <span className="visually-hidden">{t('grid.compare.label')}</span>
      <select
        value={selected}
        data-testid="grid-compare"
        onFocus={compare.loadSnapshots}
        onPointerDown={compare.loadSnapshots}
        onChange={(event) => compare.select(event.target.value)}
      >
        <option value="">{t('grid.compare.none')}</option>
        {(compare.snapshots ?? []).map((snapshot) => (
          <option key={snapshot.id} value={snapshot.id}>
            {snapshot.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CompareSummary({ state }: { state: CompareState }) {
  const t = useT();
  const [locale] = useLocale();
  if (state.status === 'off') return null;
  if (state.status === 'loading')
    return (
      <p className="grid-note" role="status">
        {t('grid.compare.loading')}
      </p>
    );
  if (state.status === 'error') {
    const error = state.error as { code?: string; message?: string } | null;
    return (
      <p className="grid-note grid-note--error" role="alert">
        {t('grid.compare.error')}
        {error?.code
          ? ` ${describeSaveFailure({ kind: 'input', code: error.code, message: error.message ?? '', locale }, locale, t)}`
          : ''}
      </p>
    );
  }
  const { comparison } = state;
  return (
    <details className="grid-compare" data-testid="grid-compare-summary">
      <summary>
        {t('grid.compare.summary', { name: comparison.name, count: comparison.total.changedCells })}{' '}
        <MoneyText value={comparison.total.before} /> → <MoneyText value={comparison.total.after} /> (
        <DeltaText value={comparison.total.delta} />)
      </summary>
      {comparison.bySource.length > 0 && <TotalsTable rows={comparison.bySource} grouping="source" />}
      {comparison.byCriterion.length > 0 && (
        <TotalsTable rows={comparison.byCriterion} grouping="criterion" />
      )}
    </details>
  );
}
