// Demo data: Lục Nam district (Bắc Giang), the 2022 allocation plan from the provincial
// inspection of 15/8/2022 (reference article 000_27e12a553276408a.txt). Editable data, not rules.
//
// What is sourced: the 25 units (2 towns, 23 communes); end-2019 status; that 7 communes must
// reach the standard in 2022 (4 planned + Trường Giang, Lục Sơn, Vô Tranh) and that they are
// the "7 xã chưa về đích"; district criteria #5, #7, #8 unmet; district money for Trường Giang,
// Lục Sơn, Vô Tranh waiting for HĐND approval; deadlines Vô Tranh Q3/2022, Lục Sơn Q4/2022;
// Bình Sơn "đã tiệm cận về đích".
// What is illustrative (flagged `is_illustrative` or said in a note): commune codes, which 4
// communes were "planned" (Bình Sơn, Nghĩa Phương, Thanh Lâm, Đan Hội), Program 135 / Zone III
// membership, which criteria each target misses, projects, costs, caps and allocations.
import type { CommuneKind, EthnicZone } from '../schema.ts';

/** Budget tables are kept in triệu đồng; the database stores whole đồng. */
const million = (amount: number): bigint => BigInt(amount) * 1_000_000n;

export const demoProvince = { code: '24', name: 'Bắc Giang' } as const;

// GSO codes: Bắc Giang 24 and Lục Nam 218 to the best of our knowledge (not checked against
// the GSO list). The district level was abolished on 1/7/2025 (two-tier local government).
export const demoDistrict = {
  code: '218',
  name: 'Lục Nam',
  abolishedOn: '2025-07-01',
} as const;

export const demoAssessedOn = '2022-06-30';

export interface DemoTarget {
  deadlineQuarter: 1 | 2 | 3 | 4;
  /** Larger = more urgent (non-targets keep the default 1). */
  priority: number;
}

export interface DemoCommuneSeed {
  /** Illustrative 5-digit code (the real GSO codes were not retrieved). */
  code: string;
  name: string;
  kind: CommuneKind;
  isProgram135?: boolean;
  ethnicZone?: EthnicZone;
  /** True where the unit's flags are invented for the demo. */
  isIllustrative?: boolean;
  note: string;
  /** Commune criteria (xa-ntm-2021-2025 numbers) NOT met as of mid-2022; all others are met. */
  unmet: number[];
  /** Whether the criteria statuses above are invented rather than implied by the sources. */
  isStatusIllustrative: boolean;
  statusNote: string | null;
  target?: DemoTarget;
}

const CODE_NOTE = 'Mã đơn vị minh họa (illustrative code).';
const P135_NOTE =
  'Xã CT135 / khu vực III: minh họa, chưa xác minh danh sách theo QĐ 861/QĐ-TTg (illustrative Program 135 / Zone III flag).';
const RECOGNISED_2019 = 'Đạt chuẩn NTM trước 2020 (nguồn: baobacninhtv.vn, 2019).';
const RECOGNISED_2020 = 'Mục tiêu đạt chuẩn năm 2020; không thuộc 7 xã chưa về đích năm 2022.';
const RECOGNISED_LATER =
  'Đạt chuẩn NTM 2020–2021 (suy ra: không thuộc 7 xã chưa về đích); tiêu chí 17 cần củng cố theo bộ tiêu chí 2021–2025 (minh họa).';
const TARGET_2022 = 'Xã phấn đấu về đích NTM năm 2022; các tiêu chí chưa đạt là minh họa.';
const PLANNED_2022 =
  'Một trong 4 xã đăng ký về đích năm 2022 theo kế hoạch — lựa chọn minh họa (bài viết không nêu tên).';
const TOWN = 'Thị trấn: không xét bộ tiêu chí xã NTM; ghi "đạt" để không tính là thiếu hụt (minh họa).';

