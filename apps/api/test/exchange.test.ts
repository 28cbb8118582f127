// Excel round trip over HTTP: export a plan, read it back, edit it with a script, import the edits;
// and the bad files a planner may drop, each refused with a precise message and nothing written.
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLY, download, PREVIEW, upload, withTwinCommune } from './exchange-client.ts';
import { type Caller, DEMO_USERS, startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
let planId: string;
let totalAllocated: bigint;
const bySourceSheet = 'Theo nguồn';

async function dbState() {
  const [cells, audit] = await Promise.all([
    app.db
      .selectFrom('allocation')
      .select(['commune_id', 'criterion_id', 'source_id', 'amount', 'version'])
      .orderBy('commune_id')
      .orderBy('criterion_id')
      .orderBy('source_id')
      .execute(),
    app.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { cells, audit: Number(audit.n) };
}

async function loadWorkbook(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

async function preview(
  file: { name: string; data: Buffer },
  options?: Record<string, unknown>,
  locale = 'vi',
) {
  const { status, body } = await upload(app, PREVIEW, { planId, options }, file, { locale });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data.previewImport;
}

/** A workbook with one sheet built from rows of values (null = empty cell). */
async function sheetFile(rows: unknown[][], name = 'Sheet1', edit?: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name);
  for (const [r, row] of rows.entries()) {
    for (const [c, value] of row.entries()) {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
    }
  }
  edit?.(sheet);
  return { name: 'ke-hoach.xlsx', data: Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer) };
}

beforeAll(async () => {
  app = await startTestApp();
  const data = await app.ok(`{ plans { edges { node { id totals(by: SOURCE) { amount } } } } }`);
  planId = data.plans.edges[0].node.id;
  totalAllocated = data.plans.edges[0].node.totals.reduce((s: bigint, t: any) => s + BigInt(t.amount), 0n);
});
afterAll(() => app?.close());

describe('export', () => {
  it('downloads a printable workbook whose SUM totals equal the app totals', async () => {
    const { response, data } = await download(app, planId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="ke-hoach-phan-bo-von.*luc-nam\.xlsx"/,
    );
    const workbook = await loadWorkbook(data);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Theo nguồn',
      'Tổng hợp',
      'Tình trạng tiêu chí',
      'Phân tích',
      '_ntm',
    ]);
    const sheet = workbook.getWorksheet(bySourceSheet)!;
    expect(sheet.getCell('A1').value).toBe(
      'Kế hoạch phân bổ vốn xây dựng nông thôn mới năm 2022 — huyện Lục Nam',
    );
    expect(String(sheet.getCell('A2').value)).toContain('Đơn vị tính: đồng');
    expect(sheet.getCell('I4').value).toBe('I. Quy hoạch');
    expect(sheet.getCell('I5').value).toBe('1. Quy hoạch');
    expect(sheet.getCell('I6').value).toBe('NSTW');
    expect(sheet.getCell('I4').isMerged).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 6 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '4:6' });
    // The last row is the totals row; its last cell is the grand total formula.
    const totalsRow = sheet.getRow(sheet.rowCount);
    expect(totalsRow.getCell(1).value).toBe('Tổng cộng');
    const grand = totalsRow.getCell(sheet.columnCount).value as ExcelJS.CellFormulaValue;
    expect(grand.formula).toMatch(/^SUM\([A-Z]+7:[A-Z]+\d+\)$/);
    expect(BigInt(grand.result as number)).toBe(totalAllocated);
    expect(sheet.getCell('I7').numFmt).toBe('#,##0');
    const total = workbook.getWorksheet('Tổng hợp')!;
    const totalGrand = total.getRow(total.rowCount).getCell(total.columnCount)
      .value as ExcelJS.CellFormulaValue;
    expect(BigInt(totalGrand.result as number)).toBe(totalAllocated);
  });

  it('speaks English and triệu đồng on request, and adds a sheet per source', async () => {
    const { data } = await download(app, planId, '?lang=en&unit=trieu&views=bySource,source:NSTW');
    const workbook = await loadWorkbook(data);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'By source',
      'NSTW',
      'Criteria status',
      'Analysis',
      '_ntm',
    ]);
    const sheet = workbook.getWorksheet('NSTW')!;
    expect(String(sheet.getCell('A2').value)).toBe(
      'Funding source: Central state budget — Unit: million đồng',
    );
    expect(sheet.getCell('C4').value).toBe('Commune');
  });

  it('exports CSV and refuses an unknown plan with a typed 404', async () => {
    const { response, data } = await download(app, planId, '', 'csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = data.toString('utf8');
    expect(text.startsWith('\ufeffKế hoạch phân bổ vốn')).toBe(true);
    const missing = await download(app, Buffer.from('Plan:999999').toString('base64'));
    expect(missing.response.status).toBe(404);
    expect(JSON.parse(missing.data.toString()).errors[0].extensions.code).toBe('UNKNOWN_PLAN');
  });
});

