// Funding sources (data, with eligibility rules) and each plan's cap per source.
import type { FundingCap, FundingSource, FundingSourceKind } from '@ntm/db';
import { describeEligibility, type Eligibility } from '@ntm/domain';
import { builder } from '../builder.ts';
import { loadNodes } from '../loaders.ts';
import { setFundingCap } from '../services/funding.ts';
import { allowed, writes } from './access.ts';
import { mutationErrors } from './errors.ts';
import { decodeId } from './ids.ts';
import { PlanRef } from './plan.ts';

export const FundingSourceRef = builder.objectRef<FundingSource>('FundingSource');
const FundingCapRef = builder.objectRef<FundingCap>('FundingCap');

const FundingSourceKindEnum = builder.enumType('FundingSourceKind', {
  values: {
    CENTRAL: { value: 'central' },
    PROVINCE: { value: 'province' },
    DISTRICT: { value: 'district' },
    COMMUNE: { value: 'commune' },
    PROGRAM: {
      value: 'program',
      description: 'Program 135 / ethnic-minority program money.',
    },
    INTEGRATED: {
      value: 'integrated',
      description: 'Vốn lồng ghép from other programs.',
    },
    CREDIT: { value: 'credit' },
    ENTERPRISE: { value: 'enterprise' },
    COMMUNITY: { value: 'community', description: "People's contributions." },
  } as const satisfies Record<string, { value: FundingSourceKind; description?: string }>,
});

builder.node(FundingSourceRef, {
  id: { resolve: (s) => s.id },
  loadMany: (ids, ctx) => loadNodes(ctx.loaders.fundingSource, ids),
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({
      resolve: (s, _a, ctx) => (ctx.locale === 'en' ? s.name_en : s.name_vi),
    }),
    nameVi: t.exposeString('name_vi'),
    nameEn: t.exposeString('name_en'),
    kind: t.field({ type: FundingSourceKindEnum, resolve: (s) => s.kind }),
    position: t.exposeInt('position'),
    needsCouncilApproval: t.exposeBoolean('needs_council_approval', {
      description: "Money from this source only counts once the People's Council (HĐND) approves it.",
    }),
    eligibility: t.string({
      description: 'Which communes may receive this money, in words ("everyone" when unrestricted).',
      resolve: (s, _a, ctx) => describeEligibility(s.eligibility as Eligibility, ctx.locale),
    }),
    eligibleCommuneFlags: t.stringList({
      description: 'Machine form of the rule: the commune must have one of these flags (empty = any).',
      resolve: (s) => s.eligibility.communeFlags ?? [],
    }),
  }),
});

builder.objectType(FundingCapRef, {
  description: 'How much a plan may commit from one source, and whether that money is confirmed.',
  fields: (t) => ({
    source: t.field({
      type: FundingSourceRef,
      resolve: async (c, _a, ctx) => (await ctx.loaders.fundingSource.load(c.source_id))!,
    }),
    amount: t.expose('amount', { type: 'Money' }),
    isConfirmed: t.exposeBoolean('is_confirmed', {
      description:
        'Confirmed (e.g. approved by HĐND) rather than only expected. Only confirmed money is safe to commit.',
    }),
    note: t.exposeString('note', { nullable: true }),
    version: t.exposeInt('version'),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
  }),
});

builder.objectFields(PlanRef, (t) => ({
  fundingCaps: t.field({
    type: [FundingCapRef],
    resolve: (p, _a, ctx) =>
      ctx.db
        .selectFrom('funding_cap')
        .innerJoin('funding_source', 'funding_source.id', 'funding_cap.source_id')
        .selectAll('funding_cap')
        .where('plan_id', '=', p.id)
        .orderBy('funding_source.position')
        .execute(),
  }),
}));

builder.queryFields((t) => ({
  fundingSources: t.field({
    authScopes: allowed,
    type: [FundingSourceRef],
    resolve: (_r, _a, ctx) => ctx.loaders.allFundingSources.load('all'),
  }),
}));

const SetFundingCapInput = builder.inputType('SetFundingCapInput', {
  fields: (t) => ({
    planId: t.id({ required: true }),
    sourceId: t.id({ required: true }),
    amount: t.field({ type: 'Money', required: true }),
    isConfirmed: t.boolean({ required: true }),
    note: t.string({ required: false }),
  }),
});

const FundingCapPayload = builder.objectRef<{ cap: FundingCap }>('FundingCapPayload').implement({
  fields: (t) => ({
    cap: t.field({ type: FundingCapRef, resolve: (p) => p.cap }),
    plan: t.field({
      type: PlanRef,
      resolve: async (p, _a, ctx) => (await ctx.loaders.plan.load(p.cap.plan_id))!,
    }),
  }),
});

builder.mutationFields((t) => ({
  setFundingCap: t.field({
    authScopes: writes<{ input: { planId: string | number } }>(({ input }) => [
      { plan: input.planId, field: 'planId' },
    ]),
    type: FundingCapPayload,
    errors: mutationErrors,
    args: { input: t.arg({ type: SetFundingCapInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      cap: await setFundingCap(ctx, {
        planId: decodeId(String(input.planId), 'Plan', 'planId'),
        sourceId: decodeId(String(input.sourceId), 'FundingSource', 'sourceId'),
        amount: input.amount,
        isConfirmed: input.isConfirmed,
        note: input.note ?? null,
      }),
    }),
  }),
}));
