// Projects (hạng mục công trình) give a criterion its cost: the required, unfinished ones are
// what a commune must still build to meet it.
import { type Database, inTransaction, type Project, type ProjectStatus } from '@ntm/db';
import { DomainError } from '@ntm/domain';
import type { Kysely } from 'kysely';
import type { Context } from '../context.ts';
import { recordAudit, toAuditJson } from './audit.ts';
import { requireCriterionOfLevel } from './criterion-guard.ts';

export interface ProjectFields {
  name?: string | null;
  criterionId?: number | null;
  estimatedCost?: bigint | null;
  isRequired?: boolean | null;
  status?: ProjectStatus | null;
  disbursed?: bigint | null;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 500) throw new DomainError('INVALID_NAME', { field: 'name' });
  return trimmed;
}

export async function createProject(
  ctx: Context,
  input: {
    communeId: number;
    criterionId: number;
    name: string;
    estimatedCost: bigint;
  } & ProjectFields,
): Promise<Project> {
  const name = checkName(input.name);
  return inTransaction(ctx.db, async (trx) => {
    const commune = await trx
      .selectFrom('commune')
      .select('id')
      .where('id', '=', input.communeId)
      .executeTakeFirst();
    if (!commune) throw new DomainError('UNKNOWN_COMMUNE', { field: 'communeId' });
    await requireCriterionOfLevel(trx, input.criterionId, 'commune');
    const project = await trx
      .insertInto('project')
      .values({
        commune_id: input.communeId,
        criterion_id: input.criterionId,
        name,
        estimated_cost: input.estimatedCost,
        is_required: input.isRequired ?? true,
        status: input.status ?? 'planned',
        disbursed: input.disbursed ?? 0n,
        updated_by: ctx.actor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, [
      {
        entity: 'project',
        action: 'insert',
        entityKey: String(project.id),
        communeId: project.commune_id,
        criterionId: project.criterion_id,
        before: null,
        after: toAuditJson(project),
      },
    ]);
    return project;
  });
}

export async function updateProject(ctx: Context, projectId: number, input: ProjectFields): Promise<Project> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await lockProject(trx, projectId);
    if (input.criterionId !== undefined && input.criterionId !== null) {
      await requireCriterionOfLevel(trx, input.criterionId, 'commune');
    }
    const after = await trx
      .updateTable('project')
      .set({
        name: input.name === undefined || input.name === null ? before.name : checkName(input.name),
        criterion_id: input.criterionId ?? before.criterion_id,
        estimated_cost: input.estimatedCost ?? before.estimated_cost,
        is_required: input.isRequired ?? before.is_required,
        status: input.status ?? before.status,
        disbursed: input.disbursed ?? before.disbursed,
        version: before.version + 1,
        updated_at: new Date(),
        updated_by: ctx.actor,
      })
      .where('id', '=', projectId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, [
      {
        entity: 'project',
        action: 'update',
        entityKey: String(projectId),
        communeId: after.commune_id,
        criterionId: after.criterion_id,
        before: toAuditJson(before),
        after: toAuditJson(after),
      },
    ]);
    return after;
  });
}

export async function deleteProject(ctx: Context, projectId: number): Promise<Project> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await lockProject(trx, projectId);
    await trx.deleteFrom('project').where('id', '=', projectId).execute();
    await recordAudit(trx, ctx, [
      {
        entity: 'project',
        action: 'delete',
        entityKey: String(projectId),
        communeId: before.commune_id,
        criterionId: before.criterion_id,
        before: toAuditJson(before),
        after: null,
      },
    ]);
    return before;
  });
}

async function lockProject(trx: Kysely<Database>, projectId: number): Promise<Project> {
  const project = await trx
    .selectFrom('project')
    .selectAll()
    .where('id', '=', projectId)
    .forUpdate()
    .executeTakeFirst();
  if (!project) throw new DomainError('UNKNOWN_PROJECT', { field: 'id' });
  return project;
}
