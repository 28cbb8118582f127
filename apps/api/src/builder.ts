// Creates the Pothos builder and its plugins. Defines no types: those live in schema/<thing>.ts.
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.ts';
import type { UploadedFile } from './http/multipart.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    Money: { Input: bigint; Output: bigint };
    MoneyDelta: { Input: never; Output: bigint };
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
    IntArray: { Input: never; Output: readonly number[] };
    MoneyArray: { Input: never; Output: readonly bigint[] };
    Upload: { Input: UploadedFile; Output: never };
  };
}>({
  plugins: [ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: {},
    nodesQueryOptions: {},
  },
  errors: { directResult: true },
});

builder.queryType({ description: 'Read access to the NTM planning data.' });
builder.mutationType({
  description: 'Changes to plans, caps, allocations, statuses and projects. Every change is audited.',
});
