// The analysis beside the grid: what target communes still lack against their deadline, which
// sources are committed beyond confirmed money, and where money is spread thin. It shows the
// server's analysis, loaded after the grid and again once saves pause (marked "updating" meanwhile),
// and each item selects the cells concerned. It folds away to give the grid the whole width.
import { formatMoneyCompact } from '@ntm/domain';
import type { GridAnalysisFragment } from '@ntm/graphql-client';
import { useLocale, useT } from '../../i18n/i18n-provider';

/** Cells an analysis item is about: a commune's row (optionally some criteria), or a source's column. */
export type CellTarget = { communeId?: string; criterionIds?: string[]; sourceId?: string };

type Props = {
  /** null until the first analysis arrives. */
  analysis: GridAnalysisFragment | null;
  isUpdating: boolean;
  isOpen: boolean;
  onToggle: () => void;
  criterionNames: ReadonlyMap<string, string>;
  sourceNames: ReadonlyMap<string, string>;
  onSelect: (target: CellTarget) => void;
};

export function AnalysisPanel({ analysis, isUpdating, isOpen, onToggle, ...rest }: Props) {
  const t = useT();
  return (
    <aside
      className={`analysis-panel${isOpen ? '' : ' analysis-panel--closed'}`}
      aria-labelledby="analysis-heading"
      aria-busy={isUpdating}
      data-testid="analysis-panel"
    >
      <div className="analysis-panel__bar">
        <h2 id="analysis-heading" className="analysis-panel__heading">
          {t('analysis.heading')}
        </h2>
        {isUpdating && (
          <span className="analysis-panel__updating" role="status" data-testid="analysis-updating">
            {t('analysis.updating')}
          </span>
        )}
        <button
          type="button"
          className="analysis-panel__toggle"
          aria-expanded={isOpen}
          aria-controls="analysis-body"
          onClick={onToggle}
        >
          {t(isOpen ? 'analysis.hide' : 'analysis.show')}
        </button>
      </div>
      {isOpen && analysis && <AnalysisBody analysis={analysis} {...rest} />}
    </aside>
  );
}

