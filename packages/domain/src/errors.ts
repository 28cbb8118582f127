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
  'UNKNOWN_PROVINCE',
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
  'IDEMPOTENCY_SECRET_NOT_REPLAYABLE',
  'SUBSCRIPTION_OVER_HTTP',
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
  'RETURN_COMMENT_REQUIRED',
  'CONSULTATION_MISSING',
  'INVALID_CONSULTATION',
  'PLAN_NOT_LOCKED',
  'REVISION_EXISTS',
  'QUERY_LIMIT_EXCEEDED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'LOGIN_THROTTLED',
  'WEAK_PASSWORD',
  'USERNAME_TAKEN',
  'UNKNOWN_SESSION',
  'UNKNOWN_USER',
  'UNKNOWN_API_TOKEN',
  'INVALID_EXPIRY',
  'ROLE_SCOPE_MISMATCH',
  'LAST_ADMIN',
  'FILE_TOO_LARGE',
  'NOT_A_SPREADSHEET',
  'SPREADSHEET_TOO_COMPLEX',
  'NOTHING_TO_IMPORT',
  'AMBIGUOUS_COMMUNE',
  'WRONG_CELL_TYPE',
  'FORMULA_ERROR',
  'IMPORT_SOURCE_UNKNOWN',
  'CONFLICTING_IMPORT_VALUES',
  'IMPORT_HAS_PROBLEMS',
  'IMPORT_PREVIEW_MISMATCH',
  'UNKNOWN_OPTIMIZATION',
  'INVALID_TIME_LIMIT',
  'NO_NORM_COMMUNES',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

type Message = (p: ErrorParams) => string;

/** What scope a role needs (ROLE_SCOPE_MISMATCH's `needs`). */
const SCOPE_NEEDS_VI: Record<string, string> = {
  none: 'không phạm vi nào (quản trị toàn hệ thống)',
  province: 'đúng một tỉnh',
  district: 'đúng một huyện',
  commune: 'đúng một xã',
  unit: 'đúng một tỉnh, huyện hoặc xã',
};
const SCOPE_NEEDS_EN: Record<string, string> = {
  none: 'no scope (it reaches everything)',
  province: 'exactly one province',
  district: 'exactly one district',
  commune: 'exactly one commune',
  unit: 'exactly one province, district or commune',
};

