// A generic GraphQL layer generated from the database catalogue — the kind of API a
// PostGraphile-style tool gives for free: one object type per table, one field per column and
// one root list field per table with an equality filter argument per column. It exists only as
// the baseline the benchmark compares `plan.grid` against; nothing in the product uses it.
// Like PostGraphile it selects only the requested columns and orders by the primary key.
import { createServer } from 'node:http';
import {
  type FieldNode,
  GraphQLBoolean,
  type GraphQLFieldConfig,
  GraphQLFloat,
  type GraphQLInputType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  graphql,
  Kind,
} from 'graphql';
import { type Kysely, sql } from 'kysely';

const GraphQLBigInt = new GraphQLScalarType<bigint, string>({
  name: 'BigInt',
  description: 'A 64-bit integer as a string of digits.',
  serialize: (value) => String(value),
  parseValue: (value) => BigInt(String(value)),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT) throw new TypeError('BigInt: expected digits');
    return BigInt(ast.value);
  },
});

const GraphQLDateTime = new GraphQLScalarType<string, string>({
  name: 'Datetime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
});

const GraphQLJSON = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  serialize: (value) => value,
});

function scalarFor(dataType: string): { output: GraphQLScalarType; filterable: boolean } {
  switch (dataType) {
    case 'int2':
    case 'int4':
      return { output: GraphQLInt, filterable: true };
    case 'int8':
      return { output: GraphQLBigInt, filterable: true };
    case 'float4':
    case 'float8':
      return { output: GraphQLFloat, filterable: true };
    case 'bool':
      return { output: GraphQLBoolean, filterable: true };
    case 'timestamptz':
    case 'timestamp':
      return { output: GraphQLDateTime, filterable: false };
    case 'json':
    case 'jsonb':
      return { output: GraphQLJSON, filterable: false };
    default:
      // text, date (an ISO string on both back ends), numeric (a string).
      return { output: GraphQLString, filterable: true };
  }
}

/** Primary-key columns of every public table, in key order (works on PostgreSQL and PGlite). */
async function findPrimaryKeys(db: Kysely<any>): Promise<Map<string, string[]>> {
  const result = await sql<{ table_name: string; column_name: string }>`
    select tc.table_name, kcu.column_name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = 'public'
    order by tc.table_name, kcu.ordinal_position
  `.execute(db);
  const keys = new Map<string, string[]>();
  for (const row of result.rows)
    keys.set(row.table_name, [...(keys.get(row.table_name) ?? []), row.column_name]);
  return keys;
}

/** The columns a query asks for (plain fields only; anything else falls back to every column). */
function requestedColumns(fieldNode: FieldNode | undefined, columns: readonly string[]): string[] {
  const selections = fieldNode?.selectionSet?.selections ?? [];
  if (selections.some((s) => s.kind !== Kind.FIELD)) return [...columns];
  const asked = new Set(selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '')));
  const picked = columns.filter((c) => asked.has(c));
  return picked.length > 0 ? picked : [columns[0]!];
}

/** Introspects the public tables of `db` and generates the schema. */
export async function createGenericSchema(db: Kysely<any>): Promise<GraphQLSchema> {
  const [tables, primaryKeys] = await Promise.all([db.introspection.getTables(), findPrimaryKeys(db)]);
  const queryFields: Record<string, GraphQLFieldConfig<unknown, unknown>> = {};

  for (const table of tables.filter((t) => t.schema === 'public' && !t.isView)) {
    const columnNames = table.columns.map((c) => c.name);
    const objectType = new GraphQLObjectType({
      name: `T_${table.name}`,
      fields: Object.fromEntries(
        table.columns.map((column) => {
          const scalar = scalarFor(column.dataType).output;
          const type: GraphQLOutputType = column.isNullable ? scalar : new GraphQLNonNull(scalar);
          return [column.name, { type }];
        }),
      ),
    });
    const args = Object.fromEntries(
      table.columns
        .filter((column) => scalarFor(column.dataType).filterable)
        .map((column) => [column.name, { type: scalarFor(column.dataType).output as GraphQLInputType }]),
    );
    const orderBy = primaryKeys.get(table.name) ?? [];

    queryFields[table.name] = {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(objectType))),
      args,
      resolve: (_root, filters: Record<string, unknown>, _context, info) => {
        let query = db.selectFrom(table.name).select(requestedColumns(info.fieldNodes[0], columnNames));
        for (const [column, value] of Object.entries(filters)) {
          if (value === null) query = query.where(column, 'is', null);
          else if (value !== undefined) query = query.where(column, '=', value);
        }
        for (const column of orderBy) query = query.orderBy(column);
        return query.execute();
      },
    };
  }

  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: queryFields }),
  });
}

/** Executes a query in-process and serializes it, as a server would before sending it. */
export async function executeGeneric(
  schema: GraphQLSchema,
  source: string,
  variableValues: Record<string, unknown> = {},
): Promise<string> {
  return JSON.stringify(await graphql({ schema, source, variableValues }));
}

export interface GenericServer {
  url: string;
  stop(): Promise<void>;
}

/** The smallest HTTP server for the schema: POST /graphql with a JSON body, nothing else. */
export async function serveGeneric(schema: GraphQLSchema): Promise<GenericServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        query: string;
        variables?: Record<string, unknown>;
      };
      executeGeneric(schema, query, variables).then(
        (body) => {
          res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
          res.end(body);
        },
        (error: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
  });
  // Longer than the client's pauses between requests on a loaded machine: with Node's 5 s default
  // the server could close a kept-alive socket just as fetch reused it (ECONNRESET mid-run).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
