/**
 * Tab-separated text as Excel, LibreOffice and Google Sheets put it on the clipboard: rows end with
 * CRLF or LF, the last row usually ends with one too, and a field holding a tab, newline or quote is
 * wrapped in double quotes with inner quotes doubled.
 */

/** Parses clipboard text into rows of raw field strings. A single trailing line break is not a row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let isFieldStart = true;
  while (i < text.length) {
    const ch = text[i] as string;
    if (isFieldStart && ch === '"') {
      // Quoted field: runs to the next lone quote; "" is one quote.
      let end = i + 1;
      let value = '';
      let isClosed = false;
      while (end < text.length) {
        const c = text[end] as string;
        if (c === '"') {
          if (text[end + 1] === '"') {
            value += '"';
            end += 2;
            continue;
          }
          isClosed = true;
          end++;
          break;
        }
        value += c;
        end++;
      }
      const next = text[end];
      if (isClosed && (next === undefined || next === '\t' || next === '\n' || next === '\r')) {
        field = value;
        i = end;
        isFieldStart = false;
        continue;
      }
      // Not a well-formed quoted field (e.g. `"5" inches`): read it literally like Excel does.
    }
    isFieldStart = false;
    if (ch === '\t') {
      row.push(field);
      field = '';
      isFieldStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      isFieldStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (!isFieldStart || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function quoteField(value: string): string {
  return /[\t\r\n"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Serializes rows of fields; CRLF line ends and a trailing one, as Excel writes. */
export function serializeTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(quoteField).join('\t')}\r\n`).join('');
}
