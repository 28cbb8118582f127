import type { FundingCapsQuery } from '@ntm/graphql-client';
import { describe, expect, it } from 'vitest';
import { applySavedCap, formatCapInput, isDraftChanged, parseCapInput, toCapRows } from './cap-rows';

function data(): FundingCapsQuery {
  return {
    fundingSources: [
      {
        id: 'huyen',
        code: 'NS_HUYEN',
        nameVi: 'Vốn ngân sách huyện',
        nameEn: 'District budget',
        eligibility: 'mọi xã',
        needsCouncilApproval: true,
        position: 3,
      },
      {
        id: 'tw',
        code: 'NSTW',
        nameVi: 'Vốn ngân sách trung ương',
        nameEn: 'Central budget',
        eligibility: 'mọi xã',
        needsCouncilApproval: false,
        position: 1,
      },
    ],
    plan: {
      id: 'p',
      status: 'DRAFT',
      fundingCaps: [
        {
          amount: '12000000000',
          isConfirmed: false,
          note: 'Chờ HĐND',
          version: 1,
          updatedAt: '2022-08-15T00:00:00Z',
          source: { id: 'huyen' },
        },
      ],
      analysis: {
        totals: {
          allocated: '4800000000',
          confirmedCaps: '0',
          expectedCaps: '12000000000',
          debtRisk: '4800000000',
        },
        sources: [
          {
            sourceId: 'huyen',
            allocated: '4800000000',
            cap: '12000000000',
            confirmedCap: '0',
            debtRisk: '4800000000',
            overCap: '0',
            unconfirmedAllocated: '4800000000',
            isConfirmed: false,
            status: 'UNCONFIRMED',
          },
        ],
      },
    },
  };
}

describe('toCapRows', () => {
  it('lists every source in order, with its cap in triệu and its debt risk', () => {
    const rows = toCapRows(data(), 'vi');
    expect(rows.map((row) => row.code)).toEqual(['NSTW', 'NS_HUYEN']);
    expect(rows[0]).toMatchObject({
      cap: null,
      saved: { amountText: '', isConfirmed: false, note: '' },
      debtRisk: 0n,
    });
    expect(rows[1]).toMatchObject({
      cap: 12_000_000_000n,
      debtRisk: 4_800_000_000n,
      status: 'UNCONFIRMED',
      saved: { amountText: '12.000', isConfirmed: false, note: 'Chờ HĐND' },
    });
    expect(toCapRows(data(), 'en')[1]?.saved.amountText).toBe('12,000');
  });
});

describe('cap input', () => {
  it('reads bare numbers as triệu đồng in the reader locale, and unit words as written', () => {
    expect(parseCapInput('12.000', 'vi')).toEqual({ ok: true, value: 12_000_000_000n });
    expect(parseCapInput('12,000', 'en')).toEqual({ ok: true, value: 12_000_000_000n });
    expect(parseCapInput('1,5 tỷ', 'vi')).toEqual({ ok: true, value: 1_500_000_000n });
    expect(parseCapInput('250', 'vi')).toEqual({ ok: true, value: 250_000_000n });
  });

  it('refuses text and negative amounts with a typed error', () => {
    const text = parseCapInput('nhiều', 'vi');
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.error.code).toBe('NOT_AN_AMOUNT');
    const negative = parseCapInput('-5', 'vi');
    if (!negative.ok) expect(negative.error.code).toBe('NEGATIVE_AMOUNT');
    expect(negative.ok).toBe(false);
  });

  it('formats exactly, keeping đồng below a triệu', () => {
    expect(formatCapInput(1_234_567n, 'vi')).toBe('1,234567');
    expect(parseCapInput(formatCapInput(1_234_567n, 'vi'), 'vi')).toEqual({ ok: true, value: 1_234_567n });
  });
});

describe('drafts', () => {
  it('notices changes but not surrounding spaces', () => {
    const saved = { amountText: '12.000', isConfirmed: false, note: '' };
    expect(isDraftChanged({ ...saved, amountText: ' 12.000 ' }, saved)).toBe(false);
    expect(isDraftChanged({ ...saved, isConfirmed: true }, saved)).toBe(true);
  });

  it('applies a saved cap and the recomputed analysis', () => {
    const before = data();
    const after = applySavedCap(before, {
      cap: { ...before.plan!.fundingCaps[0]!, isConfirmed: true, version: 2 },
      plan: {
        analysis: {
          ...before.plan!.analysis,
          sources: [{ ...before.plan!.analysis.sources[0]!, debtRisk: '0', status: 'OK', isConfirmed: true }],
        },
      },
    });
    const row = toCapRows(after, 'vi')[1]!;
    expect(row).toMatchObject({ isConfirmed: true, debtRisk: 0n, status: 'OK', version: 2 });
  });
});
