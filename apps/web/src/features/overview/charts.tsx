// The three overview charts, hand-rolled SVG: bars with <title> tooltips, axes in the reader's
// number format, money in triệu/tỷ through formatMoneyCompact.
import { formatMoney, formatMoneyCompact } from '@ntm/domain';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { ChartFigure } from './chart-figure';
import {
  countTicks,
  niceTicks,
  type ProgressBin,
  type ShortfallBar,
  type SourceBar,
  shortenLabel,
} from './chart-model';

const toNumber = (value: bigint) => Number(value);

function MoneyCell({ value }: { value: bigint }) {
  const [locale] = useLocale();
  return (
    <td className="num" title={`${formatMoney(value, { locale })} ${locale === 'vi' ? 'đồng' : 'VND'}`}>
      {formatMoney(value, { locale, unit: 'trieu', maxFractionDigits: 0 })}
    </td>
  );
}

export function ProgressChart({
  bins,
  total,
  reaching,
}: {
  bins: ProgressBin[];
  total: number;
  reaching: number;
}) {
  const t = useT();
  const [locale] = useLocale();
  const communeCount = bins.reduce((sum, bin) => sum + bin.targets + bin.others, 0);
  const width = 560;
  const height = 250;
  const margin = { top: 16, right: 12, bottom: 42, left: 40 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const ticks = countTicks(Math.max(0, ...bins.map((bin) => bin.targets + bin.others)));
  const yMax = ticks[ticks.length - 1] ?? 1;
  const y = (value: number) => margin.top + plotHeight - (value / yMax) * plotHeight;
  const band = plotWidth / Math.max(1, bins.length);
  const barWidth = Math.min(36, band * 0.7);
  const number = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en');

  return (
    <ChartFigure
      testId="chart-progress"
      title={t('overview.progress.title', { total })}
      summary={t('overview.progress.summary', { reaching, communes: communeCount, total })}
      legend={[
        { label: t('overview.progress.targets'), className: 'swatch--target' },
        { label: t('overview.progress.others'), className: 'swatch--other' },
      ]}
      chart={(labelledBy) => (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="chart__svg"
          role="img"
          aria-labelledby={labelledBy}
        >
          <title>{t('overview.progress.title', { total })}</title>
          {ticks.map((tick) => (
            <g key={tick} className="chart__grid">
              <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} />
              <text x={margin.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
                {number.format(tick)}
              </text>
            </g>
          ))}
          {bins.map((bin, index) => {
            const x = margin.left + index * band + (band - barWidth) / 2;
            const count = bin.targets + bin.others;
            const isStandard = bin.met === total;
            return (
              <g key={bin.met} className="chart__bar-group">
                <title>
                  {t('overview.progress.binTooltip', {
                    met: bin.met,
                    total,
                    count,
                    names: bin.names.join(', '),
                  })}
                </title>
                {bin.others > 0 && (
                  <rect
                    className={isStandard ? 'bar bar--standard' : 'bar bar--other'}
                    x={x}
                    width={barWidth}
                    y={y(count)}
                    height={y(bin.targets) - y(count)}
                  />
                )}
                {bin.targets > 0 && (
                  <rect
                    className="bar bar--target"
                    x={x}
                    width={barWidth}
                    y={y(bin.targets)}
                    height={y(0) - y(bin.targets)}
                  />
                )}
                {count > 0 && (
                  <text className="chart__value" x={x + barWidth / 2} y={y(count) - 4} textAnchor="middle">
                    {count}
                  </text>
                )}
                <text
                  className={isStandard ? 'chart__axis-label chart__axis-label--strong' : 'chart__axis-label'}
                  x={x + barWidth / 2}
                  y={height - margin.bottom + 16}
                  textAnchor="middle"
                >
                  {bin.met}
                </text>
              </g>
            );
          })}
          <line className="chart__axis" x1={margin.left} x2={width - margin.right} y1={y(0)} y2={y(0)} />
          <text
            className="chart__axis-title"
            x={margin.left + plotWidth / 2}
            y={height - 6}
            textAnchor="middle"
          >
            {t('overview.progress.axis', { total })}
          </text>
        </svg>
      )}
      table={
        <table className="data-table">
          <caption className="visually-hidden">{t('overview.progress.title', { total })}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('overview.progress.column.met')}
              </th>
              <th scope="col" className="num">
                {t('overview.progress.targets')}
              </th>
              <th scope="col" className="num">
                {t('overview.progress.others')}
              </th>
              <th scope="col">{t('overview.progress.column.communes')}</th>
            </tr>
          </thead>
          <tbody>
            {bins
              .filter((bin) => bin.targets + bin.others > 0)
              .map((bin) => (
                <tr key={bin.met}>
                  <th scope="row" className="num">{`${bin.met}/${total}`}</th>
                  <td className="num">{bin.targets}</td>
                  <td className="num">{bin.others}</td>
                  <td>{bin.names.join(', ')}</td>
                </tr>
              ))}
          </tbody>
        </table>
      }
    />
  );
}

