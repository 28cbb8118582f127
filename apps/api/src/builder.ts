// Creates the Pothos builder and its plugins. Defines no types: those live in schema/<thing>.ts.
// The errors plugin wraps outside scope-auth, so a write target outside the caller's scope is
// reported as the same typed result as an id that does not exist.
import { DomainError } from '@ntm/domain';
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { isAllowed, type Operation } from './auth/rules.ts';
import { checkWriteTargets, type WriteTarget } from './auth/scope.ts';
import type { Context } from './context.ts';
import { type NodeTypename, tryDecodeId } from './schema/ids.ts';

/** Refuses an operation the caller's role (or token) may not call: UNAUTHENTICATED or FORBIDDEN. */
function requireOperation(ctx: Context, operation: Operation): true {
  if (isAllowed(ctx.principal, operation)) return true;
  throw new DomainError(ctx.principal ? 'FORBIDDEN' : 'UNAUTHENTICATED');
}

import type { UploadedFile } from './http/multipart.ts';
import { allowed } from './schema/access.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultAuthStrategy: 'all';
  AuthScopes: {
    /** The caller may call this operation (auth/rules.ts). */
    operation: Operation;
    /** The caller may call this write operation on these targets (auth/scope.ts). */
    writes: { operation: Operation; targets: readonly WriteTarget[] };
  };
  Scalars: {
    Money: { Input: bigint; Output: bigint };
    MoneyDelta: { Input: never; Output: bigint };
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
    IntArray: { Input: number[]; Output: readonly number[] };
    MoneyArray: { Input: bigint[]; Output: readonly bigint[] };
    Upload: { Input: UploadedFile; Output: never };
  };
}>({
  plugins: [ErrorsPlugin, ScopeAuthPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    defaultStrategy: 'all',
    unauthorizedError: (_parent, ctx) => new DomainError(ctx.principal ? 'FORBIDDEN' : 'UNAUTHENTICATED'),
    authScopes: (ctx) => ({
      operation: (operation) => requireOperation(ctx, operation),
      writes: async ({ operation, targets }) => {
        requireOperation(ctx, operation);
        const decode = (id: string | number, typename: string) =>
          tryDecodeId(String(id), typename as NodeTypename);
        return checkWriteTargets(ctx.db, ctx.principal!, targets, decode);
      },
    }),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { authScopes: allowed },
    nodesQueryOptions: { authScopes: allowed },
  },
  errors: { directResult: true },
});

builder.queryType({ description: 'Read access to the NTM planning data.' });
builder.mutationType({
  description: 'Changes to plans, caps, allocations, statuses and projects. Every change is audited.',
});
