// Errors are data: mutations return a union of their payload and these types, each with a
// stable `code` and a message in the caller's language (Accept-Language).
import { DomainError, ERROR_CODES, localizeError } from '@ntm/domain';
import { builder } from '../builder.ts';
import {
  BatchRejectedError,
  type CellConflict,
  type CellError,
  VersionConflictError,
} from '../services/errors.ts';
import { encodeId } from './ids.ts';

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: 'Stable error codes. Clients branch on these, never on message text.',
  values: ERROR_CODES,
});

export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'A problem with the request that the caller can fix.',
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code }),
    message: t.string({
      description: 'Human-readable, in Vietnamese or English by Accept-Language.',
      resolve: (e, _args, ctx) => localizeError(e, ctx.locale),
    }),
  }),
});

builder.objectType(DomainError, {
  name: 'InputError',
  description: 'The input cannot be applied as it is; nothing was changed.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) =>
    value instanceof DomainError &&
    !(value instanceof BatchRejectedError) &&
    !(value instanceof VersionConflictError),
  fields: (t) => ({
    field: t.string({
      nullable: true,
      description: 'The input field at fault, when there is one.',
      resolve: (e) => (typeof e.params['field'] === 'string' ? e.params['field'] : null),
    }),
  }),
});

const CellErrorRef = builder.objectRef<CellError>('CellError').implement({
  description: 'Why one cell of a batch was rejected.',
  fields: (t) => ({
    index: t.exposeInt('index', {
      description: 'Position of the cell in the input list (0-based).',
    }),
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.error.code }),
    message: t.string({
      resolve: (e, _a, ctx) => localizeError(e.error, ctx.locale),
    }),
    communeId: t.id({ nullable: true, resolve: (e) => e.communeId ?? null }),
    criterionId: t.id({
      nullable: true,
      resolve: (e) => e.criterionId ?? null,
    }),
    sourceId: t.id({ nullable: true, resolve: (e) => e.sourceId ?? null }),
  }),
});

builder.objectType(BatchRejectedError, {
  name: 'BatchRejectedError',
  description: 'One or more cells of a batch are invalid, so none was applied (batches are all-or-nothing).',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof BatchRejectedError,
  fields: (t) => ({
    errorCount: t.int({ resolve: (e) => e.errorCount }),
    cellErrors: t.field({
      type: [CellErrorRef],
      description: 'The first rejected cells (at most 500); errorCount tells how many there were.',
      resolve: (e) => e.cellErrors,
    }),
  }),
});

export const CellConflictRef = builder.objectRef<CellConflict>('CellConflict').implement({
  description: 'A cell that changed since the caller read it: what the caller tried, and what is there now.',
  fields: (t) => ({
    communeId: t.id({ resolve: (c) => encodeId('Commune', c.communeId) }),
    criterionId: t.id({ resolve: (c) => encodeId('Criterion', c.criterionId) }),
    sourceId: t.id({ resolve: (c) => encodeId('FundingSource', c.sourceId) }),
    attemptedAmount: t.field({ type: 'Money', resolve: (c) => c.attemptedAmount }),
    expectedVersion: t.exposeInt('expectedVersion'),
    currentVersion: t.exposeInt('currentVersion'),
    currentAmount: t.field({ type: 'Money', resolve: (c) => c.currentAmount }),
    changedBy: t.string({ nullable: true, resolve: (c) => c.changedBy }),
    changedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.changedAt }),
  }),
});

builder.objectType(VersionConflictError, {
  name: 'VersionConflictError',
  description: 'Some cells changed since they were read; in ALL_OR_NOTHING mode nothing was written.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof VersionConflictError,
  fields: (t) => ({
    conflicts: t.field({ type: [CellConflictRef], resolve: (e) => e.conflicts }),
  }),
});

/** The error classes every mutation may return. */
export const mutationErrors = { types: [DomainError] };
export const batchMutationErrors = { types: [VersionConflictError, BatchRejectedError, DomainError] };
