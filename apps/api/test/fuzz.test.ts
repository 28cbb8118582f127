// Property-based fuzzing of mutation inputs: whatever the input, the answer is either a valid
// change or a typed error with a known code, never an internal error — and on an error the
// database is exactly as it was (every table hashed before and after).
import { ERROR_CODES } from '@ntm/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

let app: TestApp;
const pool = {
  plans: [] as string[],
  communes: [] as string[],
  criteria: [] as string[],
  sources: [] as string[],
};
/** Codes GraphQL itself gives a malformed variable (e.g. an Int over 2^31). */
const KNOWN = new Set<string>([...ERROR_CODES, 'BAD_USER_INPUT']);
const TABLES = [
  'plan',
  'plan_commune',
  'allocation',
  'funding_cap',
  'criterion_status',
  'district_criterion_status',
  'plan_transition',
  'commune_consultation',
  'audit_log',
] as const;

async function hashTables(): Promise<string> {
  const parts = [];
  for (const table of TABLES) {
    const { rows } = await sql<{ h: string }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.table(table)} t`.execute(
      app.db,
    );
    parts.push(`${table}:${rows[0]!.h}`);
  }
  return parts.join(',');
}

const id = (pick: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pick) },
    { weight: 1, arbitrary: fc.constantFrom('', 'bm9wZQ==', 'UGxhbjo5OTk5OTk=', 'Q29tbXVuZTotMQ==') },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
const amount = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 12n }).map(String),
  fc.constantFrom('-5', '1.5', '1e9', '9007199254740992', '', ' 1 000 ', 'một triệu', '0', '1.000.000'),
  fc.string({ maxLength: 10 }),
);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constant('x'.repeat(2100)), fc.constant('   '));

type Outcome = { typename: string; code?: string };

/** Runs one mutation; fails the property on an internal/unknown error or a write on error. */
async function check(query: string, variables: Record<string, unknown>, okTypes: string[]) {
  const before = await hashTables();
  const result = await app.gql(query, variables);
  const topLevel = result.errors?.[0];
  const payload = (Object.values(result.data ?? {})[0] ?? null) as {
    __typename: string;
    code?: string;
  } | null;
  const outcome: Outcome = topLevel
    ? { typename: 'error', code: String(topLevel.extensions?.['code']) }
    : { typename: payload!.__typename, code: payload!.code };
  if (okTypes.includes(outcome.typename)) {
    seen.changes++;
    return;
  }
  expect(KNOWN.has(String(outcome.code)), JSON.stringify(result)).toBe(true);
  expect(await hashTables(), `state changed on ${outcome.code}`).toBe(before);
  seen.errors++;
}

/** Both kinds of answer must occur, or the generators are not exploring. */
const seen = { changes: 0, errors: 0 };
function expectBothOutcomes() {
  expect(seen.changes).toBeGreaterThan(0);
  expect(seen.errors).toBeGreaterThan(0);
  seen.changes = 0;
  seen.errors = 0;
}

const RUNS = { numRuns: 25, seed: 20261127 };

beforeAll(async () => {
  app = await startTestApp();
  const data =
    await app.ok(`{ plans { edges { node { id criteriaSet { criteria { id } } districtCriteriaSet { criteria { id } } } } }
    fundingSources { id } communes(first: 40) { edges { node { id } } } }`);
  const plan = data.plans.edges[0].node;
  pool.criteria = [
    ...plan.criteriaSet.criteria.slice(0, 6).map((c: any) => c.id),
    ...plan.districtCriteriaSet.criteria.slice(0, 2).map((c: any) => c.id),
  ];
  pool.sources = data.fundingSources.map((s: any) => s.id);
  pool.communes = data.communes.edges.slice(0, 12).map((e: any) => e.node.id);
  // The demo plan (draft), and one more plan per status to move along the workflow.
  pool.plans = [plan.id];
  const create = `mutation($input: CreatePlanInput!) { createPlan(input: $input) { ... on PlanPayload { plan { id } } } }`;
  const district = await app.ok(`query($id: ID!) { plan(id: $id) { district { id } criteriaSet { id } } }`, {
    id: plan.id,
  });
  for (const steps of [
    [],
    ['submitPlan'],
    ['submitPlan', 'approvePlan'],
    ['submitPlan', 'approvePlan', 'lockPlan'],
  ]) {
    const created = await app.ok(create, {
      input: {
        name: `Kế hoạch thử ${steps.length}`,
        districtId: district.plan.district.id,
        periodStartYear: 2024,
        periodEndYear: 2025,
        criteriaSetId: district.plan.criteriaSet.id,
      },
    });
    const planId = created.createPlan.plan.id;
    for (const name of steps)
      await app.ok(`mutation($id: ID!) { ${name}(planId: $id) { __typename } }`, { id: planId });
    pool.plans.push(planId);
  }
});
afterAll(() => app?.close());

describe('mutation inputs, fuzzed', () => {
  it('setAllocations: a valid batch or a typed error that wrote nothing', async () => {
    const cell = fc.record(
      {
        communeId: id(pool.communes),
        criterionId: id(pool.criteria),
        sourceId: id(pool.sources),
        amount,
        expectedVersion: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant(2 ** 31)),
      },
      { requiredKeys: ['communeId', 'criterionId', 'sourceId', 'amount'] },
    );
    const input = fc.record({
      planId: id(pool.plans),
      cells: fc.array(cell, { maxLength: 5 }),
      conflictMode: fc.constantFrom('ALL_OR_NOTHING', 'APPLY_OTHERS'),
    });
    await fc.assert(
      fc.asyncProperty(input, (i) =>
        check(
          `mutation($i: SetAllocationsInput!) { setAllocations(input: $i) { __typename ... on Error { code } } }`,
          { i },
          ['SetAllocationsPayload'],
        ),
      ),
      RUNS,
    );
    expectBothOutcomes();
  });

  it('setFundingCap: a valid cap or a typed error that wrote nothing', async () => {
    const input = fc.record(
      {
        planId: id(pool.plans),
        sourceId: id(pool.sources),
        amount,
        isConfirmed: fc.boolean(),
        note: fc.option(text, { nil: undefined }),
      },
      { requiredKeys: ['planId', 'sourceId', 'amount', 'isConfirmed'] },
    );
    await fc.assert(
      fc.asyncProperty(input, (i) =>
        check(
          `mutation($i: SetFundingCapInput!) { setFundingCap(input: $i) { __typename ... on Error { code } } }`,
          { i },
          ['FundingCapPayload'],
        ),
      ),
      RUNS,
    );
    expectBothOutcomes();
  });

  it('setCriterionStatus: a valid status or a typed error that wrote nothing', async () => {
    const input = fc.record(
      {
        unitId: id(pool.communes),
        criterionId: id(pool.criteria),
        isMet: fc.boolean(),
        assessedOn: fc.oneof(
          fc.constantFrom('2022-06-30', '2022-02-30', '30/06/2022', '2999-01-01'),
          fc.string({ maxLength: 10 }),
        ),
        note: fc.option(text, { nil: undefined }),
      },
      { requiredKeys: ['unitId', 'criterionId', 'isMet'] },
    );
    await fc.assert(
      fc.asyncProperty(input, (i) =>
        check(
          `mutation($i: SetCriterionStatusInput!) { setCriterionStatus(input: $i) { __typename ... on Error { code } } }`,
          { i },
          ['CriterionStatusPayload'],
        ),
      ),
      RUNS,
    );
    expectBothOutcomes();
  });

  it('workflow steps and consultations: a valid move or a typed error that wrote nothing', async () => {
    const move = fc.record({
      step: fc.constantFrom('submitPlan', 'approvePlan', 'lockPlan', 'returnPlan', 'openPlanRevision'),
      planId: id(pool.plans),
      comment: text,
    });
    const consultation = fc.record({
      planId: id(pool.plans),
      communeId: id(pool.communes),
      heldOn: fc.constantFrom('2022-03-01', '2022-02-30', '2999-01-01', '2022-3-1'),
      outcome: fc.constantFrom('AGREED', 'AGREED_WITH_CHANGES', 'NOT_AGREED'),
      minutesRef: text,
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(move, consultation), async (input) => {
        if ('step' in input) {
          const args = input.step === 'openPlanRevision' ? ', name: $c' : ', comment: $c';
          const query = `mutation($id: ID!, $c: String!) { ${input.step}(planId: $id${args}) { __typename ... on Error { code } } }`;
          await check(query, { id: input.planId, c: input.comment }, ['PlanPayload']);
        } else {
          await check(
            `mutation($i: RecordConsultationInput!) { recordConsultation(input: $i) { __typename ... on Error { code } } }`,
            { i: input },
            ['ConsultationPayload'],
          );
        }
      }),
      { ...RUNS, numRuns: 40 },
    );
    expectBothOutcomes();
  });
});
