// One allocation cell's audited changes (Plan.cellHistory), opened beside the focused grid cell with
// Alt+H or the status line's button: who, when, from where, before → after, newest first. Focus moves
// into the popover; Escape (or Close) hands it back to the cell through `onClose`.
import { formatMoney, type MoneyUnit } from '@ntm/domain';
import { GridCellHistoryDocument, type GridCellHistoryQuery, request } from '@ntm/graphql-client';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/vi';
import { formatDateTime } from '../versions/money-text';
import './cell-history.css';

export type CellHistoryTarget = {
  communeId: string;
  criterionId: string;
  sourceId: string;
  /** "Commune — criterion / source", as the grid names the cell. */
  label: string;
  /** Displayed row index and AG Grid column id of the cell, to sit beside it. */
  rowIndex: number;
  colId: string;
};

type Entry = NonNullable<GridCellHistoryQuery['plan']>['cellHistory'][number];
type LoadState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; entries: Entry[] };

type Props = {
  planId: string;
  target: CellHistoryTarget;
  unit: MoneyUnit;
  /** The element the popover is positioned in (it must be `position: relative`). */
  container: HTMLElement | null;
  onClose: () => void;
};

export function CellHistoryPopover({ planId, target, unit, container, onClose }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [position, setPosition] = useState<{ top: number; left: number }>({ top: 0, left: 0 });
  const dialogRef = useRef<HTMLDivElement>(null);
  const { communeId, criterionId, sourceId } = target;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    request(
      GridCellHistoryDocument,
      { planId, communeId, criterionId, sourceId },
      { locale: LOCALE_TAGS[locale], signal: controller.signal },
    )
      .then((data) => {
        // Newest first, whatever order the server keeps.
        const entries = [...(data.plan?.cellHistory ?? [])].sort((a, b) => b.at.localeCompare(a.at));
        setState({ status: 'ready', entries });
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.name === 'AbortError')) setState({ status: 'error' });
      });
    return () => controller.abort();
  }, [planId, communeId, criterionId, sourceId, locale]);

  useLayoutEffect(() => {
    const cell = container?.querySelector(
      `.ag-row[row-index="${target.rowIndex}"]:not(.ag-row-pinned) .ag-cell[col-id="${CSS.escape(target.colId)}"]`,
    );
    if (container && cell) {
      const box = container.getBoundingClientRect();
      const at = cell.getBoundingClientRect();
      setPosition({
        top: at.bottom - box.top + 2,
        left: Math.max(0, Math.min(at.left - box.left, box.width - 360)),
      });
    }
    dialogRef.current?.focus();
  }, [container, target.rowIndex, target.colId]);

  const amountText = (amount: string | null | undefined) =>
    amount == null ? t('grid.history.none') : formatMoney(BigInt(amount), { locale, unit, withUnit: true });

  return (
    <div
      ref={dialogRef}
      className="cell-history"
      role="dialog"
      aria-labelledby="cell-history-title"
      tabIndex={-1}
      data-testid="cell-history"
      style={{ top: position.top, left: position.left }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <p id="cell-history-title" className="cell-history__title">
        {t('grid.history.title', { cell: target.label })}
      </p>
      {state.status === 'loading' && (
        <p className="cell-history__note" role="status">
          {t('grid.history.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <p className="cell-history__note" role="alert">
          {t('grid.history.error')}
        </p>
      )}
      {state.status === 'ready' && state.entries.length === 0 && (
        <p className="cell-history__note">{t('grid.history.empty')}</p>
      )}
      {state.status === 'ready' && state.entries.length > 0 && (
        <ol className="cell-history__list" aria-label={t('grid.history.listLabel')}>
          {state.entries.map((entry) => (
            <li key={entry.id} className="cell-history__entry" data-testid="cell-history-entry">
              <span className="cell-history__who">
                {t('grid.history.by', {
                  who: entry.actor,
                  origin: t(`audit.origin.${entry.origin}` as MessageKey),
                })}
              </span>
              <time className="cell-history__when" dateTime={entry.at}>
                {formatDateTime(entry.at, LOCALE_TAGS[locale])}
              </time>
              <span className="cell-history__change">
                {amountText(entry.before?.amount)} → {amountText(entry.after?.amount)}
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="cell-history__actions">
        <button type="button" className="grid-toggle" onClick={onClose}>
          {t('grid.history.close')}
        </button>
        <span className="cell-history__hint">{t('grid.history.hint')}</span>
      </div>
    </div>
  );
}