export const demoCommunes: DemoCommuneSeed[] = [
  {
    code: '07339',
    name: 'Đồi Ngô',
    kind: 'thi_tran',
    note: `Thị trấn huyện lỵ; sáp nhập thị trấn Lục Nam và xã Tiên Hưng. ${CODE_NOTE}`,
    unmet: [],
    isStatusIllustrative: true,
    statusNote: TOWN,
  },
  {
    code: '07342',
    name: 'Phương Sơn',
    kind: 'thi_tran',
    note: `Đạt chuẩn NTM khi còn là xã (2019), nay là thị trấn. ${CODE_NOTE}`,
    unmet: [],
    isStatusIllustrative: true,
    statusNote: TOWN,
  },
  {
    code: '07345',
    name: 'Bắc Lũng',
    kind: 'xa',
    note: `Đạt chuẩn NTM năm 2017. ${CODE_NOTE}`,
    unmet: [],
    isStatusIllustrative: false,
    statusNote: RECOGNISED_2019,
  },
  {
    code: '07348',
    name: 'Bảo Đài',
    kind: 'xa',
    note: CODE_NOTE,
    unmet: [],
    isStatusIllustrative: false,
    statusNote: RECOGNISED_2019,
  },
  {
    code: '07351',
    name: 'Bảo Sơn',
    kind: 'xa',
    note: `Đạt chuẩn NTM năm 2019. ${CODE_NOTE}`,
    unmet: [],
    isStatusIllustrative: false,
    statusNote: RECOGNISED_2019,
  },
  {
    code: '07354',
    name: 'Bình Sơn',
    kind: 'xa',
    isProgram135: true,
    ethnicZone: 'III',
    isIllustrative: true,
    note: `Xã miền núi. ${P135_NOTE} ${CODE_NOTE}`,
    unmet: [17],
    isStatusIllustrative: true,
    statusNote: `${PLANNED_2022} Các hạng mục đã tiệm cận về đích (bài viết 15/8/2022).`,
    target: { deadlineQuarter: 4, priority: 2 },
  },
  {
    code: '07357',
    name: 'Cẩm Lý',
    kind: 'xa',
    note: `Đạt chuẩn NTM năm 2019. ${CODE_NOTE}`,
    unmet: [],
    isStatusIllustrative: false,
    statusNote: RECOGNISED_2019,
  },
  {
    code: '07360',
    name: 'Chu Điện',
    kind: 'xa',
    note: CODE_NOTE,
    unmet: [],
    isStatusIllustrative: false,
    statusNote: RECOGNISED_2019,
  },
  {
    code: '07363',
    name: 'Cương Sơn',
    kind: 'xa',
    note: `Mục tiêu đạt chuẩn năm 2020. ${CODE_NOTE}`,
    unmet: [],
    isStatusIllustrative: false,
    statusNote: RECOGNISED_2020,
  },
  {
    code: '07366',
    name: 'Đan Hội',
    kind: 'xa',
    note: CODE_NOTE,
    unmet: [5, 17],
    isStatusIllustrative: true,
    statusNote: PLANNED_2022,
    target: { deadlineQuarter: 4, priority: 2 },
  },
  {
    code: '07369',
    name: 'Đông Hưng',
    kind: 'xa',
    note: CODE_NOTE,
    unmet: [],
    isStatusIllustrative: false,
    statusNote: RECOGNISED_2019,
  },
  {
    code: '07372',
    name: 'Đông Phú',
    kind: 'xa',
    note: CODE_NOTE,
    unmet: [],
    isStatusIllustrative: false,
    statusNote: RECOGNISED_2019,
  },
  {
    code: '07375',
    name: 'Huyền Sơn',
    kind: 'xa',
    note: `Mục tiêu đạt chuẩn năm 2020. ${CODE_NOTE}`,
    unmet: [],
    isStatusIllustrative: false,
    statusNote: RECOGNISED_2020,
  },
  {
    code: '07378',
    name: 'Khám Lạng',
    kind: 'xa',
    note: CODE_NOTE,
    unmet: [],
    isStatusIllustrative: false,
    statusNote: RECOGNISED_2019,
  },
  {
    code: '07381',
    name: 'Lan Mẫu',
    kind: 'xa',
    note: `Đạt chuẩn NTM năm 2019. ${CODE_NOTE}`,
    unmet: [],
    isStatusIllustrative: false,
    statusNote: RECOGNISED_2019,
  },
  {
    code: '07384',
    name: 'Lục Sơn',
    kind: 'xa',
    isProgram135: true,
    ethnicZone: 'III',
    isIllustrative: true,
    note: `Xã miền núi; 9 tiêu chí cuối 2019. ${P135_NOTE} ${CODE_NOTE}`,
    unmet: [2, 5, 6, 7, 10, 11, 17],
    isStatusIllustrative: true,
    statusNote: `${TARGET_2022} Hạn về đích quý IV/2022 (bài viết 15/8/2022).`,
    target: { deadlineQuarter: 4, priority: 3 },
  },
  {
    code: '07387',
    name: 'Nghĩa Phương',
    kind: 'xa',
    note: CODE_NOTE,
    unmet: [5, 17],
    isStatusIllustrative: true,
    statusNote: PLANNED_2022,
    target: { deadlineQuarter: 4, priority: 2 },
  },
  {
    code: '07390',
    name: 'Tam Dị',
    kind: 'xa',
    note: CODE_NOTE,
    unmet: [17],
    isStatusIllustrative: true,
    statusNote: RECOGNISED_LATER,
  },
  {
    code: '07393',
    name: 'Thanh Lâm',
    kind: 'xa',
    note: CODE_NOTE,
    unmet: [2, 6, 17],
    isStatusIllustrative: true,
    statusNote: PLANNED_2022,
    target: { deadlineQuarter: 4, priority: 2 },
  },
  {
    code: '07396',
    name: 'Tiên Nha',
    kind: 'xa',
    note: `Mục tiêu đạt chuẩn năm 2020. ${CODE_NOTE}`,
    unmet: [],
    isStatusIllustrative: false,
    statusNote: RECOGNISED_2020,
  },
  {
    code: '07399',
    name: 'Trường Giang',
    kind: 'xa',
    note: CODE_NOTE,
    unmet: [2, 6, 13, 17],
    isStatusIllustrative: true,
    statusNote: `${TARGET_2022} Chưa được phân bổ vốn ngân sách huyện do chờ HĐND huyện thông qua.`,
    target: { deadlineQuarter: 4, priority: 2 },
  },
  {
    code: '07402',
    name: 'Trường Sơn',
    kind: 'xa',
    note: `Xã miền núi. ${CODE_NOTE}`,
    unmet: [17],
    isStatusIllustrative: true,
    statusNote: RECOGNISED_LATER,
  },
  {
    code: '07405',
    name: 'Vô Tranh',
    kind: 'xa',
    isProgram135: true,
    ethnicZone: 'III',
    isIllustrative: true,
    note: `Xã miền núi; 9 tiêu chí cuối 2019. ${P135_NOTE} ${CODE_NOTE}`,
    unmet: [2, 5, 6, 10, 11, 17],
    isStatusIllustrative: true,
    statusNote: `${TARGET_2022} Hạn về đích quý III/2022 (bài viết 15/8/2022).`,
    target: { deadlineQuarter: 3, priority: 3 },
  },
  {
    code: '07408',
    name: 'Vũ Xá',
    kind: 'xa',
    note: CODE_NOTE,
    unmet: [17],
    isStatusIllustrative: true,
    statusNote: RECOGNISED_LATER,
  },
  {
    code: '07411',
    name: 'Yên Sơn',
    kind: 'xa',
    note: CODE_NOTE,
    unmet: [17],
    isStatusIllustrative: true,
    statusNote: RECOGNISED_LATER,
  },
];

