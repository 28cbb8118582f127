/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** draft → submitted → approved → locked. Only a draft can be edited. */
export type PlanStatus =
  | 'APPROVED'
  | 'DRAFT'
  | 'LOCKED'
  | 'SUBMITTED';

export type ScopeLevel =
  | 'DISTRICT'
  | 'PROVINCE';

export type PlansListQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PlansListQuery = { plans: { edges: Array<{ node: { id: string, name: string, scopeLevel: ScopeLevel, periodStartYear: number, periodEndYear: number, status: PlanStatus, revision: number, district: { name: string } | null, province: { name: string }, analysis: { totals: { allocated: string, confirmedCaps: string, expectedCaps: string, shortfall: string, debtRisk: string, targetCommunes: number, fundedTargetCommunes: number } } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PlansListDocument = new TypedDocumentString(`
    query PlansList($first: Int, $after: String) {
  plans(first: $first, after: $after) {
    edges {
      node {
        id
        name
        scopeLevel
        periodStartYear
        periodEndYear
        status
        revision
        district {
          name
        }
        province {
          name
        }
        analysis {
          totals {
            allocated
            confirmedCaps
            expectedCaps
            shortfall
            debtRisk
            targetCommunes
            fundedTargetCommunes
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PlansListQuery, PlansListQueryVariables>;