// The audit trail over GraphQL: the `auditLog` connection (newest first), a cell's history for
// the grid's popover, and `revertChange`, which undoes one audited change or a whole batch.
import type { AuditAction, AuditEntity, AuditLog, AuditOrigin } from '@ntm/db';
import { DomainError } from '@ntm/domain';
import { resolveCursorConnection } from '@pothos/plugin-relay';
import { visible } from '../auth/scope.ts';
import { builder } from '../builder.ts';
import { type RevertConflict, RevertConflictError, revertChange } from '../services/revert.ts';
import { allowed, writes } from './access.ts';
import { CriterionRef } from './criteria.ts';
import { ErrorInterface } from './errors.ts';
import { FundingSourceRef } from './funding.ts';
import { CommuneRef, DistrictRef } from './geography.ts';
import { decodeId, encodeId, tryDecodeId } from './ids.ts';
import { PlanRef } from './plan.ts';

export const AuditEntryRef = builder.objectRef<AuditLog>('AuditEntry');
const AuditValuesRef = builder.objectRef<Record<string, unknown>>('AuditValues');

export const AuditOriginEnum = builder.enumType('AuditOrigin', {
  description: 'Where a change came from.',
  values: {
    GRID: { value: 'grid' },
    API: { value: 'api' },
    IMPORT: { value: 'import' },
    OPTIMIZER: { value: 'optimizer' },
    SYSTEM: { value: 'system' },
    SEED: { value: 'seed' },
  } as const satisfies Record<string, { value: AuditOrigin }>,
});

const AuditEntityEnum = builder.enumType('AuditEntity', {
  description: 'What kind of thing changed.',
  values: {
    PLAN: { value: 'plan' },
    PLAN_COMMUNE: { value: 'plan_commune', description: "A commune's target in a plan." },
    ALLOCATION: { value: 'allocation', description: 'A cell of the grid.' },
    FUNDING_CAP: { value: 'funding_cap' },
    CRITERION_STATUS: { value: 'criterion_status' },
    DISTRICT_CRITERION_STATUS: { value: 'district_criterion_status' },
    PROJECT: { value: 'project' },
    PLAN_SNAPSHOT: { value: 'plan_snapshot', description: 'A named version of a plan was taken.' },
    PLAN_TRANSITION: {
      value: 'plan_transition',
      description: 'A step of the approval workflow (submit, approve, return with a comment, lock).',
    },
    COMMUNE_CONSULTATION: {
      value: 'commune_consultation',
      description: 'The record of the public consultation in a Program 135 commune.',
    },
    USER: {
      value: 'app_user',
      description: 'An account was created or changed (role, scope, password). Admins only.',
    },
    SESSION: { value: 'user_session', description: 'A sign-in session was ended. Admins only.' },
    API_TOKEN: {
      value: 'api_token',
      description: 'An API token was created or revoked (never its secret). Admins only.',
    },
  } as const satisfies Record<string, { value: AuditEntity; description?: string }>,
});

const AuditActionEnum = builder.enumType('AuditAction', {
  values: {
    INSERT: { value: 'insert' },
    UPDATE: { value: 'update' },
    DELETE: { value: 'delete' },
  } as const satisfies Record<string, { value: AuditAction }>,
});

const str = (v: unknown) => (typeof v === 'string' ? v : null);

builder.objectType(AuditValuesRef, {
  description:
    'The state of the changed thing before or after the change. The common fields are typed; `json` has all of it.',
  fields: (t) => ({
    amount: t.field({
      type: 'Money',
      nullable: true,
      description: 'Allocation or cap amount.',
      resolve: (v) => {
        const amount = v['amount'] ?? v['estimated_cost'];
        return typeof amount === 'string' || typeof amount === 'number' ? BigInt(amount) : null;
      },
    }),
    version: t.int({
      nullable: true,
      description: 'The version of the row; a revert or an edit based on it must match.',
      resolve: (v) => (typeof v['version'] === 'number' ? v['version'] : null),
    }),
    isConfirmed: t.boolean({
      nullable: true,
      resolve: (v) => (typeof v['is_confirmed'] === 'boolean' ? v['is_confirmed'] : null),
    }),
    isMet: t.boolean({
      nullable: true,
      resolve: (v) => (typeof v['is_met'] === 'boolean' ? v['is_met'] : null),
    }),
    status: t.string({
      nullable: true,
      description: 'Plan or project status.',
      resolve: (v) => str(v['status']),
    }),
    name: t.string({ nullable: true, resolve: (v) => str(v['name']) }),
    note: t.string({ nullable: true, resolve: (v) => str(v['note']) }),
    revertOf: t.id({
      nullable: true,
      description: 'When this change reverted another: the reverted audit entry.',
      resolve: (v) => {
        const id = str(v['revertOf']);
        return id && /^\d{1,9}$/.test(id) ? encodeId('AuditEntry', Number(id)) : null;
      },
    }),
    json: t.string({
      description: 'Every recorded field, as a JSON object (money as digit strings).',
      resolve: (v) => JSON.stringify(v),
    }),
  }),
});