/** District criteria (huyen-ntm-2021-2025) unmet as of mid-2022 — sourced from the article. */
export const demoDistrictUnmet = [5, 7, 8];
export const demoDistrictStatusNote =
  'Bài viết 15/8/2022: huyện còn 3 tiêu chí chưa đạt — số 5 (Y tế - Văn hóa - Giáo dục), số 7 (Môi trường), số 8 (Chất lượng môi trường sống).';

export const demoPlan = {
  name: 'Kế hoạch phân bổ vốn xây dựng nông thôn mới năm 2022 — huyện Lục Nam',
  periodStartYear: 2022,
  periodEndYear: 2022,
  criteriaSetCode: 'xa-ntm-2021-2025',
  districtCriteriaSetCode: 'huyen-ntm-2021-2025',
  note:
    'Dữ liệu demo dựng theo bài viết Bacgiang.gov.vn ngày 15/8/2022. Số liệu vốn, dự án và tiêu chí chưa đạt của từng xã là minh họa. ' +
    'Hồ sơ huyện NTM gửi Văn phòng điều phối NTM Trung ương trong quý I/2023.',
} as const;

export interface DemoCapSeed {
  sourceCode: string;
  amount: bigint;
  isConfirmed: boolean;
  note: string;
}

// Confirmed money (NSTW + NS_TINH + CT135 = 32.5 bn) is well below the cost of the targets'
// required projects (56.22 bn); even every expected source together (56.0 bn) falls short.
export const demoCaps: DemoCapSeed[] = [
  {
    sourceCode: 'NSTW',
    amount: million(17_000),
    isConfirmed: true,
    note: 'Đã giao (minh họa).',
  },
  {
    sourceCode: 'NS_TINH',
    amount: million(10_000),
    isConfirmed: true,
    note: 'Đã giao (minh họa).',
  },
  {
    sourceCode: 'NS_HUYEN',
    amount: million(12_000),
    isConfirmed: false,
    note: 'Chờ HĐND huyện thông qua cơ chế hỗ trợ (bài viết 15/8/2022); số tiền minh họa.',
  },
  {
    sourceCode: 'NS_XA',
    amount: million(2_500),
    isConfirmed: false,
    note: 'Dự kiến (minh họa).',
  },
  {
    sourceCode: 'CT135',
    amount: million(5_500),
    isConfirmed: true,
    note: 'Chỉ cho xã thuộc Chương trình 135 (minh họa).',
  },
  {
    sourceCode: 'LONG_GHEP',
    amount: million(3_000),
    isConfirmed: false,
    note: 'Dự kiến (minh họa).',
  },
  {
    sourceCode: 'TIN_DUNG',
    amount: million(1_000),
    isConfirmed: false,
    note: 'Dự kiến (minh họa).',
  },
  {
    sourceCode: 'DOANH_NGHIEP',
    amount: million(1_500),
    isConfirmed: false,
    note: 'Dự kiến (minh họa).',
  },
  {
    sourceCode: 'CONG_DONG',
    amount: million(3_500),
    isConfirmed: false,
    note: 'Nhân dân đóng góp tự nguyện, dự kiến (minh họa).',
  },
];

