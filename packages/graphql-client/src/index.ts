// Public entry of @ntm/graphql-client: the request helper plus the generated documents and types.
// Explicit names only, so what the app depends on is visible here.
export type {
  GraphQLErrorPayload,
  RequestOptions,
  TransportErrorCode,
} from './client';
export { GraphQLRequestError, request } from './client';
export { graphql } from './generated/gql';
export type {
  PlanStatus,
  PlansListQuery,
  PlansListQueryVariables,
  ScopeLevel,
  TypedDocumentString,
} from './generated/graphql';
export { PlansListDocument } from './generated/graphql';
