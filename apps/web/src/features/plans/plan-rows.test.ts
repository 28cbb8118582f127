import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/locale';
import { type PlanNode, toPlanRow } from './plan-rows';

function plan(overrides: Partial<PlanNode> = {}): PlanNode {
  return {
    id: 'plan-1',
    name: 'Kế hoạch vốn NTM huyện Yên Lạc 2026–2030',
    scopeLevel: 'DISTRICT',
    periodStartYear: 2026,
    periodEndYear: 2030,
    status: 'SUBMITTED',
    revision: 3,
    district: { name: 'Yên Lạc' },
    province: { name: 'Vĩnh Phúc' },
    analysis: {
      totals: {
        allocated: '1234567000000',
        confirmedCaps: '1000000000000',
        expectedCaps: '250500000000',
        shortfall: '12000000',
        debtRisk: '0',
        targetCommunes: 12,
        fundedTargetCommunes: 9,
      },
    },
    ...overrides,
  };
}

const tVi = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('vi', key, params);
const tEn = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('en', key, params);

describe('toPlanRow', () => {
  it('formats money in triệu đồng with Vietnamese digit grouping', () => {
    const row = toPlanRow(plan(), 'vi', tVi);
    expect(row.allocated.text).toBe('1.234.567');
    expect(row.confirmedCaps.text).toBe('1.000.000');
    expect(row.expectedCaps.text).toBe('250.500');
    expect(row.shortfall.text).toBe('12');
  });

  it('keeps the exact đồng amount for the tooltip', () => {
    const row = toPlanRow(plan(), 'vi', tVi);
    expect(row.allocated.exact).toBe('1.234.567.000.000 đồng');
  });

  it('stays exact above Number.MAX_SAFE_INTEGER đồng', () => {
    const huge = plan({
      analysis: {
        totals: {
          ...plan().analysis.totals,
          allocated: '9007199254740993000000',
        },
      },
    });
    expect(toPlanRow(huge, 'vi', tVi).allocated.exact).toBe('9.007.199.254.740.993.000.000 đồng');
  });

  it('groups digits the English way in English', () => {
    const row = toPlanRow(plan(), 'en', tEn);
    expect(row.allocated.text).toBe('1,234,567');
    expect(row.statusLabel).toBe('Submitted');
    expect(row.scope).toBe('District');
  });

  it('shows the period, scope, status and place in Vietnamese', () => {
    const row = toPlanRow(plan(), 'vi', tVi);
    expect(row.period).toBe('2026–2030');
    expect(row.scope).toBe('Cấp huyện');
    expect(row.statusLabel).toBe('Đã trình');
    expect(row.place).toBe('Yên Lạc, Vĩnh Phúc');
    expect(row.revision).toBe('Bản 3');
  });

  it('shows a one-year plan as a single year', () => {
    expect(toPlanRow(plan({ periodStartYear: 2026, periodEndYear: 2026 }), 'vi', tVi).period).toBe('2026');
  });

  it('names only the province for a province-level plan', () => {
    const row = toPlanRow(plan({ scopeLevel: 'PROVINCE', district: null }), 'vi', tVi);
    expect(row.place).toBe('Vĩnh Phúc');
    expect(row.scope).toBe('Cấp tỉnh');
  });

  it('counts funded target communes as x/y and flags full funding', () => {
    const partly = toPlanRow(plan(), 'vi', tVi);
    expect(partly.fundedCommunes).toBe('9/12');
    expect(partly.fundedCommunesLabel).toBe('9 trên 12 xã mục tiêu có vốn');
    expect(partly.isFullyFunded).toBe(false);

    const full = toPlanRow(
      plan({
        analysis: {
          totals: { ...plan().analysis.totals, fundedTargetCommunes: 12 },
        },
      }),
      'vi',
      tVi,
    );
    expect(full.isFullyFunded).toBe(true);
  });

  it('splits target communes into on track and short', () => {
    const row = toPlanRow(plan(), 'vi', tVi);
    expect(row.onTrackCommunes).toBe(9);
    expect(row.shortCommunes).toBe(3);
    expect(row.communesStatusLabel).toBe('12 xã mục tiêu: 9 đủ vốn, 3 còn thiếu vốn');
    expect(toPlanRow(plan(), 'en', tEn).communesStatusLabel).toBe(
      '12 target communes: 9 on track, 3 short of money',
    );
  });

  it('flags a shortfall only when it is above zero', () => {
    expect(toPlanRow(plan(), 'vi', tVi).hasShortfall).toBe(true);
    const none = plan({
      analysis: { totals: { ...plan().analysis.totals, shortfall: '0' } },
    });
    expect(toPlanRow(none, 'vi', tVi).hasShortfall).toBe(false);
  });
});