export interface DemoProjectSeed {
  commune: string;
  criterion: number;
  name: string;
  estimatedCost: bigint;
  /** Required = the criterion cannot be met without it ("điều kiện cần, đủ"). */
  isRequired: boolean;
}

const p = (
  commune: string,
  criterion: number,
  name: string,
  cost: number,
  isRequired = true,
): DemoProjectSeed => ({
  commune,
  criterion,
  name,
  estimatedCost: million(cost),
  isRequired,
});

// All illustrative. Every unmet criterion of every target has at least one required project.
export const demoProjects: DemoProjectSeed[] = [
  // Vô Tranh — required 18,070 triệu
  p('Vô Tranh', 2, 'Cứng hóa đường trục thôn Đồng Mậu', 2_400),
  p('Vô Tranh', 2, 'Bê tông hóa đường liên thôn Hố Sâu – Khe Đặng', 1_850),
  p('Vô Tranh', 2, 'Lắp đặt điện chiếu sáng đường trục xã Vô Tranh', 420, false),
  p('Vô Tranh', 5, 'Nâng cấp trường mầm non xã Vô Tranh', 3_200),
  p('Vô Tranh', 5, 'Xây dựng nhà lớp học bộ môn trường THCS Vô Tranh', 2_650),
  p('Vô Tranh', 6, 'Xây dựng nhà văn hóa trung tâm xã Vô Tranh', 2_100),
  p('Vô Tranh', 6, 'Xây dựng sân thể thao trung tâm xã Vô Tranh', 650),
  p('Vô Tranh', 10, 'Hỗ trợ phát triển vùng trồng vải sớm gắn với tiêu thụ sản phẩm', 800),
  p('Vô Tranh', 11, 'Hỗ trợ sinh kế và cải tạo nhà ở cho hộ nghèo, cận nghèo xã Vô Tranh', 600),
  p('Vô Tranh', 17, 'Xây dựng công trình cấp nước sạch tập trung xã Vô Tranh', 3_500),
  p('Vô Tranh', 17, 'Xây dựng điểm tập kết rác thải sinh hoạt các thôn', 320),
  p('Vô Tranh', 17, 'Trồng cây xanh tuyến đường trục xã Vô Tranh', 250, false),
  // Lục Sơn — required 19,500 triệu
  p('Lục Sơn', 2, 'Cứng hóa đường trục thôn Đồng Bến', 2_200),
  p('Lục Sơn', 2, 'Mở rộng, cứng hóa đường liên thôn Rừng Chám – Đồng Giang', 1_600),
  p('Lục Sơn', 2, 'Cứng hóa đường trục chính nội đồng thôn Trại Mới', 900),
  p('Lục Sơn', 5, 'Nâng cấp trường mầm non xã Lục Sơn', 2_900),
  p('Lục Sơn', 5, 'Cải tạo, bổ sung thiết bị dạy học trường tiểu học Lục Sơn', 1_200),
  p('Lục Sơn', 6, 'Xây dựng hội trường đa năng xã Lục Sơn', 2_300),
  p('Lục Sơn', 6, 'Xây dựng nhà văn hóa thôn Bồ Cu', 750),
  p('Lục Sơn', 7, 'Xây dựng chợ nông thôn xã Lục Sơn', 1_900),
  p('Lục Sơn', 10, 'Hỗ trợ phát triển vùng na, vải thiều theo chuỗi giá trị', 900),
  p('Lục Sơn', 10, 'Xây dựng sản phẩm OCOP mật ong rừng Lục Sơn', 350, false),
  p('Lục Sơn', 11, 'Hỗ trợ sinh kế, chăn nuôi cho hộ nghèo xã Lục Sơn', 700),
  p('Lục Sơn', 17, 'Xây dựng công trình cấp nước sạch tập trung xã Lục Sơn', 3_800),
  p('Lục Sơn', 17, 'Xây dựng bãi tập kết, trung chuyển rác thải xã Lục Sơn', 350),
  // Trường Giang — required 6,050 triệu
  p('Trường Giang', 2, 'Cứng hóa đường liên thôn Cầu Đất – Cống Ngòi', 1_700),
  p('Trường Giang', 6, 'Cải tạo nhà văn hóa và sân thể thao xã Trường Giang', 1_300),
  p('Trường Giang', 13, 'Thành lập và hỗ trợ hợp tác xã nông nghiệp Trường Giang', 450),
  p('Trường Giang', 13, 'Hỗ trợ mô hình liên kết sản xuất lúa chất lượng cao', 400),
  p('Trường Giang', 17, 'Xây dựng hệ thống thu gom nước thải khu dân cư tập trung', 1_600),
  p('Trường Giang', 17, 'Mở rộng nghĩa trang nhân dân theo quy hoạch', 600),
  // Bình Sơn — required 1,250 triệu
  p('Bình Sơn', 17, 'Xây dựng điểm tập kết rác thải và lò đốt rác quy mô nhỏ', 900),
  p('Bình Sơn', 17, 'Cải tạo cảnh quan, trồng cây xanh khu trung tâm xã Bình Sơn', 350),
  p('Bình Sơn', 6, 'Nâng cấp sân thể thao xã Bình Sơn', 500, false),
  // Nghĩa Phương — required 4,300 triệu
  p('Nghĩa Phương', 5, 'Xây dựng nhà lớp học 2 tầng trường tiểu học Nghĩa Phương', 2_800),
  p('Nghĩa Phương', 17, 'Mở rộng mạng lưới cấp nước sạch các thôn xã Nghĩa Phương', 1_500),
  // Thanh Lâm — required 3,650 triệu
  p('Thanh Lâm', 2, 'Cứng hóa đường trục chính nội đồng xã Thanh Lâm', 1_100),
  p('Thanh Lâm', 6, 'Xây dựng nhà văn hóa cho hai thôn còn thiếu', 1_200),
  p('Thanh Lâm', 6, 'Xây dựng điểm vui chơi cho trẻ em và người cao tuổi', 450),
  p('Thanh Lâm', 17, 'Cải tạo hệ thống thoát nước khu dân cư trung tâm xã Thanh Lâm', 900),
  // Đan Hội — required 3,400 triệu
  p('Đan Hội', 5, 'Nâng cấp trường mầm non xã Đan Hội', 2_200),
  p('Đan Hội', 17, 'Xây dựng điểm thu gom, phân loại rác thải sinh hoạt', 500),
  p('Đan Hội', 17, 'Cải tạo cảnh quan hồ trung tâm xã Đan Hội', 700),
  p('Đan Hội', 16, 'Tôn tạo sân đình làng phục vụ sinh hoạt văn hóa', 300, false),
];