describe('export download scope', () => {
  it('answers 401 anonymous, 404 outside the caller’s scope or unknown, 200 inside it', async () => {
    const plan = `/export/plan/${encodeURIComponent(planId)}`;
    const status = async (path: string, as: Caller) =>
      (await fetch(`${app.url}${path}`, { headers: await app.authHeaders(as) })).status;

    const anonymous = await download(app, planId, '', 'csv', null);
    expect(anonymous.response.status).toBe(401);
    expect(JSON.parse(anonymous.data.toString()).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    // A planner of another district, and a token of that district, do not even see the plan.
    const province = await app.db.selectFrom('province').select('id').executeTakeFirstOrThrow();
    const other = await app.db
      .insertInto('district')
      .values({ province_id: province.id, code: '998', name: 'Huyện khác' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const otherDistrict = Buffer.from(`District:${other.id}`).toString('base64');
    await app.ok(`mutation($i: CreateUserInput!) { createUser(input: $i) { __typename } }`, {
      i: {
        username: 'huyenkhac.kehoach',
        displayName: 'Kế hoạch huyện khác',
        password: 'huyen-khac-2022',
        role: 'DISTRICT_PLANNER',
        districtId: otherDistrict,
      },
    });
    const outsider = await app.login('huyenkhac.kehoach', 'huyen-khac-2022');
    const made = await app.ok(
      `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { ... on CreateApiTokenPayload { secret } } }`,
      { i: { name: 'Cổng huyện khác', access: 'READ', districtId: otherDistrict } },
    );
    for (const ext of ['xlsx', 'csv']) {
      const path = `${plan}.${ext}`;
      const outside = await fetch(`${app.url}${path}`, { headers: { cookie: outsider } });
      expect(outside.status, path).toBe(404);
      expect(((await outside.json()) as any).errors[0].extensions.code).toBe('UNKNOWN_PLAN');
      expect(await status(path, { bearer: made.createApiToken.secret }), path).toBe(404);
    }
    const unknown = `/export/plan/${encodeURIComponent(Buffer.from('Plan:999999').toString('base64'))}.csv`;
    expect(await status(unknown, DEMO_USERS.districtPlanner.username)).toBe(404);

    // Inside: the district's planner and viewer, the province's planner, and the commune officer
    // (who reads the whole district plan even though they write only their commune).
    for (const user of [
      DEMO_USERS.districtPlanner,
      DEMO_USERS.viewer,
      DEMO_USERS.provincePlanner,
      DEMO_USERS.communeOfficer,
    ]) {
      const { response, data } = await download(app, planId, '', 'csv', user.username);
      expect(response.status, user.username).toBe(200);
      expect(data.toString('utf8').startsWith('\ufeffKế hoạch phân bổ vốn')).toBe(true);
    }
  });
});

describe('import round trip', () => {
  it('previews zero changes for the plan’s own export (xlsx and csv)', async () => {
    const xlsx = await download(app, planId);
    const result = await preview({ name: 'plan.xlsx', data: xlsx.data });
    expect(result.problems).toEqual([]);
    expect(result.changeCount).toBe(0);
    expect(result.unchangedCount).toBeGreaterThan(0);
    expect(result.sheets.find((s: any) => s.name === bySourceSheet)).toMatchObject({
      isRead: true,
      unit: 'DONG',
    });
    expect(result.totalAfter).toBe(totalAllocated.toString());

    const trieu = await download(app, planId, '?unit=trieu');
    const fromTrieu = await preview({ name: 'plan.xlsx', data: trieu.data });
    expect(fromTrieu.problems).toEqual([]);
    expect(fromTrieu.changeCount).toBe(0);
    expect(fromTrieu.sheets[0]).toMatchObject({ unit: 'TRIEU', unitFrom: 'header' });

    for (const query of ['', '?unit=trieu', '?lang=en&unit=trieu']) {
      const csv = await download(app, planId, query, 'csv');
      const fromCsv = await preview(
        { name: 'plan.csv', data: csv.data },
        undefined,
        query.includes('en') ? 'en' : 'vi',
      );
      expect(fromCsv.problems, query).toEqual([]);
      expect(fromCsv.changeCount, query).toBe(0);
    }
  });

  it('applies exactly the cells edited in Excel, audited as one import batch', async () => {
    const { data } = await download(app, planId);
    const workbook = await loadWorkbook(data);
    const sheet = workbook.getWorksheet(bySourceSheet)!;
    sheet.getCell('I7').value = 123_456_789; // row 7 = first commune, criterion 1, first source
    sheet.getCell('J8').value = 5_000_000;
    const edited = {
      name: 'edited.xlsx',
      data: Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer),
    };
    const before = await dbState();
    const result = await preview(edited);
    expect(result.problems).toEqual([]);
    expect(result.changes.map((c: any) => [c.sheet, c.cell, c.newAmount])).toEqual([
      [bySourceSheet, 'I7', '123456789'],
      [bySourceSheet, 'J8', '5000000'],
    ]);
    expect(result.changes[0].communeName).toBe(sheet.getCell('C7').value);
    expect(await dbState()).toEqual(before);

    const applied = await upload(app, APPLY, { planId, token: result.token }, edited);
    expect(applied.body.data.applyImport).toMatchObject({
      __typename: 'ApplyImportPayload',
      changedCount: 2,
    });
    const audit = await app.db
      .selectFrom('audit_log')
      .select(['origin', 'batch_id'])
      .where('batch_id', '=', applied.body.data.applyImport.batchId)
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.origin === 'import')).toBe(true);
    const again = await preview(edited);
    expect(again.changeCount).toBe(0);

    // Applying the same preview twice: its versions are stale now, so nothing is written.
    const repeat = await upload(app, APPLY, { planId, token: result.token }, edited);
    expect(repeat.body.data.applyImport.__typename).toBe('VersionConflictError');
  });

  it('refuses an apply over a cell changed since the preview', async () => {
    const { data } = await download(app, planId);
    const workbook = await loadWorkbook(data);
    workbook.getWorksheet(bySourceSheet)!.getCell('I9').value = 777;
    const edited = {
      name: 'edited.xlsx',
      data: Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer),
    };
    const result = await preview(edited);
    expect(result.changeCount).toBe(1);
    const change = result.changes[0];
    const someone = await app.ok(`{ plans { edges { node { grid { criterionIds sourceIds } } } } }`);
    await app.ok(`mutation($input: SetAllocationsInput!) { setAllocations(input: $input) { __typename } }`, {
      input: {
        planId,
        cells: [
          {
            communeId: change.communeId,
            criterionId: someone.plans.edges[0].node.grid.criterionIds[0],
            sourceId: someone.plans.edges[0].node.grid.sourceIds[0],
            amount: '999',
          },
        ],
      },
    });
    const before = await dbState();
    const applied = await upload(app, APPLY, { planId, token: result.token }, edited);
    expect(applied.body.data.applyImport.__typename).toBe('VersionConflictError');
    expect(await dbState()).toEqual(before);
  });
});

