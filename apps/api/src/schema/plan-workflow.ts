// The approval workflow over GraphQL: one mutation per step (submitPlan, approvePlan, returnPlan,
// lockPlan, openPlanRevision), so each can carry its own access rule (planner / council reviewer),
// and the plan's workflow history, revisions and the steps the caller may take now.
import type { PlanTransition } from '@ntm/db';
import { type PlanWorkflowAction, workflowActionsFor } from '@ntm/domain';
import { isAllowed, type Operation } from '../auth/rules.ts';
import { canWritePlan } from '../auth/scope.ts';
import { builder } from '../builder.ts';
import { openPlanRevision, transitionPlan } from '../services/plan-workflow.ts';
import { writes } from './access.ts';
import { mutationErrors } from './errors.ts';
import { decodeId } from './ids.ts';
import { PlanPayload, PlanRef, PlanStatusEnum } from './plan.ts';

const PlanWorkflowActionEnum = builder.enumType('PlanWorkflowAction', {
  description: 'A step of the approval workflow.',
  values: {
    SUBMIT: { value: 'submit', description: 'Draft → submitted (submitPlan).' },
    APPROVE: { value: 'approve', description: 'Submitted → approved (approvePlan).' },
    RETURN: { value: 'return', description: 'Submitted → draft, with a comment (returnPlan).' },
    LOCK: { value: 'lock', description: 'Approved → locked (lockPlan).' },
    OPEN_REVISION: {
      value: 'openRevision',
      description: 'A new draft from a locked plan (openPlanRevision).',
    },
  } as const satisfies Record<string, { value: PlanWorkflowAction; description: string }>,
});

const STEP_OPERATION: Record<PlanWorkflowAction, Operation> = {
  submit: 'Mutation.submitPlan',
  approve: 'Mutation.approvePlan',
  return: 'Mutation.returnPlan',
  lock: 'Mutation.lockPlan',
  openRevision: 'Mutation.openPlanRevision',
};

const PlanTransitionRef = builder.objectRef<PlanTransition>('PlanTransition').implement({
  description: 'One move of a plan along the workflow, with who made it and the comment.',
  fields: (t) => ({
    from: t.field({ type: PlanStatusEnum, resolve: (x) => x.from_status }),
    to: t.field({ type: PlanStatusEnum, resolve: (x) => x.to_status }),
    comment: t.exposeString('comment', {
      nullable: true,
      description: 'Required when a reviewer returns the plan: what to change.',
    }),
    actor: t.exposeString('actor'),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

builder.objectFields(PlanRef, (t) => ({
  workflowActions: t.field({
    type: [PlanWorkflowActionEnum],
    description:
      'The steps the caller may take now: those the plan’s status allows, the caller’s role may call (auth rules) and its scope may write.',
    // The same rules the mutations apply, so the web app keeps no second copy of them.
    resolve: async (p, _a, ctx) => {
      const principal = ctx.principal;
      if (!principal) return [];
      const steps = workflowActionsFor(p.status).filter((a) => isAllowed(principal, STEP_OPERATION[a]));
      if (steps.length === 0) return [];
      return (await canWritePlan(ctx.db, principal, p)) ? steps : [];
    },
  }),
  transitions: t.field({
    type: [PlanTransitionRef],
    description: 'The workflow history, oldest first.',
    resolve: (p, _a, ctx) => ctx.loaders.transitionsByPlan.load(p.id),
  }),
  previousRevision: t.field({
    type: PlanRef,
    nullable: true,
    description: 'The plan this one revises (điều chỉnh), if any.',
    resolve: (p, _a, ctx) =>
      p.previous_revision_id === null ? null : ctx.loaders.plan.load(p.previous_revision_id),
  }),
  revisions: t.field({
    type: [PlanRef],
    description: 'Plans opened as revisions of this one, oldest first.',
    resolve: (p, _a, ctx) => ctx.loaders.revisionsByPlan.load(p.id),
  }),
}));

builder.mutationFields((t) => {
  const step = (action: 'submit' | 'approve' | 'lock', description: string) =>
    t.field({
      authScopes: writes<{ planId: string | number }>((args) => [{ plan: args.planId, field: 'planId' }]),
      type: PlanPayload,
      description,
      errors: mutationErrors,
      args: { planId: t.arg.id({ required: true }), comment: t.arg.string({ required: false }) },
      resolve: async (_r, args, ctx) => ({
        plan: await transitionPlan(
          ctx,
          decodeId(String(args.planId), 'Plan', 'planId'),
          action,
          args.comment ?? null,
        ),
      }),
    });
  return {
    submitPlan: step(
      'submit',
      'The planner submits a draft for approval. Refused with CONSULTATION_MISSING while a Program 135 commune with money has no agreed public consultation.',
    ),
    approvePlan: step(
      'approve',
      'The council (HĐND) reviewer approves a submitted plan; the plan’s own budget caps (district budget for a district plan) become confirmed.',
    ),
    lockPlan: step(
      'lock',
      'Locks an approved plan: nothing in it changes any more; changes go to a new revision.',
    ),
    returnPlan: t.field({
      authScopes: writes<{ planId: string | number }>((args) => [{ plan: args.planId, field: 'planId' }]),
      type: PlanPayload,
      description:
        'The council (HĐND) reviewer returns a submitted plan to draft with a comment saying what to change.',
      errors: mutationErrors,
      args: { planId: t.arg.id({ required: true }), comment: t.arg.string({ required: true }) },
      resolve: async (_r, args, ctx) => ({
        plan: await transitionPlan(
          ctx,
          decodeId(String(args.planId), 'Plan', 'planId'),
          'return',
          args.comment,
        ),
      }),
    }),
    openPlanRevision: t.field({
      authScopes: writes<{ planId: string | number }>((args) => [{ plan: args.planId, field: 'planId' }]),
      type: PlanPayload,
      description:
        'Opens a new draft revision (điều chỉnh) of a locked plan with its caps, cells, targets and consultation records. The locked plan is unchanged.',
      errors: mutationErrors,
      args: {
        planId: t.arg.id({ required: true }),
        name: t.arg.string({ required: false, description: 'Defaults to the locked plan’s name.' }),
      },
      resolve: async (_r, args, ctx) => ({
        plan: await openPlanRevision(ctx, decodeId(String(args.planId), 'Plan', 'planId'), args.name ?? null),
      }),
    }),
  };
});