export interface DemoAllocationSeed {
  commune: string;
  criterion: number;
  source: string;
  amount: bigint;
}

const a = (commune: string, criterion: number, source: string, amount: number): DemoAllocationSeed => ({
  commune,
  criterion,
  source,
  amount: million(amount),
});

// The 4 planned communes and Trường Giang are ~90% funded; Lục Sơn and Vô Tranh are under
// half funded and lean on NS_HUYEN (unconfirmed). Three cells put money on criteria that are
// already met — the "dàn trải" the province warned against.
export const demoAllocations: DemoAllocationSeed[] = [
  a('Nghĩa Phương', 5, 'NSTW', 1_800),
  a('Nghĩa Phương', 5, 'NS_TINH', 800),
  a('Nghĩa Phương', 17, 'NSTW', 900),
  a('Nghĩa Phương', 17, 'CONG_DONG', 400),
  a('Nghĩa Phương', 17, 'NS_XA', 200),
  a('Đan Hội', 5, 'NSTW', 1_500),
  a('Đan Hội', 5, 'NS_TINH', 500),
  a('Đan Hội', 17, 'NS_TINH', 600),
  a('Đan Hội', 17, 'CONG_DONG', 500),
  a('Thanh Lâm', 2, 'NSTW', 700),
  a('Thanh Lâm', 2, 'CONG_DONG', 300),
  a('Thanh Lâm', 6, 'NS_TINH', 1_200),
  a('Thanh Lâm', 6, 'NS_XA', 300),
  a('Thanh Lâm', 17, 'NSTW', 800),
  a('Bình Sơn', 17, 'CT135', 800),
  a('Bình Sơn', 17, 'NS_TINH', 300),
  a('Trường Giang', 2, 'NS_HUYEN', 1_500),
  a('Trường Giang', 2, 'NSTW', 200),
  a('Trường Giang', 6, 'NS_TINH', 1_000),
  a('Trường Giang', 6, 'CONG_DONG', 300),
  a('Trường Giang', 13, 'LONG_GHEP', 600),
  a('Trường Giang', 17, 'NSTW', 1_400),
  a('Trường Giang', 17, 'NS_TINH', 600),
  a('Lục Sơn', 2, 'NSTW', 1_800),
  a('Lục Sơn', 2, 'NS_HUYEN', 1_200),
  a('Lục Sơn', 5, 'NSTW', 1_500),
  a('Lục Sơn', 5, 'CT135', 1_000),
  a('Lục Sơn', 6, 'NS_TINH', 800),
  a('Lục Sơn', 7, 'NS_HUYEN', 600),
  a('Lục Sơn', 17, 'CT135', 1_500),
  a('Lục Sơn', 17, 'NSTW', 900),
  a('Lục Sơn', 4, 'NSTW', 300), // criterion 4 (Điện) is already met: spread thin
  a('Vô Tranh', 2, 'NSTW', 1_600),
  a('Vô Tranh', 2, 'NS_HUYEN', 1_000),
  a('Vô Tranh', 5, 'NSTW', 1_300),
  a('Vô Tranh', 5, 'CT135', 1_200),
  a('Vô Tranh', 6, 'NS_TINH', 900),
  a('Vô Tranh', 17, 'NSTW', 1_000),
  a('Vô Tranh', 17, 'CT135', 500),
  a('Vô Tranh', 17, 'NS_HUYEN', 500),
  a('Bảo Đài', 6, 'NS_TINH', 500), // recognised commune, criterion met: spread thin
  a('Tiên Nha', 2, 'NSTW', 300), // recognised commune, criterion met: spread thin
];

