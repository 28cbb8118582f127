import { matchesSearch, toSearchKey } from '@ntm/domain';
import { describe, expect, it } from 'vitest';
import {
  allocationKey,
  areasOf,
  type CommuneRow,
  computeTotals,
  filterRows,
  NO_FILTERS,
  type PlanData,
  readGrid,
  setAmount,
  splitAllocationKey,
} from './grid-data';

function row(id: string, name: string, extra: Partial<CommuneRow> = {}): CommuneRow {
  return {
    id,
    name,
    kind: 'XA',
    isProgram135: false,
    isTarget: false,
    targetLevel: null,
    deadline: null,
    deadlineLabel: null,
    criteriaMet: 0,
    criteriaTotal: 19,
    metCriteria: new Set(),
    eligibleSources: new Set(),
    searchKey: toSearchKey(name),
    provinceId: 'bac-giang',
    districtId: 'luc-nam',
    ...extra,
  };
}

describe('grid data', () => {
  it('keys cells by their three IDs and splits them back', () => {
    const key = allocationKey('Q29tbXVuZTox', 'Q3JpdGVyaW9uOjI=', 'RnVuZGluZ1NvdXJjZToz');
    expect(splitAllocationKey(key)).toEqual({
      communeId: 'Q29tbXVuZTox',
      criterionId: 'Q3JpdGVyaW9uOjI=',
      sourceId: 'RnVuZGluZ1NvdXJjZToz',
    });
  });

  it('sums by cell column, criterion, source and commune', () => {
    const totals = computeTotals(
      new Map([
        [allocationKey('a', 'c1', 's1'), 5n],
        [allocationKey('b', 'c1', 's1'), 7n],
        [allocationKey('a', 'c2', 's2'), 1n],
      ]),
    );
    expect(totals.grand).toBe(13n);
    expect(totals.byCell.get('c1|s1')).toBe(12n);
    expect(totals.byCriterion.get('c2')).toBe(1n);
    expect(totals.bySource.get('s1')).toBe(12n);
    expect(totals.byCommune.get('a')).toBe(6n);
    expect(totals.byCommuneSource.get('a|s2')).toBe(1n);
  });

  it('reads the compact grid in one pass, with the same totals as summing every cell', () => {
    const cells = readGrid({
      communeIds: ['a', 'b'],
      criterionIds: ['c1', 'c2'],
      sourceIds: ['s1', 's2'],
      communeIndex: [0, 1, 0, 1],
      criterionIndex: [0, 0, 1, 1],
      sourceIndex: [0, 0, 1, 0],
      amounts: ['5', '7', '1', '0'],
      versions: [1, 2, 3, 4],
    });
    expect(cells.amounts.get(allocationKey('b', 'c1', 's1'))).toBe(7n);
    // A cell written back to 0 keeps its version: the next edit is based on it.
    expect(cells.versions.get(allocationKey('b', 'c2', 's1'))).toBe(4);
    expect(cells.totals).toEqual(computeTotals(cells.amounts));
  });

  it('moves every total by the difference when one cell changes', () => {
    const amounts = new Map([
      [allocationKey('a', 'c1', 's1'), 5n],
      [allocationKey('b', 'c1', 's1'), 7n],
    ]);
    const cells = { amounts, totals: computeTotals(amounts) };
    setAmount(cells, allocationKey('a', 'c1', 's1'), 2n);
    setAmount(cells, allocationKey('b', 'c2', 's2'), 10n);
    setAmount(cells, allocationKey('b', 'c1', 's1'), 7n);
    expect(cells.totals.grand).toBe(19n);
    expect(cells.totals.byCell.get('c1|s1')).toBe(9n);
    expect(cells.totals.byCommuneSource.get('b|s2')).toBe(10n);
    expect(cells.totals.byCommune.get('a')).toBe(2n);
    const recomputed = computeTotals(cells.amounts);
    expect(cells.totals.grand).toBe(recomputed.grand);
    expect(cells.totals.bySource).toEqual(recomputed.bySource);
  });

  it('filters targets, Program 135, short of money and diacritic-free search', () => {
    const rows = [
      row('1', 'Lục Sơn', { isTarget: true, isProgram135: true }),
      row('2', 'Vô Tranh', { isTarget: true }),
      row('3', 'Đồi Ngô'),
    ];
    const shortfalls = new Map([['2', 10n]]);
    const names = (filters: Partial<typeof NO_FILTERS>) =>
      filterRows(rows, { ...NO_FILTERS, ...filters }, shortfalls, matchesSearch).map((r) => r.name);
    expect(names({})).toHaveLength(3);
    expect(names({ targetedOnly: true })).toEqual(['Lục Sơn', 'Vô Tranh']);
    expect(names({ program135Only: true })).toEqual(['Lục Sơn']);
    expect(names({ shortOnly: true })).toEqual(['Vô Tranh']);
    expect(names({ search: 'luc s' })).toEqual(['Lục Sơn']);
    expect(names({ search: 'doi' })).toEqual(['Đồi Ngô']);
  });

  it('narrows the rows to a province or a district', () => {
    const rows = [
      row('1', 'Lục Sơn'),
      row('2', 'Bảo Đài', { districtId: 'luc-ngan' }),
      row('3', 'Tân Mộc', { provinceId: 'lang-son', districtId: null }),
    ];
    const names = (area: string) =>
      filterRows(rows, { ...NO_FILTERS, area }, new Map(), matchesSearch).map((r) => r.name);
    expect(names('')).toHaveLength(3);
    expect(names('province:bac-giang')).toEqual(['Lục Sơn', 'Bảo Đài']);
    expect(names('district:luc-ngan')).toEqual(['Bảo Đài']);
    expect(names('province:lang-son')).toEqual(['Tân Mộc']);
  });

  it('offers the areas of the plan by province, districts sorted by name, and none for a one-district plan', () => {
    const commune = (province: [string, string], district: [string, string] | null) => ({
      commune: {
        province: { id: province[0], name: province[1] },
        district: district && { id: district[0], name: district[1] },
      },
    });
    const plan = (communes: ReturnType<typeof commune>[]) => ({ communes }) as unknown as PlanData;
    const bacGiang: [string, string] = ['bg', 'Bắc Giang'];
    const langSon: [string, string] = ['ls', 'Lạng Sơn'];
    expect(
      areasOf(plan([commune(bacGiang, ['ln', 'Lục Nam']), commune(bacGiang, ['ln', 'Lục Nam'])]), 'vi'),
    ).toEqual([]);
    expect(
      areasOf(
        plan([
          commune(langSon, null),
          commune(bacGiang, ['ln', 'Lục Nam']),
          commune(bacGiang, ['yd', 'Yên Dũng']),
          commune(bacGiang, ['lg', 'Lạng Giang']),
        ]),
        'vi',
      ),
    ).toEqual([
      {
        province: { key: 'province:bg', name: 'Bắc Giang' },
        districts: [
          { key: 'district:lg', name: 'Lạng Giang' },
          { key: 'district:ln', name: 'Lục Nam' },
          { key: 'district:yd', name: 'Yên Dũng' },
        ],
      },
      { province: { key: 'province:ls', name: 'Lạng Sơn' }, districts: [] },
    ]);
  });
});
