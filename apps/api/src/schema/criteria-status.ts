// Mutations that record whether a commune or district meets a criterion.
import { builder } from '../builder.ts';
import { type StatusRow, setUnitCriterionStatus } from '../services/criteria-status.ts';
import { writes } from './access.ts';
import { CriterionStatusRef } from './criteria.ts';
import { mutationErrors } from './errors.ts';
import { decodeId, tryDecodeId } from './ids.ts';

const CriterionStatusInput = builder.inputType('SetCriterionStatusInput', {
  fields: (t) => ({
    unitId: t.id({
      required: true,
      description: 'A Commune ID (commune criteria) or a District ID (district criteria).',
    }),
    criterionId: t.id({ required: true }),
    isMet: t.boolean({ required: true }),
    assessedOn: t.field({ type: 'Date', required: false }),
    note: t.string({ required: false }),
  }),
});

const CriterionStatusPayload = builder.objectRef<{ status: StatusRow }>('CriterionStatusPayload').implement({
  fields: (t) => ({
    status: t.field({
      type: CriterionStatusRef,
      resolve: (p) => p.status as never,
    }),
  }),
});

builder.mutationFields((t) => ({
  setCriterionStatus: t.field({
    // The unit is a commune or a district; each decode finds only its own kind of ID.
    authScopes: writes<{ input: { unitId: string | number } }>(({ input }) => [
      { commune: input.unitId, field: 'communeId' },
      { district: input.unitId, field: 'districtId' },
    ]),
    type: CriterionStatusPayload,
    description: 'Records whether a commune (or a district) meets one criterion of its set.',
    errors: mutationErrors,
    args: { input: t.arg({ type: CriterionStatusInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const unitId = String(input.unitId);
      const districtId = tryDecodeId(unitId, 'District');
      const status = await setUnitCriterionStatus(
        ctx,
        districtId === null ? 'commune' : 'district',
        districtId ?? decodeId(unitId, 'Commune', 'unitId'),
        {
          criterionId: decodeId(String(input.criterionId), 'Criterion', 'criterionId'),
          isMet: input.isMet,
          assessedOn: input.assessedOn ?? null,
          note: input.note ?? null,
        },
      );
      return { status };
    },
  }),
}));