export function SourcesChart({ sources }: { sources: SourceBar[] }) {
  const t = useT();
  const [locale] = useLocale();
  const width = 980;
  const barHeight = 11;
  const rowGap = 14;
  const rowHeight = barHeight * 3 + 2 * 2 + rowGap;
  const margin = { top: 8, right: 90, bottom: 26, left: 230 };
  const height = margin.top + sources.length * rowHeight + margin.bottom;
  const plotWidth = width - margin.left - margin.right;
  const maxValue = Math.max(
    0,
    ...sources.flatMap((s) => [s.allocated, s.confirmedCap, s.expectedCap].map(toNumber)),
  );
  const ticks = niceTicks(maxValue);
  const xMax = ticks[ticks.length - 1] ?? 1;
  const x = (value: number) => margin.left + (value / xMax) * plotWidth;
  const series = [
    { key: 'allocated', label: t('overview.sources.allocated'), className: 'bar--allocated' },
    { key: 'confirmedCap', label: t('overview.sources.confirmed'), className: 'bar--confirmed' },
    { key: 'expectedCap', label: t('overview.sources.expected'), className: 'bar--expected' },
  ] as const;
  const atRisk = sources.filter((s) => s.debtRisk > 0n);
  const totalRisk = atRisk.reduce((sum, s) => sum + s.debtRisk, 0n);

  return (
    <ChartFigure
      testId="chart-sources"
      title={t('overview.sources.title')}
      summary={
        atRisk.length > 0
          ? t('overview.sources.summaryRisk', {
              count: atRisk.length,
              amount: formatMoneyCompact(totalRisk, locale),
              sources: atRisk.map((s) => s.code).join(', '),
            })
          : t('overview.sources.summaryOk')
      }
      legend={series.map((s) => ({ label: s.label, className: `swatch-${s.className}` }))}
      chart={(labelledBy) => (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="chart__svg"
          role="img"
          aria-labelledby={labelledBy}
        >
          <title>{t('overview.sources.title')}</title>
          {ticks.map((tick) => (
            <g key={tick} className="chart__grid">
              <line x1={x(tick)} x2={x(tick)} y1={margin.top} y2={height - margin.bottom} />
              <text x={x(tick)} y={height - margin.bottom + 16} textAnchor="middle">
                {tick === 0 ? '0' : formatMoneyCompact(BigInt(Math.round(tick)), locale)}
              </text>
            </g>
          ))}
          {sources.map((source, index) => {
            const top = margin.top + index * rowHeight;
            return (
              <g key={source.id}>
                <title>{source.name}</title>
                <text
                  className="chart__row-label"
                  x={margin.left - 8}
                  y={top + rowHeight / 2 - rowGap / 2}
                  dy="0.32em"
                  textAnchor="end"
                >
                  {shortenLabel(source.name, 34)}
                </text>
                {source.debtRisk > 0n && (
                  <text
                    className="chart__risk"
                    x={margin.left - 8}
                    y={top + rowHeight / 2 - rowGap / 2 + 14}
                    dy="0.32em"
                    textAnchor="end"
                  >
                    {t('overview.sources.riskLabel', { amount: formatMoneyCompact(source.debtRisk, locale) })}
                  </text>
                )}
                {series.map((s, seriesIndex) => {
                  const value = source[s.key];
                  const barTop = top + seriesIndex * (barHeight + 2);
                  return (
                    <g key={s.key}>
                      <title>{`${source.name} — ${s.label}: ${formatMoneyCompact(value, locale)}`}</title>
                      <rect
                        className={`bar ${s.className}`}
                        x={margin.left}
                        y={barTop}
                        width={Math.max(0, x(toNumber(value)) - margin.left)}
                        height={barHeight}
                      />
                      {value > 0n && (
                        <text
                          className="chart__value chart__value--small"
                          x={x(toNumber(value)) + 4}
                          y={barTop + barHeight / 2}
                          dy="0.32em"
                        >
                          {formatMoneyCompact(value, locale)}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            );
          })}
          <line
            className="chart__axis"
            x1={margin.left}
            x2={margin.left}
            y1={margin.top}
            y2={height - margin.bottom}
          />
        </svg>
      )}
      table={
        <table className="data-table">
          <caption className="visually-hidden">{`${t('overview.sources.title')} — ${t('overview.unitNote')}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.sources.column.source')}</th>
              <th scope="col" className="num">
                {t('overview.sources.allocated')}
              </th>
              <th scope="col" className="num">
                {t('overview.sources.confirmed')}
              </th>
              <th scope="col" className="num">
                {t('overview.sources.expected')}
              </th>
              <th scope="col" className="num">
                {t('overview.sources.column.debtRisk')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.id}>
                <th scope="row">{source.name}</th>
                <MoneyCell value={source.allocated} />
                <MoneyCell value={source.confirmedCap} />
                <MoneyCell value={source.expectedCap} />
                <MoneyCell value={source.debtRisk} />
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export function ShortfallChart({ communes }: { communes: ShortfallBar[] }) {
  const t = useT();
  const [locale] = useLocale();
  const width = 700;
  const barHeight = 20;
  const rowHeight = 36;
  const margin = { top: 8, right: 110, bottom: 26, left: 150 };
  const height = margin.top + Math.max(1, communes.length) * rowHeight + margin.bottom;
  const plotWidth = width - margin.left - margin.right;
  const maxValue = Math.max(0, ...communes.map((c) => toNumber(c.allocated + c.shortfall)));
  const ticks = niceTicks(maxValue);
  const xMax = ticks[ticks.length - 1] ?? 1;
  const x = (value: number) => margin.left + (value / xMax) * plotWidth;
  const short = communes.filter((c) => c.shortfall > 0n);
  const totalShort = short.reduce((sum, c) => sum + c.shortfall, 0n);

  return (
    <ChartFigure
      testId="chart-shortfall"
      title={t('overview.shortfall.title')}
      summary={
        communes.length === 0
          ? t('overview.shortfall.summaryNone')
          : t('overview.shortfall.summary', {
              short: short.length,
              targets: communes.length,
              amount: formatMoneyCompact(totalShort, locale),
            })
      }
      legend={[
        { label: t('overview.shortfall.allocated'), className: 'swatch-bar--allocated' },
        { label: t('overview.shortfall.shortfall'), className: 'swatch-bar--shortfall' },
      ]}
      chart={(labelledBy) => (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="chart__svg"
          role="img"
          aria-labelledby={labelledBy}
        >
          <title>{t('overview.shortfall.title')}</title>
          {ticks.map((tick) => (
            <g key={tick} className="chart__grid">
              <line x1={x(tick)} x2={x(tick)} y1={margin.top} y2={height - margin.bottom} />
              <text x={x(tick)} y={height - margin.bottom + 16} textAnchor="middle">
                {tick === 0 ? '0' : formatMoneyCompact(BigInt(Math.round(tick)), locale)}
              </text>
            </g>
          ))}
          {communes.map((commune, index) => {
            const top = margin.top + index * rowHeight + (rowHeight - barHeight) / 2;
            const allocatedEnd = x(toNumber(commune.allocated));
            const end = x(toNumber(commune.allocated + commune.shortfall));
            return (
              <g key={commune.id}>
                <title>
                  {t('overview.shortfall.tooltip', {
                    commune: commune.name,
                    deadline: commune.deadline,
                    allocated: formatMoneyCompact(commune.allocated, locale),
                    shortfall: formatMoneyCompact(commune.shortfall, locale),
                  })}
                </title>
                <text
                  className="chart__row-label"
                  x={margin.left - 8}
                  y={top + 6}
                  dy="0.32em"
                  textAnchor="end"
                >
                  {commune.name}
                </text>
                <text
                  className={commune.isOverdue ? 'chart__row-sub chart__risk' : 'chart__row-sub'}
                  x={margin.left - 8}
                  y={top + 19}
                  dy="0.32em"
                  textAnchor="end"
                >
                  {commune.isOverdue
                    ? t('overview.shortfall.overdue', { deadline: commune.deadline })
                    : t('overview.shortfall.deadline', { deadline: commune.deadline })}
                </text>
                <rect
                  className="bar bar--allocated"
                  x={margin.left}
                  y={top}
                  width={allocatedEnd - margin.left}
                  height={barHeight}
                />
                <rect
                  className="bar bar--shortfall"
                  x={allocatedEnd}
                  y={top}
                  width={end - allocatedEnd}
                  height={barHeight}
                />
                <text className="chart__value" x={end + 6} y={top + barHeight / 2} dy="0.32em">
                  {commune.shortfall > 0n
                    ? t('overview.shortfall.missing', {
                        amount: formatMoneyCompact(commune.shortfall, locale),
                      })
                    : t('overview.shortfall.funded')}
                </text>
              </g>
            );
          })}
          <line
            className="chart__axis"
            x1={margin.left}
            x2={margin.left}
            y1={margin.top}
            y2={height - margin.bottom}
          />
        </svg>
      )}
      table={
        <table className="data-table">
          <caption className="visually-hidden">{`${t('overview.shortfall.title')} — ${t('overview.unitNote')}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.shortfall.column.commune')}</th>
              <th scope="col">{t('overview.shortfall.column.deadline')}</th>
              <th scope="col" className="num">
                {t('overview.shortfall.column.criteria')}
              </th>
              <th scope="col" className="num">
                {t('overview.shortfall.allocated')}
              </th>
              <th scope="col" className="num">
                {t('overview.shortfall.shortfall')}
              </th>
            </tr>
          </thead>
          <tbody>
            {communes.map((commune) => (
              <tr key={commune.id}>
                <th scope="row">{commune.name}</th>
                <td>{commune.deadline}</td>
                <td className="num">{`${commune.criteriaMet}/${commune.criteriaTotal}`}</td>
                <MoneyCell value={commune.allocated} />
                <MoneyCell value={commune.shortfall} />
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
