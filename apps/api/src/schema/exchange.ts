// Spreadsheet import over GraphQL: `previewImport` reads an uploaded .xlsx/.csv against a plan and
// lists every change and problem; `applyImport` writes exactly the previewed changes as one
// audited batch (origin "import"). Files travel as GraphQL multipart requests (the `Upload` scalar).
// Exports are plain downloads: GET /export/plan/<id>.xlsx (see docs/api.md).
import { localizeError } from '@ntm/domain';
import { GraphQLError } from 'graphql';
import { builder } from '../builder.ts';
import {
  applyImport,
  type ImportChange,
  type ImportPreview,
  previewImport,
} from '../exchange/import-plan.ts';
import type { ImportProblem, SheetReport } from '../exchange/read-plan-sheets.ts';
import { UploadedFile } from '../http/multipart.ts';
import type { SetAllocationsResult } from '../services/allocations.ts';
import { writes } from './access.ts';
import { batchMutationErrors, ErrorCodeEnum, mutationErrors } from './errors.ts';
import { decodeId, encodeId } from './ids.ts';
import { PlanRef } from './plan.ts';

builder.scalarType('Upload', {
  description:
    'A file sent with the request as a GraphQL multipart request (graphql-multipart-request-spec). ' +
    'Input only; the request needs an `apollo-require-preflight: true` header.',
  serialize: () => {
    throw new GraphQLError('Upload is an input type', { extensions: { code: 'INVALID_INPUT' } });
  },
  parseValue: (value) => {
    if (value instanceof UploadedFile) return value;
    throw new GraphQLError('Upload expects a file sent as a multipart request', {
      extensions: { code: 'INVALID_INPUT', params: { field: 'file' } },
    });
  },
});

const MoneyUnitEnum = builder.enumType('MoneyUnit', {
  values: {
    DONG: { value: 'dong', description: 'đồng' },
    NGHIN: { value: 'nghin', description: 'nghìn đồng (thousand)' },
    TRIEU: { value: 'trieu', description: 'triệu đồng (million)' },
    TY: { value: 'ty', description: 'tỷ đồng (billion)' },
  } as const,
});

const NumberLocaleEnum = builder.enumType('NumberLocale', {
  description: 'How numbers written as text use . and , ("1.500" is 1500 in VI, 1.5 in EN).',
  values: { VI: { value: 'vi' }, EN: { value: 'en' } } as const,
});

const ImportOptionsInput = builder.inputType('ImportOptionsInput', {
  fields: (t) => ({
    unit: t.field({
      type: MoneyUnitEnum,
      required: false,
      description: 'Unit of the amounts; by default read from header text ("triệu đồng"), else đồng.',
    }),
    sourceId: t.id({
      required: false,
      description: 'Funding source of sheets that do not name theirs (a single-source sheet).',
    }),
    numberLocale: t.field({
      type: NumberLocaleEnum,
      required: false,
      description: "Defaults to the request's language.",
    }),
    sheets: t.stringList({ required: false, description: 'Read only these sheets (by name).' }),
  }),
});

const ImportSheetRef = builder.objectRef<SheetReport>('ImportSheet').implement({
  description: 'How one sheet of the file was read.',
  fields: (t) => ({
    name: t.exposeString('name'),
    isRead: t.exposeBoolean('isRead'),
    skipReason: t.exposeString('skipReason', { nullable: true }),
    headerRow: t.exposeInt('headerRow', {
      nullable: true,
      description: 'The criteria header row (1-based).',
    }),
    unit: t.field({ type: MoneyUnitEnum, nullable: true, resolve: (s) => s.unit }),
    unitFrom: t.string({
      nullable: true,
      description: 'chosen, header (detected from the sheet) or default (đồng).',
      resolve: (s) => s.unitFrom,
    }),
    cellCount: t.exposeInt('cellCount'),
  }),
});

const ImportChangeRef = builder.objectRef<ImportChange>('ImportChange').implement({
  description: 'One cell the import would change.',
  fields: (t) => ({
    sheet: t.exposeString('sheet'),
    cell: t.exposeString('cell', { description: 'Address in the sheet, e.g. "F12".' }),
    communeId: t.id({ resolve: (c) => encodeId('Commune', c.communeId) }),
    communeName: t.exposeString('communeName'),
    criterionId: t.id({ resolve: (c) => encodeId('Criterion', c.criterionId) }),
    criterionNumber: t.exposeInt('criterionNumber'),
    sourceId: t.id({ resolve: (c) => encodeId('FundingSource', c.sourceId) }),
    sourceCode: t.exposeString('sourceCode'),
    oldAmount: t.field({ type: 'Money', resolve: (c) => c.oldAmount }),
    newAmount: t.field({ type: 'Money', resolve: (c) => c.newAmount }),
    version: t.exposeInt('version', {
      description: 'The cell version the preview read (0 = never written).',
    }),
  }),
});