describe('free-form sheets', () => {
  it('reads communes down and criteria across in triệu đồng, skipping totals rows, with a chosen source', async () => {
    const sources = await app.ok(`{ fundingSources { id code } }`);
    const nsTinh = sources.fundingSources.find((s: any) => s.code === 'NS_TINH').id;
    const file = await sheetFile([
      ['KẾ HOẠCH VỐN NTM 2022'],
      ['(Đơn vị tính: triệu đồng)'],
      ['STT', 'Tên xã', 'Tiêu chí số 2', 'TC 5', 'Tiêu chí 6'],
      [null, null, 'Giao thông', null, 'Cơ sở vật chất văn hóa'],
      [1, 'xa luc son', 1.5, 2, null],
      [2, 'BẢO ĐÀI', '0,25', 0, 3],
      [null, 'Tổng cộng', 1.75, 2, 3],
    ]);
    const result = await preview(file, { sourceId: nsTinh });
    expect(result.problems).toEqual([]);
    expect(result.sheets[0]).toMatchObject({ isRead: true, unit: 'TRIEU', unitFrom: 'header', headerRow: 3 });
    const byCell = Object.fromEntries(
      result.changes.map((c: any) => [c.cell, [c.communeName, c.criterionNumber, c.sourceCode, c.newAmount]]),
    );
    expect(byCell['C5']).toEqual(['Lục Sơn', 2, 'NS_TINH', '1500000']);
    expect(byCell['D5']).toEqual(['Lục Sơn', 5, 'NS_TINH', '2000000']);
    expect(byCell['C6']).toEqual(['Bảo Đài', 2, 'NS_TINH', '250000']);
    expect(Object.keys(byCell).some((k) => k.endsWith('7'))).toBe(false);
  });

  it('needs a source for a single-source sheet that does not name one', async () => {
    const file = await sheetFile([
      ['Xã', '1. Quy hoạch', '2. Giao thông'],
      ['Lục Sơn', 1000, 2000],
    ]);
    const result = await preview(file);
    expect(result.canApply).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: 'Sheet1', cell: null, code: 'IMPORT_SOURCE_UNKNOWN' }),
    ]);
    const named = await sheetFile(
      [
        ['Xã', '1. Quy hoạch'],
        ['Lục Sơn', 1000],
      ],
      'NSTW',
    );
    expect((await preview(named)).problems).toEqual([]);
  });
});

