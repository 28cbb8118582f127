// The choice offered on a cell someone else changed since this grid read it: keep mine (send our
// value again, based on the version we have now seen) or take theirs (adopt the server's value).
// It opens beside the focused conflicting cell; Enter on the cell moves focus into it, Tab moves
// between the choices, Escape hands focus back to the cell.
import { formatMoney } from '@ntm/domain';
import { forwardRef, useLayoutEffect, useState } from 'react';
import { conflictText, type GridContext } from './column-defs';
import type { CellConflict } from './save-queue';

export type OpenConflict = {
  key: string;
  conflict: CellConflict;
  /** Displayed row index and AG Grid column id of the cell. */
  rowIndex: number;
  colId: string;
  mine: bigint;
};

type Props = {
  open: OpenConflict;
  ctx: Pick<GridContext, 'locale' | 'unit' | 't'>;
  /** The element the popover is positioned in (it must be `position: relative`). */
  container: HTMLElement | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onClose: () => void;
};

export const ConflictPopover = forwardRef<HTMLDivElement, Props>(function ConflictPopover(
  { open, ctx, container, onKeepMine, onTakeTheirs, onClose },
  ref,
) {
  const [position, setPosition] = useState<{ top: number; left: number }>({ top: 0, left: 0 });
  useLayoutEffect(() => {
    const cell = container?.querySelector(
      `.ag-row[row-index="${open.rowIndex}"]:not(.ag-row-pinned) .ag-cell[col-id="${CSS.escape(open.colId)}"]`,
    );
    if (!container || !cell) return;
    const box = container.getBoundingClientRect();
    const at = cell.getBoundingClientRect();
    setPosition({
      top: at.bottom - box.top + 2,
      left: Math.max(0, Math.min(at.left - box.left, box.width - 280)),
    });
  }, [container, open.rowIndex, open.colId]);

  const { t } = ctx;
  return (
    <div
      ref={ref}
      className="conflict-popover"
      role="dialog"
      aria-labelledby="conflict-popover-title"
      data-testid="conflict-popover"
      style={{ top: position.top, left: position.left }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <p id="conflict-popover-title" className="conflict-popover__title">
        {t('grid.conflict.title')}
      </p>
      <p className="conflict-popover__theirs">{conflictText(ctx, open.conflict)}</p>
      <p className="conflict-popover__mine">
        {t('grid.conflict.mine', {
          amount: formatMoney(open.mine, { locale: ctx.locale, unit: ctx.unit, withUnit: true }),
        })}
      </p>
      <div className="conflict-popover__actions">
        <button type="button" className="grid-toggle" onClick={onKeepMine}>
          {t('grid.conflict.keepMine')}
        </button>
        <button type="button" className="grid-toggle" onClick={onTakeTheirs}>
          {t('grid.conflict.takeTheirs')}
        </button>
        <button type="button" className="conflict-popover__close" onClick={onClose}>
          {t('grid.conflict.close')}
        </button>
      </div>
      <p className="conflict-popover__hint">{t('grid.conflict.hint')}</p>
    </div>
  );
});
