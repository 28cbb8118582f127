// The approval workflow end to end over HTTP: submit (needs the Program 135 consultations),
// return with a comment, resubmit, approve (confirms the plan's own caps), lock, open a
// revision; every step audited and published; every write path refused once submitted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
const ids: Record<string, string> = {};
const sources: Record<string, string> = {};

const step = (name: string, args = '') =>
  `mutation($id: ID!) { ${name}(planId: $id${args}) { __typename
    ... on PlanPayload { plan { id status version revision workflowActions previousRevision { id } } }
    ... on Error { code message } } }`;
const RECORD = `mutation($input: RecordConsultationInput!) { recordConsultation(input: $input) { __typename
  ... on ConsultationPayload { consultation { commune { name } heldOn outcome minutesRef version } plan { missingConsultations { id } } }
  ... on Error { code message } } }`;

async function run(name: string, planId: string, args = '') {
  return (await app.ok(step(name, args), { id: planId }))[name];
}

async function auditCount() {
  const row = await app.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  app = await startTestApp();
  const data = await app.ok(`{ plans { edges { node { id criteriaSet { criteria { id number } } } } }
    fundingSources { id code kind } communes(first: 60) { edges { node { id name isProgram135 } } } }`);
  const plan = data.plans.edges[0].node;
  ids.plan = plan.id;
  ids.criterion2 = plan.criteriaSet.criteria.find((c: any) => c.number === 2).id;
  for (const s of data.fundingSources) sources[s.code] = s.id;
  ids.districtSource = data.fundingSources.find((s: any) => s.kind === 'DISTRICT').id;
  const communes = data.communes.edges.map((e: any) => e.node);
  ids.p135 = communes.find((c: any) => c.isProgram135).id;
  ids.other = communes.find((c: any) => !c.isProgram135).id;
});
afterAll(() => app?.close());