describe('bad files: a precise message and the plan untouched', () => {
  const header = ['Xã', '1. Quy hoạch', '2. Giao thông', '3. Thủy lợi và phòng, chống thiên tai'];

  async function problemsOf(rows: unknown[][], edit?: (sheet: ExcelJS.Worksheet) => void, locale = 'vi') {
    const file = await sheetFile([['Đơn vị tính: đồng'], header, ...rows], 'NSTW', edit);
    const before = await dbState();
    const { body } = await upload(app, PREVIEW, { planId }, file, { locale });
    const result = body.data.previewImport;
    const applied = await upload(app, APPLY, { planId, token: result.token }, file);
    expect(applied.body.data.applyImport.code).toBe('IMPORT_HAS_PROBLEMS');
    expect(await dbState()).toEqual(before);
    return result.problems.map((p: any) => [p.code, p.message]);
  }

  it('text, negative and fractional amounts, dates, booleans and formula errors', async () => {
    const problems = await problemsOf([
      ['Lục Sơn', '1.2.3', -5, 1.5],
      ['Bảo Đài', new Date(Date.UTC(2022, 7, 15)), true, { formula: '1/0', result: { error: '#DIV/0!' } }],
      ['Bảo Sơn', { formula: 'A1*2' }, 'một trăm', 0],
    ]);
    expect(problems).toEqual([
      ['NOT_AN_AMOUNT', 'NSTW!B3: "1.2.3" không phải là số tiền'],
      ['NEGATIVE_AMOUNT', 'NSTW!C3: Số tiền không được âm ("-5")'],
      ['FRACTIONAL_AMOUNT', 'NSTW!D3: Số tiền "1.5" phải là số đồng nguyên, không có phần lẻ dưới 1 đồng'],
      ['WRONG_CELL_TYPE', 'NSTW!B4: "2022-08-15" là ngày tháng, không phải là số tiền'],
      ['WRONG_CELL_TYPE', 'NSTW!C4: "TRUE" là giá trị đúng/sai, không phải là số tiền'],
      ['FORMULA_ERROR', 'NSTW!D4: Công thức =1/0 cho kết quả lỗi #DIV/0!'],
      ['WRONG_CELL_TYPE', 'NSTW!B5: "=A1*2" là công thức chưa có kết quả, không phải là số tiền'],
      ['NOT_AN_AMOUNT', 'NSTW!C5: "một trăm" không phải là số tiền'],
    ]);
  });

  it('unknown communes with suggestions, and ambiguous names', async () => {
    await withTwinCommune(app, planId, 'Bảo Sơn', '99001', async () => {
      const problems = await problemsOf([
        ['Luc Sonn', 1, 0, 0],
        ['Xã Không Có', 1, 0, 0],
        ['Bảo Sơn', 1, 0, 0],
      ]);
      expect(problems[0]).toEqual([
        'UNKNOWN_COMMUNE',
        'NSTW!A3: Không tìm thấy xã "Luc Sonn"; có phải: Lục Sơn?',
      ]);
      expect(problems[1]).toEqual(['UNKNOWN_COMMUNE', 'NSTW!A4: Không tìm thấy xã "Xã Không Có"']);
      expect(problems[2]![0]).toBe('AMBIGUOUS_COMMUNE');
      expect(problems[2]![1]).toMatch(
        /^NSTW!A5: Tên xã "Bảo Sơn" trùng với nhiều xã: Bảo Sơn \(\d+\), Bảo Sơn \(99001\); hãy ghi mã xã$/,
      );
      const english = await problemsOf([['Luc Sonn', 1, 0, 0]], undefined, 'en');
      expect(english[0]).toEqual([
        'UNKNOWN_COMMUNE',
        'NSTW!A3: Commune "Luc Sonn" not found; did you mean: Lục Sơn?',
      ]);
    });
  });

  it('empty sheets, files that are not spreadsheets, zip bombs and files over the limit', async () => {
    const before = await dbState();
    const empty = await preview(await sheetFile([]));
    expect(empty.problems.map((p: any) => p.message)).toEqual([
      'Không tìm thấy trang tính nào có xã theo hàng và tiêu chí theo cột',
    ]);
    const notSheet = await upload(
      app,
      PREVIEW,
      { planId },
      { name: 'photo.xlsx', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]) },
    );
    expect(notSheet.body.data.previewImport).toMatchObject({ code: 'NOT_A_SPREADSHEET' });
    expect(notSheet.body.data.previewImport.message).toContain('không phải là bảng tính');

    // A zip whose one entry declares 100 bytes but inflates to 50 MB.
    const bomb = zipWithOneEntry('xl/worksheets/sheet1.xml', Buffer.alloc(50 * 1024 * 1024), 100);
    const bombed = await upload(app, PREVIEW, { planId }, { name: 'bomb.xlsx', data: bomb });
    expect(bombed.body.data.previewImport).toMatchObject({ code: 'SPREADSHEET_TOO_COMPLEX' });
    const honestBomb = zipWithOneEntry('xl/worksheets/sheet1.xml', Buffer.alloc(200 * 1024 * 1024));
    const honest = await upload(app, PREVIEW, { planId }, { name: 'bomb.xlsx', data: honestBomb });
    expect(honest.body.data.previewImport).toMatchObject({ code: 'SPREADSHEET_TOO_COMPLEX' });

    const huge = await upload(
      app,
      PREVIEW,
      { planId },
      { name: 'huge.csv', data: Buffer.alloc(11 * 1024 * 1024, 'a') },
    );
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0].extensions.code).toBe('FILE_TOO_LARGE');
    expect(huge.body.errors[0].message).toMatch(/^Tệp quá lớn.*tối đa 10\.485\.760 byte$/);
    expect(await dbState()).toEqual(before);
  });

  it('keeps CSRF protection: an upload without a preflight header is refused', async () => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: PREVIEW, variables: { planId, file: null } }));
    form.set('map', JSON.stringify({ 0: ['variables.file'] }));
    form.set('0', new Blob(['a,b']), 'x.csv');
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', body: form });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]!.message).toMatch(/apollo-require-preflight/);
  });
});

/** A minimal zip (local header, data, central directory) with a declared size that may lie. */
function zipWithOneEntry(name: string, content: Buffer, declaredSize = content.length): Buffer {
  const packed = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + nameBytes.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, packed, central, nameBytes, end]);
}
