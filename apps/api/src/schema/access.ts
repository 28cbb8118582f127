// Attaches the rules table (auth/rules.ts) to root fields. Every Query, Mutation and Subscription
// field declares `authScopes: allowed` (reads, account operations) or `authScopes: writes(...)`
// naming what it changes; the access-matrix test fails for a field the table does not know.
import type { GraphQLResolveInfo } from 'graphql';
import { isOperation, type Operation } from '../auth/rules.ts';
import type { WriteTarget } from '../auth/scope.ts';

function operationOf(info: GraphQLResolveInfo): Operation {
  const name = `${info.parentType.name}.${info.fieldName}`;
  // A field without a rule is refused for everyone (and fails the access-matrix test).
  return isOperation(name) ? name : ('Mutation.__unruled__' as Operation);
}

export const allowed = (_parent: unknown, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => ({
  operation: operationOf(info),
});

/** A write: the rule for the field, and the plans/communes/… it changes, checked against the caller's scope. */
export function writes<Args>(targets: (args: Args) => WriteTarget[]) {
  return (_parent: unknown, args: Args, _ctx: unknown, info: GraphQLResolveInfo) => ({
    writes: { operation: operationOf(info), targets: targets(args) },
  });
}
