// Live updates through the real HTTP/WebSocket server: `planChanged` delivers committed changes
// made by other clients, never rolled-back or rejected ones, and stops when unsubscribed.

import { inTransaction } from '@ntm/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishPlanEvent } from '../src/events/plan-events.ts';
import { sessionHeaders } from './auth-session.ts';
import { startTestApp, type TestApp } from './harness.ts';
import { connectLive, type LiveClient, type LiveStream } from './live-client.ts';

let app: TestApp;
let live: LiveClient;
let stream: LiveStream;
const ids = {} as Record<'plan' | 'district' | 'criterion5' | 'districtCriterion5', string>;
const sources = {} as Record<'NS_HUYEN' | 'NS_TINH', string>;
let criteria: string[] = [];
let planCommunes: string[] = [];

const SET_ALLOCATIONS = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) {
  __typename
  ... on SetAllocationsPayload { batchId cells { communeId criterionId sourceId amount version changed } }
  ... on Error { code } } }`;

beforeAll(async () => {
  app = await startTestApp();
  const data = await app.ok(`{ plans { edges { node { id district { id }
      communes { commune { id name } }
      criteriaSet { criteria { id number } } districtCriteriaSet { criteria { id number } } } } }
    fundingSources { id code } }`);
  const plan = data.plans.edges[0].node;
  ids.plan = plan.id;
  ids.district = plan.district.id;
  criteria = plan.criteriaSet.criteria.map((c: any) => c.id);
  ids.criterion5 = plan.criteriaSet.criteria.find((c: any) => c.number === 5).id;
  ids.districtCriterion5 = plan.districtCriteriaSet.criteria.find((c: any) => c.number === 5).id;
  planCommunes = plan.communes.map((c: any) => c.commune.id);
  for (const s of data.fundingSources) sources[s.code as keyof typeof sources] = s.id;
  live = connectLive(app.url, { name: 'Phòng Tài chính' }, sessionHeaders());
  ({ stream } = await live.watchPlan(ids.plan));
});

afterAll(async () => {
  await live?.close();
  await app?.close();
});

describe('planChanged', () => {
  it('shows the subscriber in the viewers list with its name', async () => {
    const other = connectLive(app.url, {}, sessionHeaders());
    try {
      const { viewers } = await other.watchPlan(ids.plan);
      expect(viewers.viewers).toHaveLength(2);
      const you = viewers.viewers.find((v: any) => v.isYou);
      expect(you).toMatchObject({ name: null, actor: 'admin' });
      const them = viewers.viewers.find((v: any) => !v.isYou);
      expect(them).toMatchObject({ name: 'Phòng Tài chính', actor: 'admin' });
      // The first subscriber hears about the newcomer too.
      const joined = await stream.nextOf('ViewersChanged');
      expect(joined.viewers.map((v: any) => v.sessionId).sort()).toEqual(
        viewers.viewers.map((v: any) => v.sessionId).sort(),
      );
    } finally {
      await other.close();
    }
    const left = await stream.nextOf('ViewersChanged');
    expect(left.viewers).toHaveLength(1);
    expect(left.viewers[0]).toMatchObject({ isYou: true, name: 'Phòng Tài chính' });
  });

  it("delivers another client's setAllocations cells with value, version and author", async () => {
    const cell = { communeId: planCommunes[0], criterionId: criteria[1], sourceId: sources.NS_HUYEN };
    const result = await app.ok(SET_ALLOCATIONS, {
      input: { planId: ids.plan, cells: [{ ...cell, amount: '1250000000' }] },
    });
    const written = result.setAllocations;
    expect(written.__typename).toBe('SetAllocationsPayload');
    const event = await stream.nextOf('CellsChanged');
    expect(event).toMatchObject({
      planId: ids.plan,
      actor: 'admin',
      origin: 'API',
      batchId: written.batchId,
      cellCount: 1,
      cells: [{ ...cell, amount: '1250000000', version: written.cells[0].version }],
    });
  });

  it('announces a large batch by batch id and cell count only', async () => {
    const cells = criteria.slice(0, 9).flatMap((criterionId) =>
      planCommunes.slice(0, 6).map((communeId) => ({
        communeId,
        criterionId,
        sourceId: sources.NS_TINH,
        amount: '1000000',
      })),
    );
    expect(cells.length).toBeGreaterThan(40);
    const result = await app.ok(SET_ALLOCATIONS, { input: { planId: ids.plan, cells } });
    const event = await stream.nextOf('CellsChanged');
    expect(event).toMatchObject({
      batchId: result.setAllocations.batchId,
      cellCount: cells.length,
      cells: null,
    });
  });

  it('announces a batch sent in compact form like any other', async () => {
    const result = await app.ok(
      `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) {
        ... on SetAllocationsPayload { batchId versions } } }`,
      {
        input: {
          planId: ids.plan,
          grid: {
            communeIds: [planCommunes[2]],
            criterionIds: [criteria[3]],
            sourceIds: [sources.NS_HUYEN],
            communeIndex: [0],
            criterionIndex: [0],
            sourceIndex: [0],
            amounts: ['770000000'],
          },
        },
      },
    );
    expect(await stream.nextOf('CellsChanged')).toMatchObject({
      batchId: result.setAllocations.batchId,
      origin: 'API',
      cellCount: 1,
      cells: [
        {
          communeId: planCommunes[2],
          criterionId: criteria[3],
          sourceId: sources.NS_HUYEN,
          amount: '770000000',
          version: result.setAllocations.versions[0],
        },
      ],
    });
  });

  it('never delivers a rejected batch or a rolled-back transaction', async () => {
    const cell = { communeId: planCommunes[1], criterionId: criteria[2], sourceId: sources.NS_HUYEN };
    const rejected = await app.ok(SET_ALLOCATIONS, {
      // The second cell names a district criterion: CRITERION_NOT_IN_SET rejects the whole batch.
      input: {
        planId: ids.plan,
        cells: [
          { ...cell, amount: '5' },
          { ...cell, criterionId: ids.districtCriterion5, amount: '5' },
        ],
      },
    });
    expect(rejected.setAllocations.__typename).toBe('BatchRejectedError');
    const planId = Number(Buffer.from(ids.plan, 'base64').toString().split(':')[1]);
    await expect(
      inTransaction(app.db, async (trx) => {
        await publishPlanEvent(trx, {
          kind: 'plan',
          planId,
          actor: 'rolled-back',
          status: 'locked',
          version: 99,
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const accepted = await app.ok(SET_ALLOCATIONS, {
      input: { planId: ids.plan, cells: [{ ...cell, amount: '7000000' }] },
    });
    // Events arrive in commit order: the first one after the failures is the accepted batch.
    const event = await stream.next();
    expect(event).toMatchObject({ __typename: 'CellsChanged', batchId: accepted.setAllocations.batchId });
    expect(stream.pending()).toEqual([]);
  });

  it('delivers every kind of committed plan event, status changes by commune or district', async () => {
    const decode = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);
    const planId = decode(ids.plan);
    const districtId = decode(ids.district);
    const communeId = decode(planCommunes[0]!);
    const criterionId = decode(ids.criterion5);
    await inTransaction(app.db, async (trx) => {
      await publishPlanEvent(trx, {
        kind: 'cap',
        planId,
        actor: 'tester',
        sourceId: decode(sources.NS_HUYEN!),
        amount: '42',
        isConfirmed: false,
        version: 7,
      });
      // Statuses belong to communes and districts: they reach the plans covering them.
      const status = {
        kind: 'status',
        planId: null,
        actor: 'tester',
        criterionId,
        isMet: true,
        version: 3,
      } as const;
      await publishPlanEvent(trx, { ...status, communeId: 999_999, districtId: null });
      await publishPlanEvent(trx, { ...status, communeId, districtId: null });
      await publishPlanEvent(trx, { ...status, communeId: null, districtId: districtId + 1 });
      await publishPlanEvent(trx, { ...status, communeId: null, districtId });
      await publishPlanEvent(trx, {
        kind: 'plan',
        planId: planId + 1,
        actor: 'tester',
        status: 'locked',
        version: 1,
      });
      await publishPlanEvent(trx, { kind: 'plan', planId, actor: 'tester', status: 'submitted', version: 5 });
    });
    expect(await stream.next()).toMatchObject({ __typename: 'CapChanged', amount: '42', version: 7 });
    expect(await stream.next()).toMatchObject({
      __typename: 'CriterionStatusChanged',
      planId: ids.plan,
      communeId: planCommunes[0],
      districtId: null,
    });
    expect(await stream.next()).toMatchObject({
      __typename: 'CriterionStatusChanged',
      planId: ids.plan,
      communeId: null,
      districtId: ids.district,
    });
    expect(await stream.next()).toMatchObject({
      __typename: 'PlanStatusChanged',
      status: 'SUBMITTED',
      version: 5,
    });
    expect(stream.pending()).toEqual([]);
  });

  it('delivers setFundingCap, setCriterionStatus and workflow changes', async () => {
    await app.ok(`mutation($input: SetFundingCapInput!) { setFundingCap(input: $input) { __typename } }`, {
      input: { planId: ids.plan, sourceId: sources.NS_HUYEN, amount: '9000000000', isConfirmed: true },
    });
    expect(await stream.next()).toMatchObject({
      __typename: 'CapChanged',
      planId: ids.plan,
      sourceId: sources.NS_HUYEN,
      amount: '9000000000',
      isConfirmed: true,
      actor: 'admin',
    });

    const setStatus = `mutation($input: SetCriterionStatusInput!) { setCriterionStatus(input: $input) { __typename } }`;
    await app.ok(setStatus, { input: { unitId: planCommunes[0], criterionId: ids.criterion5, isMet: true } });
    expect(await stream.next()).toMatchObject({
      __typename: 'CriterionStatusChanged',
      communeId: planCommunes[0],
      criterionId: ids.criterion5,
      isMet: true,
    });
    await app.ok(setStatus, {
      input: { unitId: ids.district, criterionId: ids.districtCriterion5, isMet: true },
    });
    expect(await stream.next()).toMatchObject({
      __typename: 'CriterionStatusChanged',
      communeId: null,
      districtId: ids.district,
      criterionId: ids.districtCriterion5,
      isMet: true,
    });

    await app.recordConsultations(ids.plan);
    const submitted = await app.ok(
      `mutation($id: ID!) { submitPlan(planId: $id) { __typename ... on PlanPayload { plan { version } } } }`,
      { id: ids.plan },
    );
    expect(await stream.next()).toMatchObject({
      __typename: 'PlanStatusChanged',
      planId: ids.plan,
      status: 'SUBMITTED',
      version: submitted.submitPlan.plan.version,
    });
    await app.ok(`mutation($id: ID!) { returnPlan(planId: $id, comment: "Bổ sung") { __typename } }`, {
      id: ids.plan,
    });
    expect(await stream.next()).toMatchObject({ __typename: 'PlanStatusChanged', status: 'DRAFT' });
  });

  it('announces a reverted criterion status like any status change', async () => {
    const communeId = planCommunes[1]!;
    const numeric = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);
    const previous = await app.db
      .selectFrom('criterion_status')
      .select(['is_met', 'version'])
      .where('commune_id', '=', numeric(communeId))
      .where('criterion_id', '=', numeric(ids.criterion5))
      .executeTakeFirst();
    const setStatus = `mutation($input: SetCriterionStatusInput!) { setCriterionStatus(input: $input) { __typename } }`;
    await app.ok(setStatus, {
      input: { unitId: communeId, criterionId: ids.criterion5, isMet: !previous?.is_met },
    });
    const set = await stream.nextOf('CriterionStatusChanged');
    const change = await app.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', 'criterion_status')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const reverted = await app.ok(
      `mutation($input: RevertChangeInput!) { revertChange(input: $input) { __typename } }`,
      { input: { auditId: Buffer.from(`AuditEntry:${change.id}`).toString('base64') } },
    );
    expect(reverted.revertChange.__typename).toBe('RevertChangePayload');
    expect(await stream.nextOf('CriterionStatusChanged')).toMatchObject({
      planId: ids.plan,
      communeId,
      criterionId: ids.criterion5,
      // Back to the old status (a new version of it), or gone when the change had created it.
      isMet: previous?.is_met ?? false,
      version: previous ? set.version + 1 : 0,
    });
  });

  it('uses the connection locale for errors and refuses an unknown plan', async () => {
    const english = connectLive(app.url, { locale: 'en' }, sessionHeaders());
    try {
      const watch = english.watchPlan('not-a-plan-id');
      await expect(watch).rejects.toThrow(/UNKNOWN_PLAN/);
    } finally {
      await english.close();
    }
  });

  it('stops delivering after unsubscribe', async () => {
    const other = connectLive(app.url, { name: 'Xã Lục Sơn' }, sessionHeaders());
    try {
      const { stream: otherStream } = await other.watchPlan(ids.plan);
      await stream.nextOf('ViewersChanged');
      otherStream.unsubscribe();
      const left = await stream.nextOf('ViewersChanged');
      expect(left.viewers).toHaveLength(1);
      const cell = { communeId: planCommunes[2], criterionId: criteria[3], sourceId: sources.NS_HUYEN };
      const result = await app.ok(SET_ALLOCATIONS, {
        input: { planId: ids.plan, cells: [{ ...cell, amount: '3000000' }] },
      });
      // Once the still-subscribed stream has the change, the other would have had it too.
      expect(await stream.nextOf('CellsChanged')).toMatchObject({ batchId: result.setAllocations.batchId });
      expect(otherStream.pending()).toEqual([]);
      await expect(otherStream.next(200)).rejects.toThrow(/no event/);
    } finally {
      await other.close();
    }
  });
});
