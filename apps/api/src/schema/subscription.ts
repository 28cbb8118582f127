// Live updates: `planChanged(planId)` over graphql-ws. Events come from the plan event bus
// (events/plan-event-bus.ts), which receives every committed change from PostgreSQL NOTIFY.
// Event types expose IDs, not related objects: a subscription's context (and its loaders' cache)
// lives as long as the subscription, so nested objects would go stale.

import type { PlanStatus } from '@ntm/db';
import { GraphQLError } from 'graphql';
import { builder } from '../builder.ts';
import { findLiveSession } from '../events/live-session.ts';
import type { LiveEvent, PlanViewer } from '../events/plan-event-bus.ts';
import type { PlanEvent } from '../events/plan-events.ts';
import { allowed } from './access.ts';
import { AuditOriginEnum } from './audit.ts';
import { decodeId, encodeId, unknownIdError } from './ids.ts';
import { PlanStatusEnum } from './plan.ts';

type CellsEvent = Extract<PlanEvent, { kind: 'cells' }>;
type CellEvent = NonNullable<CellsEvent['cells']>[number];
type CapEvent = Extract<PlanEvent, { kind: 'cap' }>;
type StatusEvent = Extract<PlanEvent, { kind: 'status' }>;
type PlanStateEvent = Extract<PlanEvent, { kind: 'plan' }>;
type ViewersEvent = Extract<LiveEvent, { kind: 'viewers' }>;
type ResyncEvent = Extract<LiveEvent, { kind: 'resync' }>;

const ChangedCellRef = builder.objectRef<CellEvent>('ChangedCell');
const CellsChangedRef = builder.objectRef<CellsEvent>('CellsChanged');
const CapChangedRef = builder.objectRef<CapEvent>('CapChanged');
const CriterionStatusChangedRef = builder.objectRef<StatusEvent>('CriterionStatusChanged');
const PlanStatusChangedRef = builder.objectRef<PlanStateEvent>('PlanStatusChanged');
const PlanViewerRef = builder.objectRef<PlanViewer & { isYou: boolean }>('PlanViewer');
const ViewersChangedRef = builder.objectRef<ViewersEvent>('ViewersChanged');
const ResyncRequiredRef = builder.objectRef<ResyncEvent>('ResyncRequired');

builder.objectType(ChangedCellRef, {
  description: 'One allocation cell as the change left it.',
  fields: (t) => ({
    communeId: t.id({ resolve: (c) => encodeId('Commune', c.communeId) }),
    criterionId: t.id({ resolve: (c) => encodeId('Criterion', c.criterionId) }),
    sourceId: t.id({ resolve: (c) => encodeId('FundingSource', c.sourceId) }),
    amount: t.field({ type: 'Money', resolve: (c) => BigInt(c.amount) }),
    version: t.exposeInt('version'),
  }),
});

builder.objectType(CellsChangedRef, {
  description:
    'A committed allocation batch (setAllocations or any other writer). Small batches carry their cells; ' +
    'a large one (more than 40 cells) is announced by batchId and cellCount only, with `cells` null: ' +
    'refetch the plan grid, or read the batch from the audit log by its batchId.',
  fields: (t) => ({
    planId: t.id({ resolve: (e) => encodeId('Plan', e.planId) }),
    actor: t.exposeString('actor', { description: 'Who made the change.' }),
    origin: t.field({ type: AuditOriginEnum, resolve: (e) => e.origin }),
    batchId: t.exposeString('batchId', {
      description: 'The audit batch; equals SetAllocationsPayload.batchId.',
    }),
    cellCount: t.exposeInt('cellCount', { description: 'How many cells changed.' }),
    cells: t.field({
      type: [ChangedCellRef],
      nullable: true,
      description: 'The changed cells with their new amount and version; null for a large batch.',
      resolve: (e) => e.cells,
    }),
  }),
});

builder.objectType(CapChangedRef, {
  description: "A funding source's cap in the plan changed.",
  fields: (t) => ({
    planId: t.id({ resolve: (e) => encodeId('Plan', e.planId) }),
    actor: t.exposeString('actor'),
    sourceId: t.id({ resolve: (e) => encodeId('FundingSource', e.sourceId) }),
    amount: t.field({ type: 'Money', resolve: (e) => BigInt(e.amount) }),
    isConfirmed: t.exposeBoolean('isConfirmed'),
    version: t.exposeInt('version'),
  }),
});

builder.objectType(CriterionStatusChangedRef, {
  description:
    'Whether a commune of the plan (communeId) or the plan’s district (districtId, communeId null) meets a criterion changed.',
  fields: (t) => ({
    // The bus names the subscribed plan on status events that came without one.
    planId: t.id({ resolve: (e) => encodeId('Plan', e.planId ?? 0) }),
    actor: t.exposeString('actor'),
    communeId: t.id({
      nullable: true,
      resolve: (e) => (e.communeId === null ? null : encodeId('Commune', e.communeId)),
    }),
    districtId: t.id({
      nullable: true,
      resolve: (e) => (e.districtId === null ? null : encodeId('District', e.districtId)),
    }),
    criterionId: t.id({ resolve: (e) => encodeId('Criterion', e.criterionId) }),
    isMet: t.exposeBoolean('isMet'),
    version: t.exposeInt('version'),
  }),
});