/** What was refused to the last active admin (LAST_ADMIN's `change`). */
const ADMIN_CHANGE_VI: Record<string, string> = { demote: 'hạ quyền', disable: 'vô hiệu hóa' };
const ADMIN_CHANGE_EN: Record<string, string> = { demote: 'demote', disable: 'disable' };

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
    vi: (p) => `Không tìm thấy xã${part(p['commune'], ' ')}${part(p['suggestions'], '; có phải: ', '?')}`,
    en: (p) =>
      `Commune${part(p['commune'], ' ')} not found${part(p['suggestions'], '; did you mean: ', '?')}`,
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
  UNKNOWN_PROVINCE: {
    vi: (p) => `Không tìm thấy tỉnh${part(p['province'], ' ')}`,
    en: (p) => `Province${part(p['province'], ' ')} not found`,
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
  IDEMPOTENCY_SECRET_NOT_REPLAYABLE: {
    vi: () =>
      'Yêu cầu với khóa chống gửi trùng (Idempotency-Key) này đã được thực hiện; kết quả chứa bí mật (phiên đăng nhập hoặc mã truy cập API) chỉ hiện một lần nên không được lưu. Đăng nhập lại, hoặc xem danh sách mã truy cập (apiTokens) và thu hồi mã không dùng được, rồi gửi lại với khóa mới',
    en: () =>
      'The request with this Idempotency-Key was already run; its answer carried a secret (a session or an API token) that is shown only once and is not kept. Sign in again, or list your tokens (apiTokens) and revoke the one you cannot use, then send the request with a new key',
  },
  SUBSCRIPTION_OVER_HTTP: {
    vi: () =>
      'Đăng ký nhận thay đổi (subscription) chỉ chạy qua WebSocket: kết nối tới /graphql bằng giao thức graphql-ws (graphql-transport-ws)',
    en: () =>
      'Subscriptions only run over WebSocket: connect to /graphql with the graphql-ws (graphql-transport-ws) protocol',
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
  RETURN_COMMENT_REQUIRED: {
    vi: () => 'Cần ghi ý kiến khi trả lại kế hoạch để người lập biết phải sửa gì',
    en: () => 'Returning a plan needs a comment so the planner knows what to change',
  },
  CONSULTATION_MISSING: {
    vi: (p) =>
      `Chưa trình được: ${formatCount(p['count'], 'vi') || 'một số'} xã thuộc Chương trình 135 có vốn nhưng chưa có biên bản lấy ý kiến nhân dân${part(p['communes'], ' (', ')')}`,
    en: (p) =>
      `Cannot submit: ${formatCount(p['count'], 'en') || 'some'} Program 135 commune(s) with money have no record of the public consultation${part(p['communes'], ' (', ')')}`,
  },
  INVALID_CONSULTATION: {
    vi: (p) => `Biên bản lấy ý kiến không hợp lệ${part(CONSULTATION_FIELDS[String(p['field'])]?.vi, ': ')}`,
    en: (p) => `Invalid consultation record${part(CONSULTATION_FIELDS[String(p['field'])]?.en, ': ')}`,
  },
  PLAN_NOT_LOCKED: {
    vi: (p) =>
      `Chỉ mở được bản điều chỉnh từ kế hoạch đã khóa${part(describeStatusParam(p['status'], 'vi'), ' (kế hoạch đang ở trạng thái "', '")')}`,
    en: (p) =>
      `A revision can only be opened from a locked plan${part(describeStatusParam(p['status'], 'en'), ' (this plan is "', '")')}`,
  },
  REVISION_EXISTS: {
    vi: (p) => `Kế hoạch này đang có bản điều chỉnh nháp${part(quote(p['plan']), ' ')}`,
    en: (p) => `This plan already has a draft revision${part(quote(p['plan']), ' ')}`,
  },
  QUERY_LIMIT_EXCEEDED: {
    vi: (p) =>
      `Truy vấn vượt giới hạn${part(QUERY_LIMITS[String(p['limit'])]?.vi, ' ')}${part(p['actual'], ': ')}${part(p['max'], ', tối đa ')}`,
    en: (p) =>
      `The query exceeds the${part(QUERY_LIMITS[String(p['limit'])]?.en, ' ')} limit${part(p['actual'], ': ')}${part(p['max'], ', at most ')}`,
  },
  RATE_LIMITED: {
    vi: (p) => `Quá nhiều yêu cầu; thử lại${part(p['retryAfter'], ' sau ', ' giây')}`,
    en: (p) => `Too many requests; try again${part(p['retryAfter'], ' in ', ' s')}`,
  },
  PAYLOAD_TOO_LARGE: {
    vi: (p) => `Yêu cầu quá lớn${part(formatCount(p['max'], 'vi'), ' (tối đa ', ' byte)')}`,
    en: (p) => `The request is too large${part(formatCount(p['max'], 'en'), ' (at most ', ' bytes)')}`,
  },
  UNAUTHENTICATED: {
    vi: () => 'Cần đăng nhập (hoặc mã truy cập API hợp lệ) để dùng chức năng này',
    en: () => 'Sign in (or a valid API token) is required',
  },
  FORBIDDEN: {
    vi: () => 'Tài khoản của bạn không có quyền thực hiện thao tác này; không có gì bị thay đổi',
    en: () => 'Your account may not do this; nothing was changed',
  },
  INVALID_CREDENTIALS: {
    vi: () => 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: () => 'Wrong user name or password',
  },
  LOGIN_THROTTLED: {
    vi: (p) => `Đăng nhập sai quá nhiều lần; thử lại sau ${p['retryAfter'] ?? 'ít phút'} giây`,
    en: (p) => `Too many failed sign-ins; try again in ${p['retryAfter'] ?? 'a few'} seconds`,
  },
  WEAK_PASSWORD: {
    vi: (p) => `Mật khẩu phải có ít nhất ${p['min'] ?? 10} ký tự`,
    en: (p) => `The password must have at least ${p['min'] ?? 10} characters`,
  },
  USERNAME_TAKEN: {
    vi: (p) => `Tên đăng nhập${part(p['username'], ' ')} hoặc email đã được dùng`,
    en: (p) => `User name${part(p['username'], ' ')} or email is already taken`,
  },
  UNKNOWN_SESSION: {
    vi: () => 'Không tìm thấy phiên đăng nhập',
    en: () => 'Session not found',
  },
  UNKNOWN_USER: {
    vi: () => 'Không tìm thấy tài khoản',
    en: () => 'Account not found',
  },
  UNKNOWN_API_TOKEN: {
    vi: () => 'Không tìm thấy mã truy cập API',
    en: () => 'API token not found',
  },
  INVALID_EXPIRY: {
    vi: (p) => `Thời hạn phải từ 1 đến ${p['max'] ?? 366} ngày`,
    en: (p) => `The lifetime must be 1 to ${p['max'] ?? 366} days`,
  },
  ROLE_SCOPE_MISMATCH: {
    vi: (p) =>
      `Vai trò${part(p['role'], ' ')} phải gắn với ${SCOPE_NEEDS_VI[String(p['needs'])] ?? 'đúng một phạm vi phù hợp'}`,
    en: (p) =>
      `Role${part(p['role'], ' ')} must be bound to ${SCOPE_NEEDS_EN[String(p['needs'])] ?? 'exactly one matching scope'}`,
  },
  LAST_ADMIN: {
    vi: (p) =>
      `Không thể ${ADMIN_CHANGE_VI[String(p['change'])] ?? 'hạ quyền hoặc vô hiệu hóa'}${part(quote(p['username']), ' ', ',')} quản trị viên cuối cùng còn hoạt động: hãy tạo hoặc cấp quyền quản trị cho một tài khoản khác trước`,
    en: (p) =>
      `Cannot ${ADMIN_CHANGE_EN[String(p['change'])] ?? 'demote or disable'}${part(quote(p['username']), ' ', ',')} the last active admin: make another account an admin first`,
  },
  FILE_TOO_LARGE: {
    vi: (p) =>
      `Tệp quá lớn${part(formatCount(p['size'], 'vi'), ' (', ' byte)')}; tối đa ${formatCount(p['max'], 'vi') || 'có giới hạn'} byte`,
    en: (p) =>
      `The file is too large${part(formatCount(p['size'], 'en'), ' (', ' bytes)')}; the limit is ${formatCount(p['max'], 'en') || 'limited'} bytes`,
  },
  NOT_A_SPREADSHEET: {
    vi: (p) =>
      `Tệp${part(p['file'], ' ')} không phải là bảng tính .xlsx hoặc .csv${part(p['reason'], ' (', ')')}`,
    en: (p) =>
      `The file${part(p['file'], ' ')} is not an .xlsx or .csv spreadsheet${part(p['reason'], ' (', ')')}`,
  },
  SPREADSHEET_TOO_COMPLEX: {
    vi: (p) =>
      `Bảng tính giải nén ra quá lớn hoặc có quá nhiều phần${part(p['reason'], ' (', ')')}; không đọc để bảo vệ máy chủ`,
    en: (p) =>
      `The spreadsheet unpacks to too much data or too many parts${part(p['reason'], ' (', ')')}; it was not read, to protect the server`,
  },
  NOTHING_TO_IMPORT: {
    vi: (p) =>
      `Không tìm thấy trang tính nào có xã theo hàng và tiêu chí theo cột${part(p['file'], ' trong ')}`,
    en: (p) => `No sheet with communes down the side and criteria across was found${part(p['file'], ' in ')}`,
  },
  AMBIGUOUS_COMMUNE: {
    vi: (p) =>
      `Tên xã${part(quote(p['commune']), ' ')} trùng với nhiều xã${part(p['candidates'], ': ')}; hãy ghi mã xã`,
    en: (p) =>
      `Commune name${part(quote(p['commune']), ' ')} matches several communes${part(p['candidates'], ': ')}; give the commune code`,
  },
  WRONG_CELL_TYPE: {
    vi: (p) => {
      const kind =
        p['type'] === 'date'
          ? 'ngày tháng'
          : p['type'] === 'boolean'
            ? 'giá trị đúng/sai'
            : 'công thức chưa có kết quả';
      return `${p['input'] === undefined ? 'Ô này' : quote(p['input'])} là ${kind}, không phải là số tiền`;
    },
    en: (p) => {
      const kind =
        p['type'] === 'date'
          ? 'a date'
          : p['type'] === 'boolean'
            ? 'a true/false value'
            : 'a formula with no computed value';
      return `${p['input'] === undefined ? 'This cell' : quote(p['input'])} is ${kind}, not an amount`;
    },
  },
  FORMULA_ERROR: {
    vi: (p) => `Công thức${part(p['formula'], ' =')} cho kết quả lỗi${part(p['input'], ' ')}`,
    en: (p) => `The formula${part(p['formula'], ' =')} evaluates to an error${part(p['input'], ' ')}`,
  },
  IMPORT_SOURCE_UNKNOWN: {
    vi: (p) =>
      `Không biết số tiền${part(p['sheet'], ' ở trang ')} thuộc nguồn vốn nào; hãy chọn nguồn vốn khi nhập`,
    en: (p) =>
      `Which funding source the amounts${part(p['sheet'], ' on sheet ')} belong to is unknown; choose a source when importing`,
  },
  CONFLICTING_IMPORT_VALUES: {
    vi: (p) =>
      `Cùng một ô${part(p['commune'], ' (xã ')}${part(p['criterion'], ', tiêu chí ')}${part(p['source'], ', nguồn ')}${p['commune'] === undefined ? '' : ')'} có giá trị khác${part(p['other'], ' ở ')}`,
    en: (p) =>
      `The same cell${part(p['commune'], ' (commune ')}${part(p['criterion'], ', criterion ')}${part(p['source'], ', source ')}${p['commune'] === undefined ? '' : ')'} has a different value${part(p['other'], ' at ')}`,
  },
  IMPORT_HAS_PROBLEMS: {
    vi: (p) =>
      `Tệp có ${formatCount(p['count'], 'vi') || 'một số'} lỗi nên không nhập gì; sửa các lỗi trong bản xem trước rồi nhập lại`,
    en: (p) =>
      `The file has ${formatCount(p['count'], 'en') || 'some'} problem(s), so nothing was imported; fix the problems listed in the preview and import again`,
  },
  IMPORT_PREVIEW_MISMATCH: {
    vi: () => 'Tệp hoặc tùy chọn khác với lúc xem trước; hãy xem trước lại',
    en: () => 'The file or options differ from the preview; preview again',
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

const CONSULTATION_FIELDS: Partial<Record<string, Record<Locale, string>>> = {
  heldOn: {
    vi: 'ngày họp phải là ngày hợp lệ, không ở tương lai',
    en: 'the date must be a real date, not in the future',
  },
  minutesRef: {
    vi: 'cần số/ký hiệu biên bản (tối đa 200 ký tự)',
    en: 'the minutes reference is required (at most 200 characters)',
  },
  communeId: { vi: 'xã không thuộc Chương trình 135', en: 'the commune is not a Program 135 commune' },
  note: { vi: 'ghi chú tối đa 2000 ký tự', en: 'the note may have at most 2000 characters' },
};

const QUERY_LIMITS: Partial<Record<string, Record<Locale, string>>> = {
  depth: { vi: 'độ sâu', en: 'depth' },
  cost: { vi: 'chi phí', en: 'cost' },
  aliases: { vi: 'số bí danh', en: 'alias' },
  directives: { vi: 'số chỉ thị', en: 'directive' },
  tokens: { vi: 'độ dài', en: 'token' },
};

function describeStatusParam(status: string | number | undefined, locale: Locale): string | undefined {
  return status === undefined ? undefined : describePlanStatus(String(status), locale);
}

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