/**
 * One demo account per scoped role (the admin is created at first start, see README). DEMO ONLY:
 * the passwords are published in the README. Hashes are argon2id (m=19456 KiB, t=2, p=1) of the
 * password beside it, made with `hashPassword` (apps/api/src/auth/passwords.ts).
 */
export const demoUsers: ReadonlyArray<{
  username: string;
  displayName: string;
  role: 'province_planner' | 'district_planner' | 'commune_officer' | 'council_reviewer' | 'viewer';
  scope: 'province' | 'district' | 'commune';
  /** The commune, for the commune-scoped account. */
  communeName?: string;
  /** Published in the README: these accounts exist to be tried. */
  password: string;
  passwordHash: string;
}> = [
  {
    username: 'bacgiang.kehoach',
    password: 'kehoach-tinh-2022',
    displayName: 'Phòng Kế hoạch tỉnh Bắc Giang',
    role: 'province_planner',
    scope: 'province',
    passwordHash:
      '$argon2id$v=19$m=19456,t=2,p=1$Sku7EghBgPaPTeJehcnM4g$YTha+sANRBMJsb3VYsri38jengZSdQeUUS7bcs4O2jM',
  },
  {
    username: 'lucnam.kehoach',
    password: 'kehoach-huyen-2022',
    displayName: 'Phòng Tài chính – Kế hoạch huyện Lục Nam',
    role: 'district_planner',
    scope: 'district',
    passwordHash:
      '$argon2id$v=19$m=19456,t=2,p=1$eXVJx9/ZWo8ABtasg5knDA$NCUnljZOVSe2DYAzNeXc1Mq0F09vCVs/YHG6GOE4YwY',
  },
  {
    username: 'lucson.canbo',
    password: 'canbo-xa-2022',
    displayName: 'Cán bộ xã Lục Sơn',
    role: 'commune_officer',
    scope: 'commune',
    communeName: 'Lục Sơn',
    passwordHash:
      '$argon2id$v=19$m=19456,t=2,p=1$0953IVceJmHqml87n8uGUg$j2yXjIJB5ROMeV9gZXvwLv6TYbxiVUMPXk0CDXzHE1s',
  },
  {
    username: 'lucnam.hdnd',
    password: 'hdnd-huyen-2022',
    displayName: 'HĐND huyện Lục Nam',
    role: 'council_reviewer',
    scope: 'district',
    passwordHash:
      '$argon2id$v=19$m=19456,t=2,p=1$OzlOzGUjQTmr6kz6uoMV/Q$MQflrYI2tBjnpbc/YeAs58wOZI13nZj/u68dQNAY+c4',
  },
  {
    username: 'lucnam.xem',
    password: 'xem-lucnam-2022',
    displayName: 'Người xem (Lục Nam)',
    role: 'viewer',
    scope: 'district',
    passwordHash:
      '$argon2id$v=19$m=19456,t=2,p=1$BH9RoWC92XkV/vHKZQbPsg$9jZ5qUUFRPs+2cAcWHi6dYBH07j+HgO/e1qlR4wJ7BI',
  },
];

type CamelRole<R extends string> = R extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Tail>}` : R;
type DemoRole = (typeof demoUsers)[number]['role'];

/** Sign-in names and passwords of the demo accounts by role (`districtPlanner`…), for tests and benches. */
export const DEMO_LOGINS = Object.fromEntries(
  demoUsers.map((user) => [
    user.role.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase()),
    { username: user.username, password: user.password },
  ]),
) as Record<CamelRole<DemoRole>, { username: string; password: string }>;