function AnalysisBody({
  analysis,
  criterionNames,
  sourceNames,
  onSelect,
}: Pick<Props, 'criterionNames' | 'sourceNames' | 'onSelect'> & { analysis: GridAnalysisFragment }) {
  const t = useT();
  const [locale] = useLocale();
  const money = (amount: string) => formatMoneyCompact(BigInt(amount), locale);
  const shortCommunes = analysis.communes.filter(
    (gap) => BigInt(gap.shortfall) > 0n || gap.uncostedCriteria.length > 0,
  );
  const riskySources = analysis.sources.filter((source) => source.status !== 'OK');
  const totals = analysis.totals;

  return (
    <div id="analysis-body" className="analysis-panel__body">
      <dl className="analysis-totals">
        <div>
          <dt>{t('analysis.totals.allocated')}</dt>
          <dd data-testid="analysis-allocated">{money(totals.allocated)}</dd>
        </div>
        <div>
          <dt>{t('analysis.totals.shortfall')}</dt>
          <dd className={BigInt(totals.shortfall) > 0n ? 'is-bad' : undefined}>{money(totals.shortfall)}</dd>
        </div>
        <div>
          <dt>{t('analysis.totals.debtRisk')}</dt>
          <dd className={BigInt(totals.debtRisk) > 0n ? 'is-bad' : undefined}>{money(totals.debtRisk)}</dd>
        </div>
        <div>
          <dt>{t('analysis.totals.funded')}</dt>
          <dd>
            {totals.fundedTargetCommunes}/{totals.targetCommunes}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="analysis-shortfall">
        <h3 id="analysis-shortfall">{t('analysis.shortfall.heading', { count: shortCommunes.length })}</h3>
        {shortCommunes.length === 0 ? (
          <p className="analysis-empty">{t('analysis.shortfall.none')}</p>
        ) : (
          <ul className="analysis-list">
            {shortCommunes.map((gap) => {
              const unmet = gap.unmet.filter((item) => BigInt(item.shortfall) > 0n || !item.isCosted);
              const criterionIds = unmet.map((item) => item.criterionId);
              return (
                <li key={gap.communeId}>
                  <button
                    type="button"
                    className="analysis-item"
                    onClick={() =>
                      onSelect({
                        communeId: gap.communeId,
                        criterionIds: criterionIds.length > 0 ? criterionIds : undefined,
                      })
                    }
                  >
                    <span className="analysis-item__title">
                      {gap.commune.name}
                      {gap.deadlineLabel && (
                        <span className={gap.isOverdue ? 'analysis-tag analysis-tag--bad' : 'analysis-tag'}>
                          {gap.isOverdue
                            ? t('analysis.overdue', { deadline: gap.deadlineLabel })
                            : gap.deadlineLabel}
                        </span>
                      )}
                    </span>
                    <span className="analysis-item__detail">
                      {t('analysis.shortfall.item', {
                        shortfall: money(gap.shortfall),
                        met: gap.criteriaMet,
                        total: gap.criteriaTotal,
                      })}
                    </span>
                    {unmet.length > 0 && (
                      <span className="analysis-item__more">
                        {unmet
                          .slice(0, 4)
                          .map((item) =>
                            item.isCosted
                              ? `${criterionNames.get(item.criterionId) ?? '?'}: ${money(item.shortfall)}`
                              : `${criterionNames.get(item.criterionId) ?? '?'}: ${t('analysis.uncosted')}`,
                          )
                          .join(' · ')}
                        {unmet.length > 4 ? ` · ${t('analysis.andMore', { count: unmet.length - 4 })}` : ''}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="analysis-sources">
        <h3 id="analysis-sources">{t('analysis.sources.heading', { count: riskySources.length })}</h3>
        {riskySources.length === 0 ? (
          <p className="analysis-empty">{t('analysis.sources.none')}</p>
        ) : (
          <ul className="analysis-list">
            {riskySources.map((source) => (
              <li key={source.sourceId}>
                <button
                  type="button"
                  className="analysis-item"
                  onClick={() => onSelect({ sourceId: source.sourceId })}
                >
                  <span className="analysis-item__title">
                    {sourceNames.get(source.sourceId) ?? '?'}
                    <span className="analysis-tag analysis-tag--bad">
                      {t(`analysis.status.${source.status}`)}
                    </span>
                  </span>
                  <span className="analysis-item__detail">
                    {t('analysis.sources.item', {
                      allocated: money(source.allocated),
                      cap: source.cap === null ? t('analysis.noCap') : money(source.cap),
                      risk: money(source.debtRisk),
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="analysis-thin">
        <h3 id="analysis-thin">{t('analysis.thin.heading', { count: analysis.spreadThinCount })}</h3>
        {analysis.spreadThinCount === 0 ? (
          <p className="analysis-empty">{t('analysis.thin.none')}</p>
        ) : (
          <ul className="analysis-list">
            {analysis.spreadThin.map((warning, index) => (
              // A commune may have several warnings of one kind: the index keeps keys unique.
              <li key={`${warning.communeId}-${warning.criterionId ?? ''}-${warning.kind}-${index}`}>
                <button
                  type="button"
                  className="analysis-item"
                  onClick={() =>
                    onSelect({
                      communeId: warning.communeId,
                      criterionIds: warning.criterionId ? [warning.criterionId] : undefined,
                    })
                  }
                >
                  <span className="analysis-item__title">
                    {warning.commune.name}
                    {warning.criterionId && ` — ${criterionNames.get(warning.criterionId) ?? ''}`}
                  </span>
                  <span className="analysis-item__detail">
                    {t(`analysis.thin.${warning.kind}`, { amount: money(warning.amount) })}
                  </span>
                </button>
              </li>
            ))}
            {analysis.spreadThinCount > analysis.spreadThin.length && (
              <li className="analysis-empty">
                {t('analysis.andMore', { count: analysis.spreadThinCount - analysis.spreadThin.length })}
              </li>
            )}
          </ul>
        )}
      </section>
    </div>
  );
}
