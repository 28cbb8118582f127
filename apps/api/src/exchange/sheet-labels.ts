// The words on exported sheets, in Vietnamese and English. Import reads the same words back, so
// they live in one place.
import type { CommuneKind, NtmLevel } from '@ntm/db';
import { formatQuarter, type Locale, type MoneyUnit } from '@ntm/domain';
import type { SheetCommune } from './plan-sheet-data.ts';

export type ExportUnit = Extract<MoneyUnit, 'dong' | 'trieu'>;

export const SHEET_LABELS = {
  vi: {
    sheetBySource: 'Theo nguồn',
    sheetTotal: 'Tổng hợp',
    sheetStatus: 'Tình trạng tiêu chí',
    sheetAnalysis: 'Phân tích',
    unitLine: (unit: ExportUnit) => `Đơn vị tính: ${unit === 'trieu' ? 'triệu đồng' : 'đồng'}`,
    sourceLine: (source: string) => `Nguồn vốn: ${source}`,
    allSources: 'Tất cả các nguồn vốn',
    no: 'STT',
    code: 'Mã xã',
    commune: 'Xã',
    kind: 'Loại',
    program135: 'CT135',
    target: 'Mục tiêu',
    deadline: 'Thời hạn',
    met: 'Số tiêu chí đạt',
    totals: 'Tổng cộng',
    bySourceTotals: 'Tổng theo nguồn',
    yes: 'x',
    isMet: 'Đạt',
    kinds: { xa: 'Xã', phuong: 'Phường', thi_tran: 'Thị trấn' } satisfies Record<CommuneKind, string>,
    levels: { dat_chuan: 'Đạt chuẩn', nang_cao: 'Nâng cao', kieu_mau: 'Kiểu mẫu' } satisfies Record<
      NtmLevel,
      string
    >,
    analysis: {
      communesTitle: 'Thiếu hụt vốn theo xã mục tiêu',
      cost: 'Chi phí còn cần',
      allocated: 'Đã phân bổ (tiêu chí chưa đạt)',
      shortfall: 'Thiếu hụt',
      uncosted: 'Tiêu chí chưa có dự toán',
      funded: 'Đủ vốn',
      overdue: 'Quá hạn',
      sourcesTitle: 'Nguồn vốn: trần vốn và vượt cam kết',
      source: 'Nguồn vốn',
      cap: 'Trần vốn',
      confirmed: 'Đã xác nhận',
      overCap: 'Vượt trần',
      unconfirmed: 'Phân bổ trên phần chưa xác nhận',
      debtRisk: 'Rủi ro nợ đọng',
      status: 'Tình trạng',
      statuses: { ok: 'Trong trần', unconfirmed: 'Chưa xác nhận', over_cap: 'Vượt trần' },
      totalsTitle: 'Tổng hợp kế hoạch',
      totalAllocated: 'Tổng vốn đã phân bổ',
      totalShortfall: 'Tổng thiếu hụt của các xã mục tiêu',
      totalDebtRisk: 'Tổng rủi ro nợ đọng',
      targetCommunes: 'Số xã mục tiêu',
      fundedCommunes: 'Số xã mục tiêu đủ vốn',
    },
  },
  en: {
    sheetBySource: 'By source',
    sheetTotal: 'Total',
    sheetStatus: 'Criteria status',
    sheetAnalysis: 'Analysis',
    unitLine: (unit: ExportUnit) => `Unit: ${unit === 'trieu' ? 'million đồng' : 'đồng'}`,
    sourceLine: (source: string) => `Funding source: ${source}`,
    allSources: 'All funding sources',
    no: 'No.',
    code: 'Code',
    commune: 'Commune',
    kind: 'Kind',
    program135: 'P135',
    target: 'Target',
    deadline: 'Deadline',
    met: 'Criteria met',
    totals: 'Total',
    bySourceTotals: 'Total by source',
    yes: 'x',
    isMet: 'Met',
    kinds: { xa: 'Commune', phuong: 'Ward', thi_tran: 'Town' } satisfies Record<CommuneKind, string>,
    levels: { dat_chuan: 'Standard', nang_cao: 'Advanced', kieu_mau: 'Model' } satisfies Record<
      NtmLevel,
      string
    >,
    analysis: {
      communesTitle: 'Funding shortfall of target communes',
      cost: 'Cost still needed',
      allocated: 'Allocated (unmet criteria)',
      shortfall: 'Shortfall',
      uncosted: 'Criteria without a cost estimate',
      funded: 'Funded',
      overdue: 'Overdue',
      sourcesTitle: 'Funding sources: caps and over-commitment',
      source: 'Funding source',
      cap: 'Cap',
      confirmed: 'Confirmed',
      overCap: 'Over cap',
      unconfirmed: 'Allocated on unconfirmed cap',
      debtRisk: 'Debt risk',
      status: 'Status',
      statuses: { ok: 'Within cap', unconfirmed: 'Unconfirmed', over_cap: 'Over cap' },
      totalsTitle: 'Plan totals',
      totalAllocated: 'Total allocated',
      totalShortfall: 'Total shortfall of target communes',
      totalDebtRisk: 'Total debt risk',
      targetCommunes: 'Target communes',
      fundedCommunes: 'Funded target communes',
    },
  },
} as const;

export type SheetLabels = (typeof SHEET_LABELS)[Locale];

/** Row words that mark a totals or section row in planners' sheets: never a commune. */
export const TOTAL_ROW_WORDS = ['tong', 'cong', 'total', 'sum', 'subtotal', 'tong cong', 'cong don'];

/** The eight columns on the left of every commune sheet (and CSV), headers first. */
export function communeColumnHeaders(labels: SheetLabels): string[] {
  return [
    labels.no,
    labels.code,
    labels.commune,
    labels.kind,
    labels.program135,
    labels.target,
    labels.deadline,
    labels.met,
  ];
}

export function communeColumnValues(
  commune: SheetCommune,
  index: number,
  labels: SheetLabels,
  locale: Locale,
): [number, string, string, string, string, string, string, number] {
  return [
    index + 1,
    commune.code,
    commune.name,
    labels.kinds[commune.kind],
    commune.isProgram135 ? labels.yes : '',
    commune.isTarget ? (commune.targetLevel ? labels.levels[commune.targetLevel] : labels.yes) : '',
    commune.deadline ? formatQuarter(commune.deadline, locale) : '',
    commune.criteriaMet,
  ];
}
