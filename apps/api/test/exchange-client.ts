// Test helpers for the spreadsheet exchange: download an export, send a file as a GraphQL
// multipart request (what the web app and Apollo's upload clients send).
import { type Caller, TEST_ADMIN, type TestApp } from './harness.ts';

export const PREVIEW = `mutation($planId: ID!, $file: Upload!, $options: ImportOptionsInput) {
  previewImport(planId: $planId, file: $file, options: $options) {
    __typename
    ... on Error { code message }
    ... on ImportPreview {
      fileName format changeCount unchangedCount canApply totalBefore totalAfter token
      sheets { name isRead skipReason headerRow unit unitFrom cellCount }
      changes { sheet cell communeId communeName criterionNumber sourceCode oldAmount newAmount version }
      problems { sheet cell code message }
    }
  }
}`;

export const APPLY = `mutation($planId: ID!, $file: Upload!, $options: ImportOptionsInput, $token: String!) {
  applyImport(planId: $planId, file: $file, options: $options, previewToken: $token) {
    __typename
    ... on Error { code message }
    ... on VersionConflictError { conflicts { communeId currentAmount } }
    ... on ApplyImportPayload { batchId changedCount }
  }
}`;

export async function download(
  app: TestApp,
  planId: string,
  query = '',
  ext: 'xlsx' | 'csv' = 'xlsx',
  as: Caller = TEST_ADMIN.username,
) {
  const response = await fetch(`${app.url}/export/plan/${encodeURIComponent(planId)}.${ext}${query}`, {
    headers: await app.authHeaders(as),
  });
  return { response, data: Buffer.from(await response.arrayBuffer()) };
}

export async function upload(
  app: TestApp,
  query: string,
  variables: Record<string, unknown>,
  file: { name: string; data: Buffer },
  options: { locale?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new Blob([new Uint8Array(file.data)]), file.name);
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: {
      'apollo-require-preflight': 'true',
      'accept-language': options.locale ?? 'vi',
      // The admin by default, like the harness's gql; a test's own headers replace it.
      ...(options.headers ?? (await app.authHeaders(TEST_ADMIN.username))),
    },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

/** Runs `body` while the plan also holds a second commune named `name` (an ambiguous name). */
export async function withTwinCommune<T>(
  app: TestApp,
  planId: string,
  name: string,
  code: string,
  body: () => Promise<T>,
) {
  const place = await app.db
    .selectFrom('commune')
    .select(['province_id', 'district_id'])
    .where('name', '=', 'Lục Sơn')
    .executeTakeFirstOrThrow();
  const twin = await app.db
    .insertInto('commune')
    .values({
      ...place,
      code,
      name,
      search_key: name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
      kind: 'xa',
      region: 'TDMNPB',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const plan = Number(Buffer.from(planId, 'base64').toString().split(':')[1]);
  await app.db.insertInto('plan_commune').values({ plan_id: plan, commune_id: twin.id }).execute();
  try {
    return await body();
  } finally {
    await app.db.deleteFrom('plan_commune').where('commune_id', '=', twin.id).execute();
    await app.db.deleteFrom('commune').where('id', '=', twin.id).execute();
  }
}
