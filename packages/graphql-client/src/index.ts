// Public entry of @ntm/graphql-client: the request helper plus the generated documents and types.
// Explicit names only, so what the app depends on is visible here.
export type {
  GraphQLErrorPayload,
  RequestOptions,
  TransportErrorCode,
} from './client';
export { GraphQLRequestError, request } from './client';
export { graphql } from './generated/gql';
// Allocation grid and analysis panel.
// Plan header, criteria status matrix, overview dashboard and funding caps screens.
export type {
  AllocationGridQuery,
  AllocationGridQueryVariables,
  CommuneKind,
  CriteriaStatusMatrixQuery,
  CriteriaStatusMatrixQueryVariables,
  FundingCapFieldsFragment,
  FundingCapsQuery,
  FundingCapsQueryVariables,
  FundingSourceKind,
  GridAnalysisFragment,
  GridCellConflictFragment,
  GridPlanSummaryFragment,
  NtmLevel,
  PlanHeaderQuery,
  PlanHeaderQueryVariables,
  PlanOverviewQuery,
  PlanOverviewQueryVariables,
  PlanStatus,
  PlansListQuery,
  PlansListQueryVariables,
  SaveAllocationsMutation,
  SaveAllocationsMutationVariables,
  ScopeLevel,
  SetCriterionStatusMutation,
  SetCriterionStatusMutationVariables,
  SetFundingCapMutation,
  SetFundingCapMutationVariables,
  SourceCommitmentFieldsFragment,
  SourceCommitmentStatus,
  SpreadThinKind,
  TypedDocumentString,
} from './generated/graphql';
export {
  AllocationGridDocument,
  CriteriaStatusMatrixDocument,
  FundingCapsDocument,
  PlanHeaderDocument,
  PlanOverviewDocument,
  PlansListDocument,
  SaveAllocationsDocument,
  SetCriterionStatusDocument,
  SetFundingCapDocument,
} from './generated/graphql';
