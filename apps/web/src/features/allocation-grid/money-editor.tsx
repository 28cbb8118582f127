// The cell editor: a plain text input holding the amount at full precision in the displayed unit.
// Typing a character replaces the cell (as in Excel); F2 or Enter edits the current amount.
import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef, useState } from 'react';
import { exactText, type GridContext, type GridRow } from './column-defs';

type Props = CustomCellEditorProps<GridRow, bigint | string> & { ctx: GridContext };

function isPrintable(key: string | null | undefined): key is string {
  return typeof key === 'string' && key.length === 1;
}

export function MoneyEditor({ initialValue, onValueChange, eventKey, ctx, column }: Props) {
  const [text] = useState(() => {
    if (isPrintable(eventKey)) return eventKey;
    return typeof initialValue === 'bigint' && initialValue !== 0n
      ? exactText(initialValue, ctx.locale, ctx.unit)
      : '';
  });
  const inputRef = useRef<HTMLInputElement>(null);
  const isStartedByKey = isPrintable(eventKey);
  const didInit = useRef(false);

  useEffect(() => {
    const input = inputRef.current;
    if (!input || didInit.current) return;
    didInit.current = true;
    input.focus();
    if (isStartedByKey) input.setSelectionRange(input.value.length, input.value.length);
    else input.select();
    // A cell started by typing already holds a new value, even if the next key is Enter.
    if (isStartedByKey) onValueChange(text);
  }, [isStartedByKey, onValueChange, text]);

  return (
    <input
      ref={inputRef}
      className="money-editor"
      defaultValue={text}
      aria-label={ctx.t('grid.editorLabel', {
        column: String(column.getColDef().headerTooltip ?? column.getColDef().headerName ?? ''),
      })}
      inputMode="decimal"
      onChange={(event) => onValueChange(event.target.value)}
    />
  );
}