builder.node(AuditEntryRef, {
  id: { resolve: (a) => String(a.id) },
  description: 'One recorded change: who, when, from where, and the values before and after.',
  loadMany: async (ids, ctx) => {
    const numeric = ids.filter((id) => /^\d{1,9}$/.test(id)).map((id) => BigInt(id));
    const rows = numeric.length
      ? await ctx.db
          .selectFrom('audit_log')
          .selectAll()
          .where('id', 'in', numeric)
          .where(visible.auditEntry(ctx.principal))
          .execute()
      : [];
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    return ids.map((id) => byId.get(id) ?? null);
  },
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.exposeString('actor'),
    requestId: t.exposeString('request_id', { nullable: true }),
    batchId: t.exposeString('batch_id', {
      nullable: true,
      description: 'Changes saved together share it; `revertChange(batchId)` undoes them together.',
    }),
    origin: t.field({ type: AuditOriginEnum, resolve: (a) => a.origin }),
    entity: t.field({ type: AuditEntityEnum, resolve: (a) => a.entity }),
    action: t.field({ type: AuditActionEnum, resolve: (a) => a.action }),
    entityKey: t.exposeString('entity_key', {
      description: 'The changed row’s key, e.g. plan:commune:criterion:source.',
    }),
    plan: t.field({
      type: PlanRef,
      nullable: true,
      resolve: (a, _x, ctx) => (a.plan_id === null ? null : ctx.loaders.plan.load(a.plan_id)),
    }),
    commune: t.field({
      type: CommuneRef,
      nullable: true,
      resolve: (a, _x, ctx) => (a.commune_id === null ? null : ctx.loaders.commune.load(a.commune_id)),
    }),
    criterion: t.field({
      type: CriterionRef,
      nullable: true,
      resolve: (a, _x, ctx) => (a.criterion_id === null ? null : ctx.loaders.criterion.load(a.criterion_id)),
    }),
    source: t.field({
      type: FundingSourceRef,
      nullable: true,
      resolve: (a, _x, ctx) => (a.source_id === null ? null : ctx.loaders.fundingSource.load(a.source_id)),
    }),
    before: t.field({ type: AuditValuesRef, nullable: true, resolve: (a) => a.before }),
    after: t.field({ type: AuditValuesRef, nullable: true, resolve: (a) => a.after }),
  }),
});