describe('plan workflow', () => {
  it('refuses to submit while a Program 135 commune with money has no agreed consultation', async () => {
    const before = await auditCount();
    const refused = await run('submitPlan', ids.plan!);
    expect(refused.code).toBe('CONSULTATION_MISSING');
    const missing = await app.ok(
      `query($id: ID!) { plan(id: $id) { status missingConsultations { name } } }`,
      {
        id: ids.plan,
      },
    );
    expect(missing.plan.status).toBe('DRAFT');
    expect(missing.plan.missingConsultations.length).toBeGreaterThan(0);
    for (const commune of missing.plan.missingConsultations) expect(refused.message).toContain(commune.name);
    expect(await auditCount()).toBe(before);

    // A consultation the people did not agree to does not count; a non-P135 commune needs none.
    const first = missing.plan.missingConsultations.length;
    const notAgreed = await app.ok(RECORD, {
      input: {
        planId: ids.plan,
        communeId: ids.p135,
        heldOn: '2022-03-01',
        outcome: 'NOT_AGREED',
        minutesRef: 'BB 1',
      },
    });
    expect(notAgreed.recordConsultation.plan.missingConsultations).toHaveLength(first);
    const wrongCommune = await app.ok(RECORD, {
      input: {
        planId: ids.plan,
        communeId: ids.other,
        heldOn: '2022-03-01',
        outcome: 'AGREED',
        minutesRef: 'BB 1',
      },
    });
    expect(wrongCommune.recordConsultation.code).toBe('INVALID_CONSULTATION');
    const agreed = await app.ok(RECORD, {
      input: {
        planId: ids.plan,
        communeId: ids.p135,
        heldOn: '2022-03-02',
        outcome: 'AGREED_WITH_CHANGES',
        minutesRef: '  BB 2/2022 ',
        note: 'Ưu tiên đường thôn',
      },
    });
    expect(agreed.recordConsultation.consultation).toMatchObject({
      heldOn: '2022-03-02',
      outcome: 'AGREED_WITH_CHANGES',
      minutesRef: 'BB 2/2022',
      version: 2,
    });
    expect(agreed.recordConsultation.plan.missingConsultations).toHaveLength(first - 1);
    const audited = await app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'commune_consultation')
      .orderBy('id')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['insert', 'update']);
  });

  it('runs draft → submit → return → resubmit → approve → lock → revision, every step audited', async () => {
    await app.recordConsultations(ids.plan!);
    const edit = await app.ok(
      `mutation($i: SetAllocationsInput!) { setAllocations(input: $i) { __typename } }`,
      {
        i: {
          planId: ids.plan,
          cells: [
            { communeId: ids.other, criterionId: ids.criterion2, sourceId: sources.NSTW, amount: '7000000' },
          ],
        },
      },
    );
    expect(edit.setAllocations.__typename).toBe('SetAllocationsPayload');
    await app.ok(`mutation($i: SetFundingCapInput!) { setFundingCap(input: $i) { __typename } }`, {
      i: { planId: ids.plan, sourceId: ids.districtSource, amount: '5000000000', isConfirmed: false },
    });

    const submitted = await run('submitPlan', ids.plan!);
    expect(submitted.plan).toMatchObject({ status: 'SUBMITTED', workflowActions: ['APPROVE', 'RETURN'] });

    expect((await run('returnPlan', ids.plan!, ', comment: ""')).code).toBe('RETURN_COMMENT_REQUIRED');
    const returned = await run('returnPlan', ids.plan!, ', comment: "Giảm vốn xã Lục Sơn"');
    expect(returned.plan).toMatchObject({ status: 'DRAFT', workflowActions: ['SUBMIT'] });

    expect((await run('submitPlan', ids.plan!)).plan.status).toBe('SUBMITTED');
    const approved = await run('approvePlan', ids.plan!);
    expect(approved.plan).toMatchObject({ status: 'APPROVED', workflowActions: ['LOCK'] });
    const caps = await app.ok(
      `query($id: ID!) { plan(id: $id) { fundingCaps { isConfirmed source { kind } } } }`,
      {
        id: ids.plan,
      },
    );
    const own = caps.plan.fundingCaps.filter((c: any) => c.source.kind === 'DISTRICT');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((c: any) => c.isConfirmed)).toBe(true);
    const capAudit = await app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'funding_cap')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(capAudit.before?.['is_confirmed']).toBe(false);
    expect(capAudit.after?.['is_confirmed']).toBe(true);

    expect((await run('openPlanRevision', ids.plan!)).code).toBe('PLAN_NOT_LOCKED');
    const locked = await run('lockPlan', ids.plan!);
    expect(locked.plan).toMatchObject({ status: 'LOCKED', workflowActions: ['OPEN_REVISION'] });

    const history = await app.ok(
      `query($id: ID!) { plan(id: $id) { transitions { from to comment actor } } }`,
      {
        id: ids.plan,
      },
    );
    expect(history.plan.transitions).toEqual([
      { from: 'DRAFT', to: 'SUBMITTED', comment: null, actor: 'admin' },
      { from: 'SUBMITTED', to: 'DRAFT', comment: 'Giảm vốn xã Lục Sơn', actor: 'admin' },
      { from: 'DRAFT', to: 'SUBMITTED', comment: null, actor: 'admin' },
      { from: 'SUBMITTED', to: 'APPROVED', comment: null, actor: 'admin' },
      { from: 'APPROVED', to: 'LOCKED', comment: null, actor: 'admin' },
    ]);
    const transitionAudit = await app.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('entity', '=', 'plan_transition')
      .orderBy('id')
      .execute();
    expect(transitionAudit).toHaveLength(5);
    expect(transitionAudit[1]!.after?.['comment']).toBe('Giảm vốn xã Lục Sơn');

    const revision = await run('openPlanRevision', ids.plan!, ', name: "Điều chỉnh 2022"');
    expect(revision.plan).toMatchObject({ status: 'DRAFT', revision: locked.plan.revision + 1 });
    expect(revision.plan.previousRevision.id).toBe(ids.plan);
    ids.revision = revision.plan.id;
    const sums = async (planId: number) => {
      const cells = await app.db
        .selectFrom('allocation')
        .select((eb) => [eb.fn.sum<string>('amount').as('total'), eb.fn.countAll<string>().as('n')])
        .where('plan_id', '=', planId)
        .where('amount', '>', 0n)
        .executeTakeFirstOrThrow();
      const caps = await app.db
        .selectFrom('funding_cap')
        .select(['source_id', 'amount', 'is_confirmed'])
        .where('plan_id', '=', planId)
        .orderBy('source_id')
        .execute();
      const targets = await app.db
        .selectFrom('plan_commune')
        .select(['commune_id', 'is_target', 'deadline_year', 'priority'])
        .where('plan_id', '=', planId)
        .orderBy('commune_id')
        .execute();
      const consultations = await app.db
        .selectFrom('commune_consultation')
        .select(['commune_id', 'outcome', 'minutes_ref'])
        .where('plan_id', '=', planId)
        .orderBy('commune_id')
        .execute();
      return { total: cells.total, n: cells.n, caps, targets, consultations };
    };
    const decode = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);
    expect(await sums(decode(ids.revision!))).toEqual(await sums(decode(ids.plan!)));
    expect((await run('openPlanRevision', ids.plan!)).code).toBe('REVISION_EXISTS');
  });

  it('refuses every write to a plan that is not a draft with PLAN_LOCKED, writing nothing', async () => {
    const before = await auditCount();
    const p = ids.plan;
    const cell = { communeId: ids.other, criterionId: ids.criterion2, sourceId: sources.NSTW, amount: '1' };
    const writes: Array<[string, Record<string, unknown>]> = [
      [
        `mutation($i: SetAllocationsInput!) { setAllocations(input: $i) { __typename ... on Error { code } } }`,
        { i: { planId: p, cells: [cell] } },
      ],
      [
        `mutation($i: SetFundingCapInput!) { setFundingCap(input: $i) { __typename ... on Error { code } } }`,
        { i: { planId: p, sourceId: sources.NSTW, amount: '1', isConfirmed: true } },
      ],
      [
        `mutation($p: ID!, $c: ID!) { setPlanTargets(planId: $p, targets: [{ communeId: $c, isTarget: false }]) { __typename ... on Error { code } } }`,
        { p, c: ids.other },
      ],
      [
        `mutation($i: UpdatePlanInput!) { updatePlan(input: $i) { __typename ... on Error { code } } }`,
        { i: { planId: p, name: 'Đổi tên' } },
      ],
      [
        RECORD.replace('__typename', '__typename ... on Error { code }'),
        {
          input: { planId: p, communeId: ids.p135, heldOn: '2022-03-01', outcome: 'AGREED', minutesRef: 'x' },
        },
      ],
    ];
    for (const [query, variables] of writes) {
      const data = await app.ok(query, variables);
      const payload = Object.values(data)[0] as { code?: string };
      expect(payload.code, query).toBe('PLAN_LOCKED');
    }
    // Reverting an earlier change of the locked plan is a write too.
    const entry = await app.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', 'allocation')
      .where('plan_id', '=', Number(Buffer.from(p!, 'base64').toString().split(':')[1]))
      .executeTakeFirstOrThrow();
    const auditId = Buffer.from(`AuditEntry:${entry.id}`).toString('base64');
    const reverted = await app.ok(
      `mutation($i: RevertChangeInput!) { revertChange(input: $i) { __typename ... on Error { code } } }`,
      { i: { auditId } },
    );
    expect(reverted.revertChange.code).toBe('PLAN_LOCKED');
    for (const name of ['submitPlan', 'approvePlan', 'lockPlan']) {
      expect((await run(name, p!)).code).toBe('INVALID_STATUS_TRANSITION');
    }
    expect(await auditCount()).toBe(before);
  });
});
