import { describe, expect, it } from 'vitest';
import { toEligibilityParams } from './eligibility.ts';
import {
  DomainError,
  ERROR_CODES,
  ERROR_MESSAGES,
  type ErrorCode,
  localizeError,
  parseLocale,
} from './errors.ts';

describe('message catalog', () => {
  it('has a non-empty Vietnamese and English message for every code, with or without params', () => {
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      for (const locale of ['vi', 'en'] as const) {
        const bare = localizeError({ code, params: {} }, locale);
        expect(bare.trim(), `${code} ${locale}`).not.toBe('');
        expect(bare, `${code} ${locale}`).not.toMatch(/undefined|\{|\}|\(\)|\s{2}/);
      }
    }
  });

  it('renders every code with params without leaking placeholders', () => {
    const params = {
      input: 'x',
      plan: 'KH 2022',
      commune: 'Lục Sơn',
      criterion: 'Giao thông',
      source: 'NSTW',
      project: 'Đường trục xã',
      set: 'QĐ 318',
      status: 'submitted',
      max: 50000,
      count: 60000,
      from: 'draft',
      to: 'locked',
      scope: 'province',
      field: 'amount',
      reason: 'năm mục tiêu đã qua',
    };
    for (const code of ERROR_CODES) {
      expect(localizeError({ code, params }, 'vi')).not.toMatch(/undefined|\{|\}/);
    }
  });

  it('writes for planners, with diacritics', () => {
    expect(localizeError({ code: 'NOT_AN_AMOUNT', params: { input: '1.2.3' } }, 'vi')).toBe(
      '"1.2.3" không phải là số tiền',
    );
    expect(localizeError({ code: 'NOT_AN_AMOUNT', params: { input: '1.2.3' } }, 'en')).toBe(
      '"1.2.3" is not an amount',
    );
    expect(localizeError({ code: 'NEGATIVE_AMOUNT' }, 'vi')).toBe('Số tiền không được âm');
    expect(localizeError({ code: 'PLAN_LOCKED' }, 'vi')).toBe('Kế hoạch đã khóa, không thể sửa');
    expect(localizeError({ code: 'PLAN_LOCKED', params: { status: 'submitted' } }, 'vi')).toBe(
      'Kế hoạch đang ở trạng thái "Đã trình", không thể sửa',
    );
  });

  it('explains an ineligible source with its rule', () => {
    const params = {
      source: 'Vốn CT135',
      commune: 'Đông Phú',
      ...toEligibilityParams({ communeFlags: ['program135'] }),
    };
    expect(localizeError({ code: 'SOURCE_NOT_ELIGIBLE', params }, 'vi')).toBe(
      'Nguồn vốn Vốn CT135 không được phân bổ cho xã Đông Phú (chỉ xã thuộc Chương trình 135)',
    );
    expect(localizeError({ code: 'SOURCE_NOT_ELIGIBLE', params }, 'en')).toBe(
      'Funding source Vốn CT135 cannot be allocated to commune Đông Phú (only Program 135 communes)',
    );
  });

  it('groups counts by locale in batch messages', () => {
    const params = { max: 50000, count: 61234 };
    expect(localizeError({ code: 'BATCH_TOO_LARGE', params }, 'vi')).toBe(
      'Một lần lưu tối đa 50.000 ô; bạn gửi 61.234',
    );
    expect(localizeError({ code: 'BATCH_TOO_LARGE', params }, 'en')).toBe(
      'At most 50,000 cells can be saved at once; you sent 61,234',
    );
  });

  it('leaves missing params out gracefully', () => {
    expect(localizeError({ code: 'SOURCE_NOT_ELIGIBLE', params: { source: 'NSTW' } }, 'vi')).toBe(
      'Nguồn vốn NSTW không được phân bổ cho xã',
    );
    expect(localizeError({ code: 'UNKNOWN_COMMUNE', params: { commune: 42 } }, 'en')).toBe(
      'Commune 42 not found',
    );
    expect(localizeError({ code: 'UNKNOWN_COMMUNE' }, 'en')).toBe('Commune not found');
  });

  it('falls back for a code it does not know instead of throwing', () => {
    expect(localizeError({ code: 'FROM_THE_FUTURE' as ErrorCode }, 'vi')).toBe('Đã xảy ra lỗi');
  });
});

describe('DomainError', () => {
  it('carries code and params, with the English text as message', () => {
    const error = new DomainError('INVALID_STATUS_TRANSITION', {
      from: 'approved',
      to: 'draft',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('INVALID_STATUS_TRANSITION');
    expect(error.params).toEqual({ from: 'approved', to: 'draft' });
    expect(error.message).toBe('A plan cannot go from "Approved" to "Draft"');
    expect(localizeError(error, 'vi')).toBe('Không thể chuyển kế hoạch từ "Đã phê duyệt" sang "Nháp"');
  });

  it('defaults params to an empty object', () => {
    expect(new DomainError('INVALID_INPUT').params).toEqual({});
  });
});

describe('parseLocale', () => {
  it.each([
    [undefined, 'vi'],
    [null, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7', 'vi'],
    ['en;q=0.5,vi;q=0.8', 'vi'],
    ['fr-FR,en;q=0.3', 'en'],
    ['fr-FR,de;q=0.9', 'vi'],
    ['*', 'vi'],
    ['en;q=0,vi;q=0.1', 'vi'],
    ['en;q=0', 'vi'],
    ['EN-gb', 'en'],
    ['en;q=abc', 'vi'],
    ['vi;q=0.8,en;q=0.8', 'vi'],
  ] as const)('%j → %s', (header, expected) => {
    expect(parseLocale(header)).toBe(expected);
  });
});
