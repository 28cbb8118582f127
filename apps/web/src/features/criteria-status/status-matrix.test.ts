import { describe, expect, it } from 'vitest';
import {
  applyStatus,
  countByCriterion,
  type MatrixPlan,
  statusKey,
  toCriterionColumns,
  toDistrictStatus,
  toMatrixRows,
} from './status-matrix';

const status = (id: string, isMet: boolean) => ({ isMet, version: 1, criterion: { id } });

function plan(): MatrixPlan {
  return {
    id: 'p',
    criteriaSet: {
      id: 's',
      groups: [{ id: 'g1', code: 'I', nameVi: 'Quy hoạch', nameEn: 'Planning', position: 1 }],
      criteria: [
        { id: 'c2', number: 2, groupId: 'g1', nameVi: 'Giao thông', nameEn: 'Transport' },
        { id: 'c1', number: 1, groupId: 'g1', nameVi: 'Quy hoạch', nameEn: 'Planning' },
      ],
    },
    districtCriteriaSet: {
      id: 'ds',
      criteria: [{ id: 'd1', number: 1, nameVi: 'Quy hoạch', nameEn: 'Planning' }],
    },
    district: { id: 'D', name: 'Lục Nam', criteriaStatus: [status('d1', false)] },
    communes: [
      {
        isTarget: true,
        deadline: '2022-Q4',
        commune: {
          id: 'A',
          name: 'Lục Sơn',
          kind: 'XA',
          isProgram135: true,
          criteriaStatus: [status('c1', true), status('c2', false)],
        },
      },
      // A criterion never assessed counts as not met.
      {
        isTarget: false,
        deadline: null,
        commune: {
          id: 'B',
          name: 'Bắc Lũng',
          kind: 'XA',
          isProgram135: false,
          criteriaStatus: [status('c1', true)],
        },
      },
    ],
  };
}

describe('status matrix', () => {
  const criteria = toCriterionColumns(plan().criteriaSet.criteria, 'vi');

  it('orders criteria by number and counts progress per commune and per criterion', () => {
    expect(criteria.map((c) => c.number)).toEqual([1, 2]);
    const rows = toMatrixRows(plan(), criteria, new Map());
    expect(rows.map((r) => [r.name, r.metCount, r.total, r.reachesStandard])).toEqual([
      ['Lục Sơn', 1, 2, false],
      ['Bắc Lũng', 1, 2, false],
    ]);
    expect(countByCriterion(rows, criteria)).toEqual({ c1: 2, c2: 0 });
  });

  it('lays optimistic changes over the server data', () => {
    const rows = toMatrixRows(plan(), criteria, new Map([[statusKey('A', 'c2'), true]]));
    expect(rows[0]).toMatchObject({ metCount: 2, reachesStandard: true });
    expect(countByCriterion(rows, criteria)).toEqual({ c1: 2, c2: 1 });
  });

  it("applies the server's answer to a commune or to the district", () => {
    const afterCommune = applyStatus(plan(), 'B', { isMet: true, version: 1, criterion: { id: 'c2' } });
    expect(toMatrixRows(afterCommune, criteria, new Map())[1]?.metCount).toBe(2);
    const afterDistrict = applyStatus(plan(), 'D', { isMet: true, version: 2, criterion: { id: 'd1' } });
    expect(toDistrictStatus(afterDistrict, 'en', new Map())).toMatchObject({
      name: 'Lục Nam',
      metCount: 1,
      total: 1,
      criteria: [{ name: 'Planning', isMet: true }],
    });
  });
});
