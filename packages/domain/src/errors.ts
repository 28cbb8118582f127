/**
 * Stable error codes shared by the API (typed GraphQL error results) and the web app. Clients
 * switch on `code` and render `localizeError`; they never parse message text.
 * Params are plain strings/numbers so an error can cross the wire and be rendered later in the
 * reader's language. A message renders sensibly when any of its params are missing.
 */
import { groupDigits } from './digit-grouping.ts';
import { describeEligibility, readEligibilityParams } from './eligibility.ts';
import type { Locale } from './money.ts';
import { describePlanStatus } from './plan-status.ts';

export const ERROR_CODES = [
  'NOT_AN_AMOUNT',
  'NEGATIVE_AMOUNT',
  'FRACTIONAL_AMOUNT',
  'AMOUNT_TOO_LARGE',
  'UNKNOWN_PLAN',
  'UNKNOWN_COMMUNE',
  'UNKNOWN_CRITERION',
  'UNKNOWN_SOURCE',
  'UNKNOWN_PROJECT',
  'UNKNOWN_DISTRICT',
  'UNKNOWN_CRITERIA_SET',
  'COMMUNE_NOT_IN_PLAN',
  'CRITERION_NOT_IN_SET',
  'SOURCE_NOT_ELIGIBLE',
  'PLAN_LOCKED',
  'BATCH_TOO_LARGE',
  'DUPLICATE_CELL',
  'BATCH_REJECTED',
  'VERSION_CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_PERIOD',
  'INVALID_SCOPE',
  'INVALID_NAME',
  'INVALID_QUARTER',
  'INVALID_STATUS_TRANSITION',
  'INVALID_TARGET',
  'INVALID_INPUT',
  'UNKNOWN_SNAPSHOT',
  'UNKNOWN_AUDIT_ENTRY',
  'NOT_REVERTIBLE',
  'REVERT_CONFLICT',
  'UNKNOWN_OPTIMIZATION',
  'INVALID_TIME_LIMIT',
  'NO_NORM_COMMUNES',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

type Message = (p: ErrorParams) => string;

function quote(value: string | number | undefined): string {
  return value === undefined ? '' : `"${value}"`;
}

// Counts like 50000 read better grouped ("50.000 ô"); ids and names pass through untouched.
function formatCount(value: string | number | undefined, locale: Locale): string {
  if (value === undefined) return '';
  const text = String(value);
  if (!/^\d+$/.test(text)) return text;
  return groupDigits(text, locale === 'vi' ? '.' : ',');
}

/** `prefix + value + suffix` when the param is present, '' otherwise. */
function part(value: string | number | undefined, prefix: string, suffix = ''): string {
  return value === undefined || value === '' ? '' : `${prefix}${value}${suffix}`;
}

export const ERROR_MESSAGES: Record<ErrorCode, { vi: Message; en: Message }> = {
  NOT_AN_AMOUNT: {
    vi: (p) =>
      p['input'] === undefined ? 'Không phải là số tiền' : `${quote(p['input'])} không phải là số tiền`,
    en: (p) => (p['input'] === undefined ? 'Not an amount' : `${quote(p['input'])} is not an amount`),
  },
  NEGATIVE_AMOUNT: {
    vi: (p) => `Số tiền không được âm${part(quote(p['input']), ' (', ')')}`,
    en: (p) => `The amount cannot be negative${part(quote(p['input']), ' (', ')')}`,
  },
  FRACTIONAL_AMOUNT: {
    vi: (p) => `Số tiền${part(quote(p['input']), ' ')} phải là số đồng nguyên, không có phần lẻ dưới 1 đồng`,
    en: (p) => `The amount${part(quote(p['input']), ' ')} must be a whole number of đồng`,
  },
  AMOUNT_TOO_LARGE: {
    vi: (p) => `Số tiền${part(quote(p['input']), ' ')} vượt quá giới hạn cho phép`,
    en: (p) => `The amount${part(quote(p['input']), ' ')} is larger than the allowed maximum`,
  },
  UNKNOWN_PLAN: {
    vi: (p) => `Không tìm thấy kế hoạch${part(p['plan'], ' ')}`,
    en: (p) => `Plan${part(p['plan'], ' ')} not found`,
  },
  UNKNOWN_COMMUNE: {
    vi: (p) => `Không tìm thấy xã${part(p['commune'], ' ')}`,
    en: (p) => `Commune${part(p['commune'], ' ')} not found`,
  },
  UNKNOWN_CRITERION: {
    vi: (p) => `Không tìm thấy tiêu chí${part(p['criterion'], ' ')}`,
    en: (p) => `Criterion${part(p['criterion'], ' ')} not found`,
  },
  UNKNOWN_SOURCE: {
    vi: (p) => `Không tìm thấy nguồn vốn${part(p['source'], ' ')}`,
    en: (p) => `Funding source${part(p['source'], ' ')} not found`,
  },
  UNKNOWN_PROJECT: {
    vi: (p) => `Không tìm thấy dự án${part(p['project'], ' ')}`,
    en: (p) => `Project${part(p['project'], ' ')} not found`,
  },
  UNKNOWN_DISTRICT: {
    vi: (p) => `Không tìm thấy huyện${part(p['district'], ' ')}`,
    en: (p) => `District${part(p['district'], ' ')} not found`,
  },
  UNKNOWN_CRITERIA_SET: {
    vi: (p) => `Không tìm thấy bộ tiêu chí${part(p['set'], ' ')}${part(p['reason'], ' (', ')')}`,
    en: (p) => `Criteria set${part(p['set'], ' ')} not found${part(p['reason'], ' (', ')')}`,
  },
  COMMUNE_NOT_IN_PLAN: {
    vi: (p) => `Xã${part(p['commune'], ' ')} không thuộc phạm vi kế hoạch${part(p['plan'], ' ')}`,
    en: (p) => `Commune${part(p['commune'], ' ')} is not part of plan${part(p['plan'], ' ')}`,
  },
  CRITERION_NOT_IN_SET: {
    vi: (p) =>
      `Tiêu chí${part(p['criterion'], ' ')} không thuộc bộ tiêu chí${part(p['set'], ' ')} của kế hoạch`,
    en: (p) =>
      `Criterion${part(p['criterion'], ' ')} is not in the plan's criteria set${part(p['set'], ' ')}`,
  },
  SOURCE_NOT_ELIGIBLE: {
    vi: (p) => {
      const rule = readEligibilityParams(p);
      const why = rule.communeFlags || rule.communeKinds ? ` (${describeEligibility(rule, 'vi')})` : '';
      return `Nguồn vốn${part(p['source'], ' ')} không được phân bổ cho xã${part(p['commune'], ' ')}${why}`;
    },
    en: (p) => {
      const rule = readEligibilityParams(p);
      const why = rule.communeFlags || rule.communeKinds ? ` (${describeEligibility(rule, 'en')})` : '';
      return `Funding source${part(p['source'], ' ')} cannot be allocated to commune${part(p['commune'], ' ')}${why}`;
    },
  },
  PLAN_LOCKED: {
    vi: (p) =>
      p['status'] === undefined || p['status'] === 'locked'
        ? 'Kế hoạch đã khóa, không thể sửa'
        : `Kế hoạch đang ở trạng thái "${describePlanStatus(String(p['status']), 'vi')}", không thể sửa`,
    en: (p) =>
      p['status'] === undefined || p['status'] === 'locked'
        ? 'The plan is locked and cannot be edited'
        : `The plan is ${describePlanStatus(String(p['status']), 'en').toLowerCase()} and cannot be edited`,
  },
  BATCH_TOO_LARGE: {
    vi: (p) =>
      `Một lần lưu tối đa ${formatCount(p['max'], 'vi') || 'có giới hạn'} ô${part(formatCount(p['count'], 'vi'), '; bạn gửi ')}`,
    en: (p) =>
      `At most ${formatCount(p['max'], 'en') || 'a limited number of'} cells can be saved at once${part(formatCount(p['count'], 'en'), '; you sent ')}`,
  },
  BATCH_REJECTED: {
    vi: (p) =>
      `${formatCount(p['count'], 'vi') || 'Một số'} ô không hợp lệ nên không ô nào được lưu; xem danh sách lỗi từng ô`,
    en: (p) =>
      `${formatCount(p['count'], 'en') || 'Some'} cell(s) are invalid, so nothing was saved; see the error of each cell`,
  },
  VERSION_CONFLICT: {
    vi: (p) =>
      `${formatCount(p['count'], 'vi') || 'Một số'} ô đã được người khác sửa${part(p['actor'], ' (', ')')} sau khi bạn mở; giá trị hiện tại được giữ nguyên, hãy xem lại rồi lưu lại`,
    en: (p) =>
      `${formatCount(p['count'], 'en') || 'Some'} value(s) were changed by someone else${part(p['actor'], ' (', ')')} since you loaded them; the current values were kept — review and save again`,
  },
  IDEMPOTENCY_KEY_REUSED: {
    vi: () => 'Khóa chống gửi trùng (Idempotency-Key) đã được dùng cho một yêu cầu khác',
    en: () => 'This Idempotency-Key was already used for a different request',
  },
  DUPLICATE_CELL: {
    vi: (p) =>
      `Ô${part(p['commune'], ' xã ')}${part(p['criterion'], ', tiêu chí ')}${part(p['source'], ', nguồn ')} xuất hiện nhiều lần trong cùng một lần lưu`,
    en: (p) =>
      `Cell${part(p['commune'], ' commune ')}${part(p['criterion'], ', criterion ')}${part(p['source'], ', source ')} appears more than once in the same save`,
  },
  INVALID_PERIOD: {
    vi: (p) =>
      `Kỳ kế hoạch không hợp lệ${part(p['from'] === undefined ? undefined : `${p['from']}–${p['to'] ?? '?'}`, ' (', ')')}: năm bắt đầu không được sau năm kết thúc`,
    en: (p) =>
      `Invalid plan period${part(p['from'] === undefined ? undefined : `${p['from']}–${p['to'] ?? '?'}`, ' (', ')')}: the start year cannot be after the end year`,
  },
  INVALID_SCOPE: {
    vi: (p) => `Phạm vi kế hoạch không hợp lệ${part(p['scope'], ': ')}`,
    en: (p) => `Invalid plan scope${part(p['scope'], ': ')}`,
  },
  INVALID_NAME: {
    vi: (p) => `Tên không hợp lệ: không được để trống${part(p['max'], ', tối đa ', ' ký tự')}`,
    en: (p) => `Invalid name: it cannot be empty${part(p['max'], ' and may have at most ', ' characters')}`,
  },
  INVALID_QUARTER: {
    vi: (p) =>
      `${p['input'] === undefined ? 'Quý' : quote(p['input'])} không phải là quý hợp lệ (ví dụ: Quý III/2022)`,
    en: (p) =>
      `${p['input'] === undefined ? 'This' : quote(p['input'])} is not a valid quarter (e.g. Q3 2022)`,
  },
  INVALID_STATUS_TRANSITION: {
    vi: (p) =>
      p['from'] === undefined || p['to'] === undefined
        ? 'Không thể chuyển trạng thái kế hoạch như vậy'
        : `Không thể chuyển kế hoạch từ "${describePlanStatus(String(p['from']), 'vi')}" sang "${describePlanStatus(String(p['to']), 'vi')}"`,
    en: (p) =>
      p['from'] === undefined || p['to'] === undefined
        ? 'This plan status change is not allowed'
        : `A plan cannot go from "${describePlanStatus(String(p['from']), 'en')}" to "${describePlanStatus(String(p['to']), 'en')}"`,
  },
  INVALID_TARGET: {
    vi: (p) => `Mục tiêu của xã${part(p['commune'], ' ')} không hợp lệ${part(p['reason'], ': ')}`,
    en: (p) => `Invalid target for commune${part(p['commune'], ' ')}${part(p['reason'], ': ')}`,
  },
  INVALID_INPUT: {
    vi: (p) => `Dữ liệu không hợp lệ${part(p['field'], ' ở trường ')}`,
    en: (p) => `Invalid input${part(p['field'], ' in field ')}`,
  },
  UNKNOWN_SNAPSHOT: {
    vi: (p) => `Không tìm thấy phiên bản${part(p['snapshot'], ' ')}${part(p['plan'], ' của kế hoạch ')}`,
    en: (p) => `Version${part(p['snapshot'], ' ')} not found${part(p['plan'], ' in plan ')}`,
  },
  UNKNOWN_AUDIT_ENTRY: {
    vi: (p) => `Không tìm thấy thay đổi${part(p['entry'], ' ')} trong nhật ký`,
    en: (p) => `Change${part(p['entry'], ' ')} not found in the audit log`,
  },
  NOT_REVERTIBLE: {
    vi: (p) => `Thay đổi này không hoàn tác được${part(p['reason'], ' (', ')')}`,
    en: (p) => `This change cannot be reverted${part(p['reason'], ' (', ')')}`,
  },
  REVERT_CONFLICT: {
    vi: (p) =>
      `Không hoàn tác: ${formatCount(p['count'], 'vi') || 'một số'} ô đã được sửa tiếp sau thay đổi này${part(p['actor'], ' (bởi ', ')')}; không có gì bị ghi đè`,
    en: (p) =>
      `Not reverted: ${formatCount(p['count'], 'en') || 'some'} value(s) changed again since${part(p['actor'], ' (by ', ')')}; nothing was overwritten`,
  },
  UNKNOWN_OPTIMIZATION: {
    vi: (p) =>
      `Không tìm thấy lượt tối ưu${part(p['job'], ' ')} (có thể đã hết hạn hoặc máy chủ đã khởi động lại); hãy chạy lại`,
    en: (p) =>
      `Optimization run${part(p['job'], ' ')} not found (it may have expired or the server restarted); run it again`,
  },
  INVALID_TIME_LIMIT: {
    vi: (p) => `Thời gian giải phải từ 1 đến ${p['max'] ?? 300} giây${part(p['input'], ' (nhận ', ')')}`,
    en: (p) =>
      `The time limit must be between 1 and ${p['max'] ?? 300} seconds${part(p['input'], ' (got ', ')')}`,
  },
  NO_NORM_COMMUNES: {
    vi: (p) =>
      `Không có xã nào để chia theo định mức${part(p['source'], ' nguồn ')}: cần xã được cấp nguồn này và còn tiêu chí chưa đạt`,
    en: (p) =>
      `No commune to split${part(p['source'], ' ', ' over')} by norm: a commune must be eligible for the source and have an unmet criterion`,
  },
};

const FALLBACK: Record<Locale, string> = {
  vi: 'Đã xảy ra lỗi',
  en: 'Something went wrong',
};

export function localizeError(error: { code: ErrorCode; params?: ErrorParams }, locale: Locale): string {
  // Codes arrive over the wire; an older client may meet a newer code.
  const messages = (ERROR_MESSAGES as Partial<Record<string, { vi: Message; en: Message }>>)[error.code];
  return messages ? messages[locale](error.params ?? {}) : FALLBACK[locale];
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(localizeError({ code, params }, 'en'));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** Picks the UI language from an Accept-Language header; Vietnamese unless English is preferred. */
export function parseLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'vi';
  let best: { locale: Locale; q: number } | null = null;
  for (const entry of acceptLanguage.split(',')) {
    const [tagPart, ...paramParts] = entry.split(';');
    const primary = (tagPart ?? '').trim().toLowerCase().split('-')[0];
    if (primary !== 'vi' && primary !== 'en') continue;
    let q = 1;
    for (const param of paramParts) {
      const weight = /^\s*q\s*=(.*)$/i.exec(param)?.[1];
      if (weight === undefined) continue;
      // RFC 9110 qvalue; a malformed weight drops the entry rather than promoting it to q=1.
      q = /^\s*(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/.test(weight) ? Number(weight) : Number.NaN;
    }
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    // First listed wins ties, matching how browsers order equal preferences.
    if (best === null || q > best.q) best = { locale: primary, q };
  }
  return best?.locale ?? 'vi';
}