builder.objectType(PlanStatusChangedRef, {
  description: 'The plan moved along draft → submitted → approved → locked (or back to draft).',
  fields: (t) => ({
    planId: t.id({ resolve: (e) => encodeId('Plan', e.planId) }),
    actor: t.exposeString('actor'),
    status: t.field({ type: PlanStatusEnum, resolve: (e) => e.status as PlanStatus }),
    version: t.exposeInt('version'),
  }),
});

builder.objectType(PlanViewerRef, {
  description: 'A live connection watching the plan, on any API process.',
  fields: (t) => ({
    sessionId: t.exposeString('sessionId', { description: 'One per WebSocket connection.' }),
    name: t.exposeString('name', {
      nullable: true,
      description: 'The display name the client gave in connectionParams `{ name }`.',
    }),
    actor: t.exposeString('actor', { description: "'anonymous' until accounts exist." }),
    since: t.field({ type: 'DateTime', resolve: (v) => v.since }),
    isYou: t.exposeBoolean('isYou', { description: "True for the receiving subscription's own connection." }),
  }),
});

builder.objectType(ViewersChangedRef, {
  description:
    'Who is in the plan now (the whole list, including you). Sent first on every subscription and ' +
    'whenever someone joins or leaves; a session that vanished without leaving drops out within 30 s.',
  fields: (t) => ({
    planId: t.id({ resolve: (e) => encodeId('Plan', e.planId) }),
    viewers: t.field({
      type: [PlanViewerRef],
      resolve: (e) => e.viewers.map((v) => ({ ...v, isYou: v.sessionId === e.sessionId })),
    }),
  }),
});

const ResyncReasonEnum = builder.enumType('ResyncReason', {
  values: {
    RECONNECTED: { value: 'reconnected', description: 'The server lost its database listener for a while.' },
    OVERFLOW: { value: 'overflow', description: 'The client fell too far behind the stream.' },
  } as const,
});

builder.objectType(ResyncRequiredRef, {
  description: 'Changes may have been missed: refetch the plan. The stream continues.',
  fields: (t) => ({
    planId: t.id({ resolve: (e) => encodeId('Plan', e.planId) }),
    reason: t.field({ type: ResyncReasonEnum, resolve: (e) => e.reason }),
  }),
});

const typeByKind = {
  cells: 'CellsChanged',
  cap: 'CapChanged',
  status: 'CriterionStatusChanged',
  plan: 'PlanStatusChanged',
  viewers: 'ViewersChanged',
  resync: 'ResyncRequired',
} as const satisfies Record<LiveEvent['kind'], string>;

const PlanChangeUnion = builder.unionType('PlanChange', {
  description: 'One thing that happened to a plan, delivered live. Switch on __typename.',
  types: [
    CellsChangedRef,
    CapChangedRef,
    CriterionStatusChangedRef,
    PlanStatusChangedRef,
    ViewersChangedRef,
    ResyncRequiredRef,
  ],
  resolveType: (event) => typeByKind[(event as LiveEvent).kind],
});

builder.subscriptionType({
  description: 'Live updates over WebSocket (graphql-ws protocol) at /graphql.',
});

builder.subscriptionField('planChanged', (t) =>
  t.field({
    authScopes: allowed,
    type: PlanChangeUnion,
    description:
      "Streams the plan's committed changes — cells, caps, criterion statuses of its communes and " +
      'district, plan status — as they are announced (right after each commit; changes made through ' +
      'different API processes may arrive in either order: each carries its version, keep the ' +
      'higher), plus who else is watching. Changes from every API ' +
      'process on the same database arrive; rolled-back writes never do. Send `{ name }` in ' +
      'connectionParams to be shown to others.',
    args: { planId: t.arg.id({ required: true }) },
    subscribe: async (_root, args, ctx) => {
      const live = findLiveSession(ctx);
      if (!live) {
        throw new GraphQLError('Subscriptions need the WebSocket endpoint (graphql-ws) at /graphql', {
          extensions: { code: 'LIVE_UPDATES_UNAVAILABLE' },
        });
      }
      const planId = decodeId(String(args.planId), 'Plan', 'planId');
      const plan = await ctx.loaders.plan.load(planId);
      if (!plan) throw unknownIdError('Plan', String(args.planId), 'planId');
      const communes = await ctx.db
        .selectFrom('plan_commune')
        .select('commune_id')
        .where('plan_id', '=', planId)
        .execute();
      return live.bus.subscribe(
        { id: planId, districtId: plan.district_id, communeIds: new Set(communes.map((c) => c.commune_id)) },
        live.session,
      );
    },
    resolve: (event) => event,
  }),
);
