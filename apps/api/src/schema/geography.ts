// Administrative units: province → district (optional since 1/7/2025) → commune.
import {
  type Commune,
  type CommuneKind,
  type District,
  findCommunes,
  type Province,
  type RegionCode,
} from '@ntm/db';
import { visible } from '../auth/scope.ts';
import { builder } from '../builder.ts';
import { loadNodes } from '../loaders.ts';
import { allowed } from './access.ts';
import { resolveIdConnection } from './connection.ts';
import { tryDecodeId } from './ids.ts';

export const ProvinceRef = builder.objectRef<Province>('Province');
export const DistrictRef = builder.objectRef<District>('District');
export const CommuneRef = builder.objectRef<Commune>('Commune');

export const CommuneKindEnum = builder.enumType('CommuneKind', {
  values: {
    XA: { value: 'xa', description: 'Xã (rural commune)' },
    PHUONG: { value: 'phuong', description: 'Phường (urban ward)' },
    THI_TRAN: { value: 'thi_tran', description: 'Thị trấn (town)' },
  } as const satisfies Record<string, { value: CommuneKind; description: string }>,
});

export const RegionEnum = builder.enumType('Region', {
  description: 'The 7 socio-economic regions whose thresholds the criteria use.',
  values: {
    TDMNPB: { value: 'TDMNPB', description: 'Trung du miền núi phía Bắc' },
    DBSH: { value: 'DBSH', description: 'Đồng bằng sông Hồng' },
    BTB: { value: 'BTB', description: 'Bắc Trung Bộ' },
    DHNTB: { value: 'DHNTB', description: 'Duyên hải Nam Trung Bộ' },
    TN: { value: 'TN', description: 'Tây Nguyên' },
    DNB: { value: 'DNB', description: 'Đông Nam Bộ' },
    DBSCL: { value: 'DBSCL', description: 'Đồng bằng sông Cửu Long' },
  } as const satisfies Record<string, { value: RegionCode; description: string }>,
});

export const EthnicZoneEnum = builder.enumType('EthnicZone', {
  description: 'Ethnic-minority and mountain area zone (Khu vực I/II/III; III = đặc biệt khó khăn).',
  values: {
    ZONE_I: { value: 'I' },
    ZONE_II: { value: 'II' },
    ZONE_III: { value: 'III' },
  } as const,
});

export const ProgressRef = builder
  .objectRef<{
    met: number;
    total: number;
    reachesStandard: boolean;
    unmetCriterionIds: number[];
  }>('Progress')
  .implement({
    description:
      'How many criteria of a set are met. A unit reaches the standard iff every criterion is met.',
    fields: (t) => ({
      met: t.exposeInt('met'),
      total: t.exposeInt('total'),
      reachesStandard: t.exposeBoolean('reachesStandard'),
    }),
  });

builder.node(ProvinceRef, {
  id: { resolve: (p) => p.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.province, ids),
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    districts: t.field({
      type: [DistrictRef],
      resolve: (p, _a, ctx) =>
        ctx.db
          .selectFrom('district')
          .selectAll()
          .where('province_id', '=', p.id)
          .where(visible.district(ctx.principal))
          .orderBy('name')
          .execute(),
    }),
  }),
});

builder.node(DistrictRef, {
  id: { resolve: (d) => d.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.district, ids),
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    abolishedOn: t.expose('abolished_on', { type: 'Date', nullable: true }),
    province: t.field({
      type: ProvinceRef,
      resolve: (d, _a, ctx) => ctx.loaders.province.load(d.province_id).then(must),
    }),
  }),
});

builder.node(CommuneRef, {
  id: { resolve: (c) => c.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.commune, ids),
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Official administrative code.',
    }),
    name: t.exposeString('name'),
    kind: t.field({ type: CommuneKindEnum, resolve: (c) => c.kind }),
    region: t.field({ type: RegionEnum, resolve: (c) => c.region }),
    isProgram135: t.exposeBoolean('is_program135', {
      description: 'On the Program 135 list (Zone III, đặc biệt khó khăn).',
    }),
    ethnicZone: t.field({
      type: EthnicZoneEnum,
      nullable: true,
      resolve: (c) => c.ethnic_zone,
    }),
    isAtk: t.exposeBoolean('is_atk', {
      description: 'Safe-zone (an toàn khu) commune.',
    }),
    isBorder: t.exposeBoolean('is_border'),
    isIsland: t.exposeBoolean('is_island'),
    isIllustrative: t.exposeBoolean('is_illustrative', {
      description: 'True when some facts about this unit are illustrative demo data, not sourced.',
    }),
    note: t.exposeString('note', { nullable: true }),
    province: t.field({
      type: ProvinceRef,
      resolve: (c, _a, ctx) => ctx.loaders.province.load(c.province_id).then(must),
    }),
    district: t.field({
      type: DistrictRef,
      nullable: true,
      resolve: (c, _a, ctx) => (c.district_id === null ? null : ctx.loaders.district.load(c.district_id)),
    }),
  }),
});

function must<T>(value: T | null): T {
  if (value === null) throw new Error('Dangling reference');
  return value;
}

const CommuneFilter = builder.inputType('CommuneFilter', {
  fields: (t) => ({
    provinceId: t.id({ required: false }),
    districtId: t.id({ required: false }),
    program135: t.boolean({
      required: false,
      description: 'Only Program 135 communes (true) or only others (false).',
    }),
    targetedInPlanId: t.id({
      required: false,
      description: 'Only communes targeted to reach the standard in this plan.',
    }),
    search: t.string({
      required: false,
      description: 'Name search, case- and diacritic-insensitive: "luc son" finds "Lục Sơn".',
    }),
  }),
});

builder.queryFields((t) => ({
  provinces: t.field({
    authScopes: allowed,
    type: [ProvinceRef],
    resolve: (_r, _a, ctx) =>
      ctx.db
        .selectFrom('province')
        .selectAll()
        .where(visible.province(ctx.principal))
        .orderBy('name')
        .execute(),
  }),
  districts: t.field({
    authScopes: allowed,
    type: [DistrictRef],
    args: { provinceId: t.arg.id({ required: false }) },
    resolve: (_r, args, ctx) => {
      let query = ctx.db
        .selectFrom('district')
        .selectAll()
        .where(visible.district(ctx.principal))
        .orderBy('name');
      if (args.provinceId)
        query = query.where('province_id', '=', tryDecodeId(String(args.provinceId), 'Province') ?? -1);
      return query.execute();
    },
  }),
  communes: t.connection({
    authScopes: allowed,
    type: CommuneRef,
    args: { filter: t.arg({ type: CommuneFilter, required: false }) },
    resolve: (_r, args, ctx) => {
      const f = args.filter ?? {};
      const decode = (id: string | number | null | undefined, type: 'Province' | 'District' | 'Plan') =>
        id === null || id === undefined ? undefined : (tryDecodeId(String(id), type) ?? -1);
      return resolveIdConnection(args, (page) =>
        findCommunes(
          ctx.db,
          {
            provinceId: decode(f.provinceId, 'Province'),
            districtId: decode(f.districtId, 'District'),
            targetedInPlanId: decode(f.targetedInPlanId, 'Plan'),
            isProgram135: typeof f.program135 === 'boolean' ? f.program135 : undefined,
            search: f.search ?? undefined,
            inScope: visible.commune(ctx.principal),
          },
          page,
        ),
      );
    },
  }),
}));
