// Cell writers of one plan run side by side (the plan row is only share-locked), so each cell's
// version check has to hold on its own under real concurrency. Always on real PostgreSQL (the
// server from NTM_TEST_DATABASE_URL, or the local one these machines always have): PGlite has one
// connection and never runs two transactions at once. A "blocker" is a transaction the test holds
// open on its own connection to put another writer exactly in the way. Two admins demoting each
// other at once are raced the same way: the system must keep one active admin.
import { type Database, seedDemo, seedReference } from '@ntm/db';
import { createTestDb, type TestDb } from '@ntm/db/testing';
import { type ControlledTransaction, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../src/auth/bootstrap-admin.ts';
import { createLogger } from '../src/logger.ts';
import { type App, createApp } from '../src/server.ts';
import { gqlAt } from './api-process.ts';
import { signIn, useSession } from './auth-session.ts';
import { recordMissingConsultations, TEST_ADMIN } from './harness.ts';

const serverUrl = process.env['NTM_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let database: TestDb;
let db: Kysely<Database>;
let app: App;
let url: string;
let planId: string;
let planNumber: number;
/** Cells of the plan no other test touches, handed out one by one. */
const freeCells: Array<{ communeId: string; criterionId: string; sourceId: string }> = [];

const SET_ALLOCATIONS = `mutation($input: SetAllocationsInput!) { setAllocations(input: $input) {
  __typename
  ... on SetAllocationsPayload { batchId changedCount cells { amount version changed }
    conflicts { currentVersion currentAmount expectedVersion } }
  ... on VersionConflictError { conflicts { currentVersion currentAmount expectedVersion changedBy } }
  ... on Error { code } } }`;

const gql = (query: string, variables: Record<string, unknown> = {}) => gqlAt(url, query, variables);

const save = (cells: unknown[], conflictMode = 'ALL_OR_NOTHING') =>
  gql(SET_ALLOCATIONS, { input: { planId, conflictMode, cells } }).then((d) => d.setAllocations);

const numeric = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);

function takeCell() {
  const cell = freeCells.shift();
  if (!cell) throw new Error('out of free cells');
  return cell;
}

/** Resolves once `count` statements of this test database wait for a lock (the writers are in the way). */
async function untilSomeoneWaits(count = 1) {
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
    if ((rows[0]?.n ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('nobody waited for the blocker');
}

/** A transaction that wrote the cell (amount 111, version 1) and is not committed yet. */
async function blockerInserting(cell: { communeId: string; criterionId: string; sourceId: string }) {
  const trx = await db.startTransaction().execute();
  await trx
    .insertInto('allocation')
    .values({
      plan_id: planNumber,
      commune_id: numeric(cell.communeId),
      criterion_id: numeric(cell.criterionId),
      source_id: numeric(cell.sourceId),
      amount: 111n,
      updated_by: 'blocker',
    })
    .execute();
  return trx;
}

async function auditRows(cell: { communeId: string; criterionId: string; sourceId: string }) {
  return db
    .selectFrom('audit_log')
    .select(['action', 'before', 'after'])
    .where('entity', '=', 'allocation')
    .where('plan_id', '=', planNumber)
    .where('commune_id', '=', numeric(cell.communeId))
    .where('criterion_id', '=', numeric(cell.criterionId))
    .where('source_id', '=', numeric(cell.sourceId))
    .orderBy('id')
    .execute();
}

beforeAll(async () => {
  database = await createTestDb({ serverUrl });
  db = database.db;
  await seedReference(db);
  await seedDemo(db);
  app = createApp({
    db,
    log: createLogger('silent'),
    webDist: '/nonexistent',
    ideEnabled: false,
    maxBodyBytes: 16 * 1024 * 1024,
    rateLimit: { perMinute: 0, burst: 1 },
    listen: database.listen,
  });
  url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  await ensureAdmin(db, TEST_ADMIN.password);
  await useSession(url);
  const data =
    await gql(`{ plans { edges { node { id communes { commune { id } } criteriaSet { criteria { id } } } } }
    fundingSources { id code } }`);
  const plan = data.plans.edges[0].node;
  planId = plan.id;
  planNumber = numeric(planId);
  // Sources every commune may use; cells the demo data left empty.
  const sources = data.fundingSources.filter((s: any) => ['NS_HUYEN', 'CONG_DONG'].includes(s.code));
  const stored = await db
    .selectFrom('allocation')
    .select(['commune_id', 'criterion_id', 'source_id'])
    .execute();
  const taken = new Set(stored.map((r) => `${r.commune_id}:${r.criterion_id}:${r.source_id}`));
  for (const c of plan.communes)
    for (const k of plan.criteriaSet.criteria)
      for (const s of sources) {
        const cell = { communeId: c.commune.id, criterionId: k.id, sourceId: s.id };
        if (!taken.has(`${numeric(cell.communeId)}:${numeric(cell.criterionId)}:${numeric(cell.sourceId)}`))
          freeCells.push(cell);
      }
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await database?.close();
});

describe('concurrent writers of one plan', () => {
  it('lets exactly one of two first writes of a cell with expectedVersion 0 win; the other is a conflict', async () => {
    for (let round = 0; round < 8; round++) {
      const cell = takeCell();
      const answers = await Promise.all(
        [1000, 2000].map((amount) => save([{ ...cell, amount: String(amount + round), expectedVersion: 0 }])),
      );
      const won = answers.filter((a) => a.__typename === 'SetAllocationsPayload');
      const lost = answers.filter((a) => a.__typename === 'VersionConflictError');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(won[0].cells[0]).toMatchObject({ version: 1, changed: true });
      expect(lost[0].conflicts[0]).toMatchObject({
        expectedVersion: 0,
        currentVersion: 1,
        currentAmount: won[0].cells[0].amount,
      });
      expect(await auditRows(cell)).toHaveLength(1);
    }
  });

  it('reports a conflict, not an overwrite, when another transaction inserts the cell while the write waits', async () => {
    const cell = takeCell();
    const blocker = await blockerInserting(cell);
    const pending = save([{ ...cell, amount: '500', expectedVersion: 0 }]);
    await untilSomeoneWaits();
    await blocker.commit().execute();
    const answer = await pending;
    expect(answer.__typename).toBe('VersionConflictError');
    expect(answer.conflicts).toEqual([
      { expectedVersion: 0, currentVersion: 1, currentAmount: '111', changedBy: 'blocker' },
    ]);
    expect(await auditRows(cell)).toHaveLength(0);
  });

  it('in APPLY_OTHERS, writes the other cells and reports the raced one', async () => {
    const raced = takeCell();
    const other = takeCell();
    const blocker = await blockerInserting(raced);
    const pending = save(
      [
        { ...other, amount: '7', expectedVersion: 0 },
        { ...raced, amount: '500', expectedVersion: 0 },
      ],
      'APPLY_OTHERS',
    );
    await untilSomeoneWaits();
    await blocker.commit().execute();
    const answer = await pending;
    expect(answer.__typename).toBe('SetAllocationsPayload');
    expect(answer.changedCount).toBe(1);
    expect(answer.cells).toEqual([{ amount: '7', version: 1, changed: true }]);
    expect(answer.conflicts).toEqual([{ expectedVersion: 0, currentVersion: 1, currentAmount: '111' }]);
  });

  it('in ALL_OR_NOTHING, undoes the cells already written when one turns out raced', async () => {
    const raced = takeCell();
    const other = takeCell();
    const blocker = await blockerInserting(raced);
    const pending = save([
      { ...other, amount: '7', expectedVersion: 0 },
      { ...raced, amount: '500', expectedVersion: 0 },
    ]);
    await untilSomeoneWaits();
    await blocker.commit().execute();
    const answer = await pending;
    expect(answer.__typename).toBe('VersionConflictError');
    expect(await auditRows(other)).toHaveLength(0);
    const stored = await db
      .selectFrom('allocation')
      .select('amount')
      .where('plan_id', '=', planNumber)
      .where('commune_id', '=', numeric(other.communeId))
      .where('criterion_id', '=', numeric(other.criterionId))
      .where('source_id', '=', numeric(other.sourceId))
      .execute();
    expect(stored).toEqual([]);
  });

  it('writes a deliberate overwrite on top of a concurrent insert, auditing it as an update of that value', async () => {
    const cell = takeCell();
    const blocker = await blockerInserting(cell);
    const pending = save([{ ...cell, amount: '500' }]);
    await untilSomeoneWaits();
    await blocker.commit().execute();
    const answer = await pending;
    expect(answer.__typename).toBe('SetAllocationsPayload');
    expect(answer.cells).toEqual([{ amount: '500', version: 2, changed: true }]);
    const audit = await auditRows(cell);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'update',
      before: { amount: '111', version: 1 },
      after: { amount: '500', version: 2 },
    });
  });

  it('does not make an edit wait for another writer of the same plan', async () => {
    const busy = takeCell();
    const free = takeCell();
    // Another cell writer in mid-flight: it holds the plan row shared and a new cell of its own.
    const blocker: ControlledTransaction<Database> = await blockerInserting(busy);
    await sql`select id from plan where id = ${planNumber} for share`.execute(blocker);
    try {
      const answer = await save([{ ...free, amount: '9', expectedVersion: 0 }]);
      expect(answer.__typename).toBe('SetAllocationsPayload');
      expect(answer.changedCount).toBe(1);
    } finally {
      await blocker.rollback().execute();
    }
  });

  it('keeps every one of many simultaneous edits of different cells, each audited once', async () => {
    const cells = Array.from({ length: 40 }, takeCell);
    const answers = await Promise.all(
      cells.map((cell, i) => save([{ ...cell, amount: String(1000 + i), expectedVersion: 0 }])),
    );
    expect(answers.map((a) => a.__typename)).toEqual(cells.map(() => 'SetAllocationsPayload'));
    const batches = new Set(answers.map((a) => a.batchId));
    const audit = await db
      .selectFrom('audit_log')
      .select(['batch_id', 'after'])
      .where('batch_id', 'in', [...batches])
      .execute();
    expect(audit).toHaveLength(40);
  });

  it('makes a status change wait for the cell writers in flight, then refuses new edits', async () => {
    // Submitting needs the Program 135 communes' public consultations on record (before the blocker, which holds
    // the plan row that recording a consultation locks too).
    await recordMissingConsultations(gql, planId);
    const inFlight = takeCell();
    const later = takeCell();
    const blocker = await blockerInserting(inFlight);
    await sql`select id from plan where id = ${planNumber} for share`.execute(blocker);
    let isSubmitted = false;
    const submitting = gql(`mutation($id: ID!) { submitPlan(planId: $id) { __typename } }`, {
      id: planId,
    }).then((data) => {
      isSubmitted = true;
      return data;
    });
    await untilSomeoneWaits();
    expect(isSubmitted).toBe(false);
    await blocker.commit().execute();
    expect((await submitting).submitPlan.__typename).toBe('PlanPayload');
    const refused = await save([{ ...later, amount: '1', expectedVersion: 0 }]);
    expect(refused).toMatchObject({ code: 'PLAN_LOCKED' });
  });
});

describe('two admins demoting each other at once', () => {
  const UPDATE = `mutation($i: UpdateUserInput!) { updateUser(input: $i) {
    __typename ... on UserPayload { user { username } } ... on Error { code } } }`;
  const racers = ['tranh.chap.mot', 'tranh.chap.hai'];
  const password = 'racing admin password';
  const stepAside = (isActive: boolean) =>
    db
      .updateTable('app_user')
      .set({ is_active: isActive })
      .where('username', '=', TEST_ADMIN.username)
      .execute();

  it('lets exactly one win; the other gets LAST_ADMIN and one active admin is left', async () => {
    const accounts: Array<{ id: string; headers: Record<string, string> }> = [];
    for (const username of racers) {
      const made = await gql(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { ... on UserPayload { user { id } } } }`,
        { i: { username, displayName: username, password, role: 'ADMIN' } },
      );
      accounts.push({ id: made.createUser.user.id, headers: await signIn(url, { username, password }) });
    }
    const [first, second] = accounts as [(typeof accounts)[0], (typeof accounts)[0]];
    const district = await db.selectFrom('district').select('id').executeTakeFirstOrThrow();
    // The test admin steps aside (behind the service's back) so that the racers are the last two.
    await stepAside(false);
    try {
      // Both requests wait on the blocker's row locks, inside their transactions, then race.
      const blocker = await db.startTransaction().execute();
      await blocker
        .selectFrom('app_user')
        .select('id')
        .where('id', 'in', [Number(first.id), Number(second.id)])
        .forUpdate()
        .execute();
      const answers = Promise.all([
        gqlAt(
          url,
          UPDATE,
          {
            i: {
              id: second.id,
              role: 'VIEWER',
              districtId: Buffer.from(`District:${district.id}`).toString('base64'),
            },
          },
          first.headers,
        ),
        gqlAt(url, UPDATE, { i: { id: first.id, isActive: false } }, second.headers),
      ]);
      await untilSomeoneWaits(2);
      await blocker.commit().execute();
      const results = (await answers).map((a) => a.updateUser);
      expect(results.map((r) => r.__typename).sort()).toEqual(['InputError', 'UserPayload']);
      expect(results.find((r) => r.__typename === 'InputError').code).toBe('LAST_ADMIN');
      const admins = await db
        .selectFrom('app_user')
        .select('username')
        .where('role', '=', 'admin')
        .where('is_active', '=', true)
        .execute();
      expect(admins).toHaveLength(1);
      const audited = await db
        .selectFrom('audit_log')
        .select('entity_key')
        .where('entity_key', 'in', [`user:${racers[0]}`, `user:${racers[1]}`])
        .where('action', '=', 'update')
        .execute();
      expect(audited).toHaveLength(1);
    } finally {
      await stepAside(true);
    }
  });
});
