// Limits that keep a hostile (or careless) query from tying up the server: depth, aliases and
// directives are checked statically as validation rules; the cost estimate needs the variables
// (`first: $n`), so it is checked once the operation is resolved; tokens are capped by the parser.
// Each violation is a typed QUERY_LIMIT_EXCEEDED error (HTTP 400) naming the limit.
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

/** Well above what the web app's own documents need at the largest page (checked by a test). */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxCost: 50_000,
  maxAliases: 30,
  maxDirectives: 30,
  maxTokens: 10_000,
};

/** What a list without `first`/`last` is assumed to hold, for the cost estimate. */
export const ASSUMED_LIST_SIZE = 10;
/** A connection asked for without `first`/`last` returns this many (see schema/connection.ts). */
const DEFAULT_PAGE_SIZE = 50;

export type QueryLimitName = 'depth' | 'cost' | 'aliases' | 'directives' | 'tokens';

export function queryLimitError(limit: QueryLimitName, max: number, actual?: number): GraphQLError {
  const params = actual === undefined ? { limit, max } : { limit, max, actual };
  return new GraphQLError(`Query exceeds the ${limit} limit (${actual ?? '?'} > ${max})`, {
    extensions: { code: 'QUERY_LIMIT_EXCEEDED', params, http: { status: 400 } },
  });
}

type Fragments = (name: string) => FragmentDefinitionNode | null | undefined;

/** Introspection (__schema, __type) is governed by its own setting, not by these limits. */
const isIntrospection = (field: FieldNode) => field.name.value.startsWith('__');

/**
 * Folds the fields of a selection set as executed, following fragments: each fragment is folded
 * once (memo), and a fragment cycle (refused by validation anyway) counts 0.
 */
function foldFields(
  selectionSet: SelectionSetNode,
  fragments: Fragments,
  visitField: (field: FieldNode, fold: (set: SelectionSetNode) => number) => number,
  combine: (a: number, b: number) => number,
): number {
  const memo = new Map<string, number>();
  const fold = (set: SelectionSetNode): number => {
    let result = 0;
    for (const selection of set.selections) {
      let value: number;
      if (selection.kind === Kind.FIELD) value = visitField(selection, fold);
      else if (selection.kind === Kind.INLINE_FRAGMENT) value = fold(selection.selectionSet);
      else {
        const name = selection.name.value;
        if (!memo.has(name)) {
          memo.set(name, 0);
          const fragment = fragments(name);
          if (fragment) memo.set(name, fold(fragment.selectionSet));
        }
        value = memo.get(name)!;
      }
      result = combine(result, value);
    }
    return result;
  };
  return fold(selectionSet);
}

/** Deepest field nesting. */
const measureDepth = (selectionSet: SelectionSetNode, fragments: Fragments) =>
  foldFields(
    selectionSet,
    fragments,
    (field, fold) => (isIntrospection(field) ? 0 : 1 + (field.selectionSet ? fold(field.selectionSet) : 0)),
    Math.max,
  );

/** Aliases as executed: a fragment spread twice counts its aliases twice. */
const countAliases = (selectionSet: SelectionSetNode, fragments: Fragments) =>
  foldFields(
    selectionSet,
    fragments,
    (field, fold) => (field.alias ? 1 : 0) + (field.selectionSet ? fold(field.selectionSet) : 0),
    (a, b) => a + b,
  );

export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const perOperation =
    (check: (operation: OperationDefinitionNode, context: ValidationContext) => void): ValidationRule =>
    (context) => ({ OperationDefinition: (operation) => check(operation, context) });
  const depthRule = perOperation((operation, context) => {
    const depth = measureDepth(operation.selectionSet, (n) => context.getFragment(n));
    if (depth > limits.maxDepth) context.reportError(queryLimitError('depth', limits.maxDepth, depth));
  });
  const aliasRule = perOperation((operation, context) => {
    const aliases = countAliases(operation.selectionSet, (n) => context.getFragment(n));
    if (aliases > limits.maxAliases)
      context.reportError(queryLimitError('aliases', limits.maxAliases, aliases));
  });
  const directiveRule: ValidationRule = (context) => {
    let count = 0;
    return {
      Directive() {
        count++;
      },
      Document: {
        leave() {
          if (count > limits.maxDirectives) {
            context.reportError(queryLimitError('directives', limits.maxDirectives, count));
          }
        },
      },
    };
  };
  return [depthRule, aliasRule, directiveRule];
}

function intArgument(field: FieldNode, name: string, variables: Record<string, unknown>): number | null {
  const argument = field.arguments?.find((a) => a.name.value === name);
  if (!argument) return null;
  const value: ValueNode = argument.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'number' ? given : null;
  }
  return null;
}

/**
 * Static cost: every field costs 1, times how many of it the lists around it may return —
 * `first`/`last` when given, the default page size for a connection without them, and
 * ASSUMED_LIST_SIZE for other lists (a connection's edges are already counted by its page).
 */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  variables: Record<string, unknown>,
): number {
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;
  const memo = new Map<string, number>();
  const cost = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (isIntrospection(selection)) continue;
        total += 1;
        if (!selection.selectionSet) continue;
        const definition =
          isObjectType(parent) || isInterfaceType(parent)
            ? parent.getFields()[selection.name.value]
            : undefined;
        if (!definition) continue;
        const named = getNamedType(definition.type);
        if (!isCompositeType(named)) continue;
        const page = intArgument(selection, 'first', variables) ?? intArgument(selection, 'last', variables);
        const isConnection = named.name.endsWith('Connection');
        const inConnection = parent.name.endsWith('Connection');
        const factor =
          page !== null
            ? Math.max(page, 1)
            : isConnection
              ? DEFAULT_PAGE_SIZE
              : isListType(getNullableType(definition.type)) && !inConnection
                ? ASSUMED_LIST_SIZE
                : 1;
        total += factor * cost(selection.selectionSet, named);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += cost(selection.selectionSet, isCompositeType(type) ? type : parent);
      } else {
        const name = selection.name.value;
        if (!memo.has(name)) {
          memo.set(name, 0);
          const fragment = fragments(name);
          const type = fragment ? schema.getType(fragment.typeCondition.name.value) : null;
          if (fragment && isCompositeType(type)) memo.set(name, cost(fragment.selectionSet, type));
        }
        total += memo.get(name)!;
      }
    }
    return total;
  };
  return cost(operation.selectionSet, rootType);
}