const ImportProblemRef = builder.objectRef<ImportProblem>('ImportProblem').implement({
  description: 'Something in the file that cannot be imported as it is.',
  fields: (t) => ({
    sheet: t.exposeString('sheet', { nullable: true }),
    cell: t.exposeString('cell', { nullable: true }),
    code: t.field({ type: ErrorCodeEnum, resolve: (p) => p.error.code }),
    message: t.string({
      description: 'With the place first, e.g. `Sheet1!F12: "1.2.3" không phải là số tiền`.',
      resolve: (p, _a, ctx) => {
        const text = localizeError(p.error, ctx.locale);
        const place = p.sheet === null ? '' : p.cell === null ? `${p.sheet}: ` : `${p.sheet}!${p.cell}: `;
        return place + text;
      },
    }),
  }),
});

const ImportPreviewRef = builder.objectRef<ImportPreview>('ImportPreview').implement({
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    format: t.exposeString('format', { description: 'xlsx or csv.' }),
    sheets: t.field({ type: [ImportSheetRef], resolve: (p) => p.sheets }),
    changes: t.field({ type: [ImportChangeRef], resolve: (p) => p.changes }),
    changeCount: t.int({ resolve: (p) => p.changes.length }),
    unchangedCount: t.exposeInt('unchangedCount', { description: 'Cells read that already hold the value.' }),
    problems: t.field({ type: [ImportProblemRef], resolve: (p) => p.problems }),
    canApply: t.boolean({
      description: 'No problems: applyImport will take it.',
      resolve: (p) => p.problems.length === 0,
    }),
    totalBefore: t.field({ type: 'Money', resolve: (p) => p.totalBefore }),
    totalAfter: t.field({ type: 'Money', resolve: (p) => p.totalAfter }),
    token: t.exposeString('token', { description: 'Pass to applyImport with the same file and options.' }),
    plan: t.field({ type: PlanRef, resolve: async (p, _a, ctx) => (await ctx.loaders.plan.load(p.planId))! }),
  }),
});

const ApplyImportPayload = builder
  .objectRef<{ planId: number; preview: ImportPreview; result: SetAllocationsResult }>('ApplyImportPayload')
  .implement({
    fields: (t) => ({
      batchId: t.string({ description: 'The audit batch of the import.', resolve: (p) => p.result.batchId }),
      changedCount: t.int({ resolve: (p) => p.result.changedCount }),
      preview: t.field({ type: ImportPreviewRef, resolve: (p) => p.preview }),
      plan: t.field({
        type: PlanRef,
        resolve: async (p, _a, ctx) => (await ctx.loaders.plan.load(p.planId))!,
      }),
    }),
  });

function readOptions(
  options:
    | {
        unit?: string | null;
        sourceId?: string | number | null;
        numberLocale?: 'vi' | 'en' | null;
        sheets?: string[] | null;
      }
    | null
    | undefined,
  fallbackLocale: 'vi' | 'en',
) {
  return {
    unit: (options?.unit ?? undefined) as 'dong' | 'nghin' | 'trieu' | 'ty' | undefined,
    sourceId:
      options?.sourceId === null || options?.sourceId === undefined
        ? undefined
        : decodeId(String(options.sourceId), 'FundingSource', 'sourceId'),
    locale: options?.numberLocale ?? fallbackLocale,
    sheets: options?.sheets ?? undefined,
  };
}

builder.mutationFields((t) => ({
  previewImport: t.field({
    authScopes: writes<{ planId: string | number }>((args) => [{ plan: args.planId, field: 'planId' }]),
    type: ImportPreviewRef,
    description:
      'Reads an .xlsx or .csv against a plan without changing anything: every cell that would change ' +
      '(old → new) and every problem with its sheet and cell. Apply with applyImport.',
    errors: mutationErrors,
    args: {
      planId: t.arg.id({ required: true }),
      file: t.arg({ type: 'Upload', required: true }),
      options: t.arg({ type: ImportOptionsInput, required: false }),
    },
    resolve: async (_r, args, ctx) => {
      const planId = decodeId(String(args.planId), 'Plan', 'planId');
      const file = { name: args.file.name, data: args.file.data };
      return previewImport(ctx.db, planId, file, readOptions(args.options, ctx.locale));
    },
  }),
  applyImport: t.field({
    authScopes: writes<{ planId: string | number }>((args) => [{ plan: args.planId, field: 'planId' }]),
    type: ApplyImportPayload,
    description:
      'Writes the changes previewImport listed for this file, as one atomic, audited batch (origin import). ' +
      'A file with problems is refused (IMPORT_HAS_PROBLEMS); a cell changed since the preview is a ' +
      'VersionConflictError; in both cases nothing is written.',
    errors: batchMutationErrors,
    args: {
      planId: t.arg.id({ required: true }),
      file: t.arg({ type: 'Upload', required: true }),
      options: t.arg({ type: ImportOptionsInput, required: false }),
      previewToken: t.arg.string({ required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const planId = decodeId(String(args.planId), 'Plan', 'planId');
      const file = { name: args.file.name, data: args.file.data };
      const outcome = await applyImport(
        ctx,
        planId,
        file,
        readOptions(args.options, ctx.locale),
        args.previewToken,
      );
      return { planId, ...outcome };
    },
  }),
}));
