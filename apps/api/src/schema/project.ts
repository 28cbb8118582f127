// Projects (hạng mục công trình) per commune and criterion, with cost and progress.
import type { Project, ProjectStatus } from '@ntm/db';
import { visible } from '../auth/scope.ts';
import { builder } from '../builder.ts';
import { createProject, deleteProject, updateProject } from '../services/projects.ts';
import { writes } from './access.ts';
import { CriterionRef } from './criteria.ts';
import { mutationErrors } from './errors.ts';
import { CommuneRef } from './geography.ts';
import { decodeId, tryDecodeId } from './ids.ts';

const ProjectRef = builder.objectRef<Project>('Project');

const ProjectStatusEnum = builder.enumType('ProjectStatus', {
  values: {
    PLANNED: { value: 'planned' },
    IN_PROGRESS: { value: 'in_progress' },
    COMPLETED: { value: 'completed' },
    CANCELLED: { value: 'cancelled' },
  } as const satisfies Record<string, { value: ProjectStatus }>,
});

builder.node(ProjectRef, {
  id: { resolve: (p) => p.id },
  loadMany: async (ids, ctx) => {
    const rows = await ctx.db
      .selectFrom('project')
      .innerJoin('commune', 'commune.id', 'project.commune_id')
      .selectAll('project')
      .where('project.id', 'in', ids.map(Number))
      .where(visible.commune(ctx.principal))
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(Number(id)) ?? null);
  },
  fields: (t) => ({
    name: t.exposeString('name'),
    commune: t.field({
      type: CommuneRef,
      resolve: async (p, _a, ctx) => (await ctx.loaders.commune.load(p.commune_id))!,
    }),
    criterion: t.field({
      type: CriterionRef,
      resolve: async (p, _a, ctx) => (await ctx.loaders.criterion.load(p.criterion_id))!,
    }),
    estimatedCost: t.expose('estimated_cost', { type: 'Money' }),
    disbursed: t.expose('disbursed', { type: 'Money' }),
    isRequired: t.exposeBoolean('is_required', {
      description:
        'Needed to meet the criterion ("điều kiện cần, đủ"); only these count toward the cost of a gap.',
    }),
    status: t.field({ type: ProjectStatusEnum, resolve: (p) => p.status }),
    isIllustrative: t.exposeBoolean('is_illustrative'),
    version: t.exposeInt('version'),
    updatedAt: t.expose('updated_at', { type: 'DateTime' }),
  }),
});

builder.objectFields(CommuneRef, (t) => ({
  projects: t.field({
    type: [ProjectRef],
    args: { criterionId: t.arg.id({ required: false }) },
    resolve: async (c, args, ctx) => {
      const all = await ctx.loaders.projectsByCommune.load(c.id);
      if (!args.criterionId) return all;
      const criterionId = tryDecodeId(String(args.criterionId), 'Criterion');
      return all.filter((p) => p.criterion_id === criterionId);
    },
  }),
}));

const CreateProjectInput = builder.inputType('CreateProjectInput', {
  fields: (t) => ({
    communeId: t.id({ required: true }),
    criterionId: t.id({ required: true }),
    name: t.string({ required: true }),
    estimatedCost: t.field({ type: 'Money', required: true }),
    isRequired: t.boolean({ required: false, description: 'Default true.' }),
    status: t.field({ type: ProjectStatusEnum, required: false }),
    disbursed: t.field({ type: 'Money', required: false }),
  }),
});

const UpdateProjectInput = builder.inputType('UpdateProjectInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    criterionId: t.id({ required: false }),
    name: t.string({ required: false }),
    estimatedCost: t.field({ type: 'Money', required: false }),
    isRequired: t.boolean({ required: false }),
    status: t.field({ type: ProjectStatusEnum, required: false }),
    disbursed: t.field({ type: 'Money', required: false }),
  }),
});

const ProjectPayload = builder.objectRef<{ project: Project }>('ProjectPayload').implement({
  fields: (t) => ({
    project: t.field({ type: ProjectRef, resolve: (p) => p.project }),
  }),
});

builder.mutationFields((t) => ({
  createProject: t.field({
    authScopes: writes<{ input: { communeId: string | number } }>(({ input }) => [
      { commune: input.communeId, field: 'communeId' },
    ]),
    type: ProjectPayload,
    errors: mutationErrors,
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      project: await createProject(ctx, {
        communeId: decodeId(String(input.communeId), 'Commune', 'communeId'),
        criterionId: decodeId(String(input.criterionId), 'Criterion', 'criterionId'),
        name: input.name,
        estimatedCost: input.estimatedCost,
        isRequired: input.isRequired,
        status: input.status,
        disbursed: input.disbursed,
      }),
    }),
  }),
  updateProject: t.field({
    authScopes: writes<{ input: { id: string | number } }>(({ input }) => [
      { project: input.id, field: 'id' },
    ]),
    type: ProjectPayload,
    errors: mutationErrors,
    args: { input: t.arg({ type: UpdateProjectInput, required: true }) },
    resolve: async (_r, { input }, ctx) => ({
      project: await updateProject(ctx, decodeId(String(input.id), 'Project', 'id'), {
        name: input.name,
        criterionId: input.criterionId
          ? decodeId(String(input.criterionId), 'Criterion', 'criterionId')
          : null,
        estimatedCost: input.estimatedCost,
        isRequired: input.isRequired,
        status: input.status,
        disbursed: input.disbursed,
      }),
    }),
  }),
  deleteProject: t.field({
    authScopes: writes<{ id: string | number }>((args) => [{ project: args.id, field: 'id' }]),
    type: ProjectPayload,
    description: 'Deletes a project; the payload returns it as it was.',
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => ({
      project: await deleteProject(ctx, decodeId(String(args.id), 'Project', 'id')),
    }),
  }),
}));