const AuditLogFilter = builder.inputType('AuditLogFilter', {
  fields: (t) => ({
    planId: t.id({ required: false }),
    communeId: t.id({ required: false }),
    criterionId: t.id({ required: false }),
    sourceId: t.id({ required: false }),
    actor: t.string({ required: false }),
    entity: t.field({ type: AuditEntityEnum, required: false }),
    from: t.field({ type: 'DateTime', required: false, description: 'Changes at or after this time.' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Changes before this time.' }),
    batchId: t.string({ required: false }),
  }),
});

/** Audit cursors are the entry's numeric id; anything else pages from the start. */
function cursorId(cursor: string): bigint {
  return /^\d{1,18}$/.test(cursor) ? BigInt(cursor) : 0n;
}

builder.queryFields((t) => ({
  auditLog: t.connection({
    authScopes: allowed,
    type: AuditEntryRef,
    description:
      'Every recorded change, newest first (keyset paging on the entry id, so pages stay stable while changes arrive). ' +
      'An ID filter of the wrong type matches nothing.',
    args: { filter: t.arg({ type: AuditLogFilter, required: false }) },
    resolve: (_r, args, ctx) => {
      const f = args.filter ?? {};
      return resolveCursorConnection<Promise<AuditLog[]>>(
        { args, toCursor: (row) => String(row.id), defaultSize: 50, maxSize: 500 },
        ({ after, before, limit, inverted }) => {
          let query = ctx.db
            .selectFrom('audit_log')
            .selectAll()
            .where(visible.auditEntry(ctx.principal))
            .orderBy('id', inverted ? 'asc' : 'desc')
            .limit(limit);
          const ids = [
            ['plan_id', f.planId, 'Plan'],
            ['commune_id', f.communeId, 'Commune'],
            ['criterion_id', f.criterionId, 'Criterion'],
            ['source_id', f.sourceId, 'FundingSource'],
          ] as const;
          for (const [column, id, type] of ids) {
            if (id !== null && id !== undefined)
              query = query.where(column, '=', tryDecodeId(String(id), type) ?? -1);
          }
          if (f.actor) query = query.where('actor', '=', f.actor);
          if (f.entity) query = query.where('entity', '=', f.entity);
          if (f.batchId) query = query.where('batch_id', '=', f.batchId);
          if (f.from) query = query.where('at', '>=', f.from);
          if (f.to) query = query.where('at', '<', f.to);
          if (after) query = query.where('id', '<', cursorId(after));
          if (before) query = query.where('id', '>', cursorId(before));
          return query.execute();
        },
      );
    },
  }),
}));

builder.objectFields(PlanRef, (t) => ({
  cellHistory: t.field({
    type: [AuditEntryRef],
    description: "One grid cell's changes, newest first (for the cell-history popover).",
    args: {
      communeId: t.arg.id({ required: true }),
      criterionId: t.arg.id({ required: true }),
      sourceId: t.arg.id({ required: true }),
      first: t.arg.int({ required: false, defaultValue: 50, description: 'At most 500.' }),
    },
    resolve: (p, args, ctx) =>
      ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('plan_id', '=', p.id)
        .where('commune_id', '=', tryDecodeId(String(args.communeId), 'Commune') ?? -1)
        .where('criterion_id', '=', tryDecodeId(String(args.criterionId), 'Criterion') ?? -1)
        .where('source_id', '=', tryDecodeId(String(args.sourceId), 'FundingSource') ?? -1)
        .where('entity', '=', 'allocation')
        .orderBy('id', 'desc')
        .limit(Math.min(Math.max(args.first ?? 50, 1), 500))
        .execute(),
  }),
}));

// --- revertChange -------------------------------------------------------------------------------

const RevertConflictRef = builder.objectRef<RevertConflict>('RevertConflict').implement({
  description: 'A value that changed again after the change being reverted.',
  fields: (t) => ({
    entity: t.field({ type: AuditEntityEnum, resolve: (c) => c.entity }),
    communeId: t.id({
      nullable: true,
      resolve: (c) => (c.communeId === null ? null : encodeId('Commune', c.communeId)),
    }),
    districtId: t.id({
      nullable: true,
      resolve: (c) => (c.districtId === null ? null : encodeId('District', c.districtId)),
    }),
    criterionId: t.id({
      nullable: true,
      resolve: (c) => (c.criterionId === null ? null : encodeId('Criterion', c.criterionId)),
    }),
    sourceId: t.id({
      nullable: true,
      resolve: (c) => (c.sourceId === null ? null : encodeId('FundingSource', c.sourceId)),
    }),
    commune: t.field({
      type: CommuneRef,
      nullable: true,
      resolve: (c, _a, ctx) => (c.communeId === null ? null : ctx.loaders.commune.load(c.communeId)),
    }),
    district: t.field({
      type: DistrictRef,
      nullable: true,
      resolve: (c, _a, ctx) => (c.districtId === null ? null : ctx.loaders.district.load(c.districtId)),
    }),
    expectedVersion: t.exposeInt('expectedVersion', { description: 'The version the reverted change left.' }),
    currentVersion: t.exposeInt('currentVersion', { description: '0 when the row no longer exists.' }),
    currentAmount: t.expose('currentAmount', { type: 'Money', nullable: true }),
    changedBy: t.exposeString('changedBy', { nullable: true }),
    changedAt: t.expose('changedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.objectType(RevertConflictError, {
  name: 'RevertConflictError',
  description: 'Some values changed again since the change to revert; nothing was written.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof RevertConflictError,
  fields: (t) => ({
    conflicts: t.field({ type: [RevertConflictRef], resolve: (e) => e.conflicts }),
  }),
});

const RevertChangeInput = builder.inputType('RevertChangeInput', {
  description: 'Give exactly one: an audit entry, or a batch id (everything saved together).',
  fields: (t) => ({
    auditId: t.id({ required: false }),
    batchId: t.string({ required: false }),
  }),
});

const RevertChangePayload = builder
  .objectRef<{ batchId: string; planId: number | null; entries: AuditLog[] }>('RevertChangePayload')
  .implement({
    fields: (t) => ({
      batchId: t.exposeString('batchId', {
        description: 'The batch of the revert itself (revert it to redo).',
      }),
      revertedCount: t.int({ resolve: (p) => p.entries.length }),
      entries: t.field({
        type: [AuditEntryRef],
        description: 'The audit entries the revert wrote.',
        resolve: (p) => p.entries,
      }),
      plan: t.field({
        type: PlanRef,
        nullable: true,
        resolve: (p, _a, ctx) => (p.planId === null ? null : ctx.loaders.plan.load(p.planId)),
      }),
    }),
  });

builder.mutationFields((t) => ({
  revertChange: t.field({
    authScopes: writes<{ input: { auditId?: string | number | null; batchId?: string | null } }>(
      ({ input }) => [
        { auditEntry: input.auditId, field: 'auditId' },
        { batch: input.batchId, field: 'batchId' },
      ],
    ),
    type: RevertChangePayload,
    description:
      'Puts allocations, caps and criterion statuses back to their value before an audited change (or batch), ' +
      'checking each is still at the version that change left; otherwise RevertConflictError and nothing is written. ' +
      'Audited like any edit, with `after.revertOf` naming the reverted entry.',
    errors: { types: [RevertConflictError, DomainError] },
    args: { input: t.arg({ type: RevertChangeInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const hasAudit = input.auditId !== null && input.auditId !== undefined;
      const hasBatch = typeof input.batchId === 'string' && input.batchId !== '';
      if (hasAudit === hasBatch) throw new DomainError('INVALID_INPUT', { field: 'auditId' });
      return revertChange(
        ctx,
        hasAudit
          ? { auditId: decodeId(String(input.auditId), 'AuditEntry', 'auditId') }
          : { batchId: input.batchId! },
      );
    },
  }),
}));
