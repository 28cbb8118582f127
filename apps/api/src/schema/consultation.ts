// Public consultation records (lấy ý kiến nhân dân) of Program 135 communes in a plan: the
// record type, the plan's list of them, of the communes still missing one and of those the caller
// may record, and the mutation that records (or corrects) one.
import type { CommuneConsultation, ConsultationOutcome } from '@ntm/db';
import { isPlanWritable } from '@ntm/domain';
import { isAllowed } from '../auth/rules.ts';
import { canWrite, canWritePlan } from '../auth/scope.ts';
import { builder } from '../builder.ts';
import { recordConsultation } from '../services/consultations.ts';
import { findMissingConsultations } from '../services/plan-workflow.ts';
import { writes } from './access.ts';
import { mutationErrors } from './errors.ts';
import { CommuneRef } from './geography.ts';
import { decodeId } from './ids.ts';
import { PlanRef } from './plan.ts';

const ConsultationOutcomeEnum = builder.enumType('ConsultationOutcome', {
  description: 'What the people of the commune decided.',
  values: {
    AGREED: { value: 'agreed', description: 'Đồng thuận' },
    AGREED_WITH_CHANGES: { value: 'agreed_with_changes', description: 'Đồng thuận có điều chỉnh' },
    NOT_AGREED: { value: 'not_agreed', description: 'Không đồng thuận: the plan cannot be submitted' },
  } as const satisfies Record<string, { value: ConsultationOutcome; description: string }>,
});

const CommuneConsultationRef = builder.objectRef<CommuneConsultation>('CommuneConsultation').implement({
  description: 'The public consultation held in a Program 135 commune for a plan.',
  fields: (t) => ({
    commune: t.field({
      type: CommuneRef,
      resolve: async (c, _a, ctx) => (await ctx.loaders.commune.load(c.commune_id))!,
    }),
    heldOn: t.expose('held_on', { type: 'Date' }),
    outcome: t.field({ type: ConsultationOutcomeEnum, resolve: (c) => c.outcome }),
    minutesRef: t.exposeString('minutes_ref', { description: 'Number/reference of the minutes (biên bản).' }),
    note: t.exposeString('note', { nullable: true }),
    version: t.exposeInt('version'),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
    updatedBy: t.exposeString('updated_by'),
  }),
});

builder.objectFields(PlanRef, (t) => ({
  consultations: t.field({
    type: [CommuneConsultationRef],
    description: 'The public consultation records of the plan’s Program 135 communes.',
    resolve: (p, _a, ctx) => ctx.loaders.consultationsByPlan.load(p.id),
  }),
  missingConsultations: t.field({
    type: [CommuneRef],
    description:
      'Program 135 communes with money in the plan and no agreed consultation: submitPlan is refused while any remain.',
    resolve: async (p, _a, ctx) => {
      const missing = await findMissingConsultations(ctx.db, p.id);
      return Promise.all(missing.map(async (c) => (await ctx.loaders.commune.load(c.id))!));
    },
  }),
  recordableConsultationCommunes: t.field({
    type: [CommuneRef],
    description:
      'The Program 135 communes whose consultation the caller may record (recordConsultation) now: a draft plan, a role allowed to, and the commune in its write scope (a commune officer: their own).',
    // The same checks recordConsultation makes, so the web app shows the form only where it works.
    resolve: async (p, _a, ctx) => {
      const principal = ctx.principal;
      if (!principal || !isPlanWritable(p.status)) return [];
      if (!isAllowed(principal, 'Mutation.recordConsultation')) return [];
      if (!(await canWritePlan(ctx.db, principal, p))) return [];
      const communes = await ctx.db
        .selectFrom('plan_commune')
        .innerJoin('commune', 'commune.id', 'plan_commune.commune_id')
        .select(['commune.id', 'commune.province_id', 'commune.district_id'])
        .where('plan_commune.plan_id', '=', p.id)
        .where('commune.is_program135', '=', true)
        .orderBy('commune.search_key')
        .execute();
      const writable = communes.filter((c) =>
        canWrite(principal.scope, { provinceId: c.province_id, districtId: c.district_id, communeId: c.id }),
      );
      return Promise.all(writable.map(async (c) => (await ctx.loaders.commune.load(c.id))!));
    },
  }),
}));

const RecordConsultationInput = builder.inputType('RecordConsultationInput', {
  fields: (t) => ({
    planId: t.id({ required: true }),
    communeId: t.id({ required: true, description: 'A Program 135 commune of the plan.' }),
    heldOn: t.field({ type: 'Date', required: true, description: 'The meeting day; not in the future.' }),
    outcome: t.field({ type: ConsultationOutcomeEnum, required: true }),
    minutesRef: t.string({ required: true, description: 'Reference of the minutes, e.g. "BB 12/2022".' }),
    note: t.string({ required: false }),
  }),
});

const ConsultationPayload = builder
  .objectRef<{ consultation: CommuneConsultation }>('ConsultationPayload')
  .implement({
    fields: (t) => ({
      consultation: t.field({ type: CommuneConsultationRef, resolve: (p) => p.consultation }),
      plan: t.field({
        type: PlanRef,
        resolve: async (p, _a, ctx) => (await ctx.loaders.plan.load(p.consultation.plan_id))!,
      }),
    }),
  });

builder.mutationFields((t) => ({
  recordConsultation: t.field({
    authScopes: writes<{ input: { planId: string | number; communeId: string | number } }>(({ input }) => [
      { plan: input.planId, field: 'planId' },
      { commune: input.communeId, field: 'communeId' },
    ]),
    type: ConsultationPayload,
    description:
      'Records (or corrects) the public consultation of a Program 135 commune in a draft plan. Audited.',
    errors: mutationErrors,
    args: { input: t.arg({ type: RecordConsultationInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      consultation: await recordConsultation(ctx, {
        planId: decodeId(String(input.planId), 'Plan', 'planId'),
        communeId: decodeId(String(input.communeId), 'Commune', 'communeId'),
        heldOn: input.heldOn,
        outcome: input.outcome,
        minutesRef: input.minutesRef,
        note: input.note ?? null,
      }),
    }),
  }),
}));
