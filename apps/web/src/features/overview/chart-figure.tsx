// Frame shared by the overview charts: a titled figure whose SVG is labelled by a one-sentence
// summary, a legend in HTML (so it wraps and translates), and the same numbers as a table on demand.
import { type ReactNode, useId, useState } from 'react';
import { useT } from '../../i18n/i18n-provider';

export type LegendItem = { label: string; className: string };

export function ChartFigure({
  title,
  summary,
  legend,
  chart,
  table,
  testId,
}: {
  title: string;
  /** One sentence with the chart's main message: the SVG's text alternative. */
  summary: string;
  legend: LegendItem[];
  chart: (labelledBy: string) => ReactNode;
  table: ReactNode;
  testId: string;
}) {
  const t = useT();
  const id = useId();
  const [isTableShown, setTableShown] = useState(false);
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const tableId = `${id}-table`;
  return (
    <figure className="chart" aria-labelledby={titleId} data-testid={testId}>
      <div className="chart__header">
        <h3 id={titleId} className="chart__title">
          {title}
        </h3>
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={isTableShown}
          aria-controls={tableId}
          onClick={() => setTableShown((shown) => !shown)}
        >
          {isTableShown ? t('overview.showChart') : t('overview.showTable')}
        </button>
      </div>
      <p id={summaryId} className="chart__summary">
        {summary}
      </p>
      <ul className="chart__legend">
        {legend.map((item) => (
          <li key={item.label}>
            <span className={`swatch ${item.className}`} aria-hidden="true" />
            {item.label}
          </li>
        ))}
      </ul>
      <div hidden={isTableShown}>{chart(`${titleId} ${summaryId}`)}</div>
      <div id={tableId} hidden={!isTableShown} className="chart__table">
        {table}
      </div>
    </figure>
  );
}
