/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query PlansList($first: Int, $after: String) {\n  plans(first: $first, after: $after) {\n    edges {\n      node {\n        id\n        name\n        scopeLevel\n        periodStartYear\n        periodEndYear\n        status\n        revision\n        district {\n          name\n        }\n        province {\n          name\n        }\n        analysis {\n          totals {\n            allocated\n            confirmedCaps\n            expectedCaps\n            shortfall\n            debtRisk\n            targetCommunes\n            fundedTargetCommunes\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.PlansListDocument,
};
const documents: Documents = {
    "query PlansList($first: Int, $after: String) {\n  plans(first: $first, after: $after) {\n    edges {\n      node {\n        id\n        name\n        scopeLevel\n        periodStartYear\n        periodEndYear\n        status\n        revision\n        district {\n          name\n        }\n        province {\n          name\n        }\n        analysis {\n          totals {\n            allocated\n            confirmedCaps\n            expectedCaps\n            shortfall\n            debtRisk\n            targetCommunes\n            fundedTargetCommunes\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.PlansListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PlansList($first: Int, $after: String) {\n  plans(first: $first, after: $after) {\n    edges {\n      node {\n        id\n        name\n        scopeLevel\n        periodStartYear\n        periodEndYear\n        status\n        revision\n        district {\n          name\n        }\n        province {\n          name\n        }\n        analysis {\n          totals {\n            allocated\n            confirmedCaps\n            expectedCaps\n            shortfall\n            debtRisk\n            targetCommunes\n            fundedTargetCommunes\n          }\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').PlansListDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
