import { describe, expect, it } from 'vitest';
import { parseTsv, serializeTsv } from './clipboard';

describe('parseTsv', () => {
  it('reads a block with CRLF line ends and a trailing line break', () => {
    expect(parseTsv('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reads LF line ends and no trailing line break', () => {
    expect(parseTsv('1\t2\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(parseTsv('1\t\t3\n\t\t\n')).toEqual([
      ['1', '', '3'],
      ['', '', ''],
    ]);
  });

  it('reads a single value as a 1×1 block', () => {
    expect(parseTsv('1.234.567\r\n')).toEqual([['1.234.567']]);
    expect(parseTsv('250 triệu')).toEqual([['250 triệu']]);
  });

  it('unwraps quoted fields with tabs, line breaks and doubled quotes as Excel writes them', () => {
    expect(parseTsv('"a\tb"\t"line1\r\nline2"\t"say ""hi"""\r\n')).toEqual([
      ['a\tb', 'line1\r\nline2', 'say "hi"'],
    ]);
  });

  it('reads a stray quote inside a field literally', () => {
    expect(parseTsv('5" pipe\t"6" x\n')).toEqual([['5" pipe', '"6" x']]);
  });

  it('returns no rows for empty text', () => {
    expect(parseTsv('')).toEqual([]);
  });

  it('keeps blank lines in the middle of a block', () => {
    expect(parseTsv('1\n\n2\n')).toEqual([['1'], [''], ['2']]);
  });
});

describe('serializeTsv', () => {
  it('joins fields with tabs and ends every row with CRLF', () => {
    expect(
      serializeTsv([
        ['1', '2'],
        ['3', ''],
      ]),
    ).toBe('1\t2\r\n3\t\r\n');
  });

  it('quotes fields that hold tabs, line breaks or quotes, and round-trips through parseTsv', () => {
    const rows = [['Lục Sơn', 'a\tb', 'x\ny', 'say "hi"', '1234,5']];
    const text = serializeTsv(rows);
    expect(text).toBe('Lục Sơn\t"a\tb"\t"x\ny"\t"say ""hi"""\t1234,5\r\n');
    expect(parseTsv(text)).toEqual(rows);
  });
});
