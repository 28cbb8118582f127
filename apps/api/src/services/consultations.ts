// Records of the public consultation (lấy ý kiến nhân dân) held in Program 135 communes before
// a plan with money for them is submitted. A record belongs to the plan, so it is written only
// while the plan is a draft, like the plan's figures.
import { type CommuneConsultation, type ConsultationOutcome, inTransaction } from '@ntm/db';
import { DomainError } from '@ntm/domain';
import type { Context } from '../context.ts';
import { recordAudit, toAuditJson } from './audit.ts';
import { lockWritablePlan } from './plan-guard.ts';

const MAX_MINUTES_REF = 200;
const MAX_NOTE = 2000;
const DAY_MS = 86_400_000;

export interface ConsultationInput {
  planId: number;
  communeId: number;
  heldOn: string;
  outcome: ConsultationOutcome;
  minutesRef: string;
  note: string | null;
}

/** A real calendar day (no 30 February) and not later than today in Vietnam (UTC+7). */
function isPlausibleMeetingDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) return false;
  const todayInVietnam = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  return parsed.getTime() < Date.parse(`${todayInVietnam}T00:00:00Z`) + DAY_MS;
}

export async function recordConsultation(
  ctx: Context,
  input: ConsultationInput,
): Promise<CommuneConsultation> {
  const minutesRef = input.minutesRef.trim();
  const note = input.note?.trim() || null;
  if (!isPlausibleMeetingDay(input.heldOn))
    throw new DomainError('INVALID_CONSULTATION', { field: 'heldOn' });
  if (minutesRef.length === 0 || minutesRef.length > MAX_MINUTES_REF) {
    throw new DomainError('INVALID_CONSULTATION', { field: 'minutesRef' });
  }
  if (note && note.length > MAX_NOTE) throw new DomainError('INVALID_CONSULTATION', { field: 'note' });
  return inTransaction(ctx.db, async (trx) => {
    await lockWritablePlan(trx, input.planId);
    const commune = await trx
      .selectFrom('plan_commune')
      .innerJoin('commune', 'commune.id', 'plan_commune.commune_id')
      .select(['commune.is_program135', 'commune.name'])
      .where('plan_commune.plan_id', '=', input.planId)
      .where('plan_commune.commune_id', '=', input.communeId)
      .executeTakeFirst();
    if (!commune) throw new DomainError('COMMUNE_NOT_IN_PLAN', { field: 'communeId' });
    if (!commune.is_program135) throw new DomainError('INVALID_CONSULTATION', { field: 'communeId' });
    const before = await trx
      .selectFrom('commune_consultation')
      .selectAll()
      .where('plan_id', '=', input.planId)
      .where('commune_id', '=', input.communeId)
      .executeTakeFirst();
    const values = {
      held_on: input.heldOn,
      outcome: input.outcome,
      minutes_ref: minutesRef,
      note,
      updated_by: ctx.actor,
    };
    const after = await trx
      .insertInto('commune_consultation')
      .values({ plan_id: input.planId, commune_id: input.communeId, ...values })
      .onConflict((oc) =>
        oc.columns(['plan_id', 'commune_id']).doUpdateSet((eb) => ({
          ...values,
          version: eb('commune_consultation.version', '+', 1),
          updated_at: new Date(),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, [consultationAudit(before ?? null, after)]);
    return after;
  });
}

export function consultationAudit(before: CommuneConsultation | null, after: CommuneConsultation) {
  return {
    entity: 'commune_consultation' as const,
    action: before ? ('update' as const) : ('insert' as const),
    entityKey: `${after.plan_id}:${after.commune_id}`,
    planId: after.plan_id,
    communeId: after.commune_id,
    before: toAuditJson(before),
    after: toAuditJson(after),
  };
}
