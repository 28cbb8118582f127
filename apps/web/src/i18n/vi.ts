// Vietnamese is the source language: every key starts here and `en.ts` must match it key for key.
// Placeholders are written {name}.
export const vi = {
  'app.title': 'NTM Planner — Lập kế hoạch vốn nông thôn mới',
  'app.productName': 'NTM Planner',
  'app.tagline': 'Lập kế hoạch vốn nông thôn mới',
  'app.skipToContent': 'Bỏ qua đến nội dung chính',
  'app.languageSwitch': 'Ngôn ngữ',
  'app.graphqlIde': 'GraphQL IDE',
  'app.graphqlIdeHint': 'Mở trình soạn truy vấn GraphQL (trang mới)',
  'app.footer': 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới',

  'plans.heading': 'Kế hoạch vốn',
  'plans.intro': 'Các kế hoạch phân bổ vốn theo giai đoạn, kèm nguồn vốn và phần còn thiếu.',
  'plans.caption': 'Danh sách kế hoạch. Đơn vị tiền: triệu đồng.',
  'plans.unitNote': 'Đơn vị: triệu đồng',
  'plans.loading': 'Đang tải danh sách kế hoạch…',
  'plans.loadingMore': 'Đang tải thêm…',
  'plans.loadMore': 'Tải thêm kế hoạch',
  'plans.empty': 'Chưa có kế hoạch nào.',
  'plans.count': '{count} kế hoạch',
  'plans.retry': 'Thử lại',
  'plans.errorTitle': 'Không tải được danh sách kế hoạch',

  'plans.column.name': 'Kế hoạch',
  'plans.column.period': 'Giai đoạn',
  'plans.column.scope': 'Cấp',
  'plans.column.status': 'Trạng thái',
  'plans.column.allocated': 'Đã phân bổ',
  'plans.column.confirmedCaps': 'Nguồn vốn đã xác định',
  'plans.column.expectedCaps': 'Nguồn vốn dự kiến',
  'plans.column.shortfall': 'Còn thiếu',
  'plans.column.fundedCommunes': 'Xã mục tiêu có vốn',

  'plans.period': '{start}–{end}',
  'plans.revision': 'Bản {revision}',
  'plans.fundedCommunes': '{funded}/{total}',
  'plans.fundedCommunesLabel': '{funded} trên {total} xã mục tiêu có vốn',
  'plans.exactAmount': '{amount} đồng',

  'scope.DISTRICT': 'Cấp huyện',
  'scope.PROVINCE': 'Cấp tỉnh',

  'status.DRAFT': 'Nháp',
  'status.SUBMITTED': 'Đã trình',
  'status.APPROVED': 'Đã phê duyệt',
  'status.LOCKED': 'Đã khóa',

  'error.NETWORK_ERROR': 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  'error.HTTP_ERROR': 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau.',
  'error.BAD_RESPONSE': 'Máy chủ trả về dữ liệu không hợp lệ.',
  'error.UNAUTHENTICATED': 'Bạn cần đăng nhập để xem nội dung này.',
  'error.FORBIDDEN': 'Bạn không có quyền xem nội dung này.',
  'error.generic': 'Đã xảy ra lỗi không mong muốn.',
  'error.code': 'Mã lỗi: {code}',

  'ide.title': 'GraphQL IDE — NTM Planner',
  'ide.backToApp': 'Về NTM Planner',
  'ide.defaultQueryComment': 'Danh sách kế hoạch kèm các chỉ số tổng hợp. Nhấn Ctrl+Enter để chạy.',
} as const;

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;
