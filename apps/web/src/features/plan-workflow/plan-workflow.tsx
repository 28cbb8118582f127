// The approval workflow on the plan header: the steps this user may take now (submit, approve,
// return with a comment, lock, open a revision), the reviewer's last comment, and the public
// consultation records of Program 135 communes that submitting needs. The API lists the steps and
// the consultations the caller may record (status, role and scope), so no rules are copied here;
// it follows status changes made elsewhere. A refused step shows its typed error in the user's language.
import {
  ApprovePlanDocument,
  type ConsultationOutcome,
  LockPlanDocument,
  OpenPlanRevisionDocument,
  type PlanWorkflowAction,
  PlanWorkflowDocument,
  type PlanWorkflowQuery,
  RecordConsultationDocument,
  ReturnPlanDocument,
  request,
  SubmitPlanDocument,
} from '@ntm/graphql-client';
import { type FormEvent, useId, useState } from 'react';
import { navigate } from '../../app/router';
import { planPath } from '../../app/routes';
import { useQuery } from '../../app/use-query';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/vi';
import { usePlanChanges } from '../live-updates/use-plan-changes';
import './plan-workflow.css';

type WorkflowPlan = NonNullable<PlanWorkflowQuery['plan']>;
type StepResult = { __typename: string; code?: string; message?: string; plan?: { id: string } };

const ACTION_LABEL: Record<PlanWorkflowAction, MessageKey> = {
  SUBMIT: 'workflow.submit',
  APPROVE: 'workflow.approve',
  RETURN: 'workflow.return',
  LOCK: 'workflow.lock',
  OPEN_REVISION: 'workflow.openRevision',
};

const OUTCOMES: ConsultationOutcome[] = ['AGREED', 'AGREED_WITH_CHANGES', 'NOT_AGREED'];

export function PlanWorkflow({ planId, onChanged }: { planId: string; onChanged: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const { state, refresh } = useQuery(PlanWorkflowDocument, { id: planId }, { refetchOnLocale: true });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const commentId = useId();

  // Submitted or approved elsewhere: the steps (and who may record consultations) change with it.
  // An open return form stays only while RETURN is still a step (see below).
  usePlanChanges(planId, (change) => {
    if (change.__typename === 'PlanStatusChanged' || change.__typename === 'ResyncRequired') refresh();
  });

  if (state.status !== 'ready' || !state.data.plan) return null;
  const plan = state.data.plan;
  const options = { locale: LOCALE_TAGS[locale] };

  async function runStep(action: PlanWorkflowAction) {
    setBusy(true);
    setError(null);
    try {
      const variables = { planId };
      let result: StepResult;
      if (action === 'SUBMIT') result = (await request(SubmitPlanDocument, variables, options)).submitPlan;
      else if (action === 'APPROVE')
        result = (await request(ApprovePlanDocument, variables, options)).approvePlan;
      else if (action === 'LOCK') result = (await request(LockPlanDocument, variables, options)).lockPlan;
      else if (action === 'RETURN') {
        result = (await request(ReturnPlanDocument, { planId, comment }, options)).returnPlan;
      } else result = (await request(OpenPlanRevisionDocument, variables, options)).openPlanRevision;
      if (result.__typename !== 'PlanPayload' || !result.plan) {
        setError(result.message ?? t('workflow.failed'));
        return;
      }
      setReturning(false);
      setComment('');
      if (action === 'OPEN_REVISION') {
        navigate(planPath(result.plan.id, 'grid'));
        return;
      }
      refresh();
      onChanged();
    } catch {
      setError(t('workflow.failed'));
    } finally {
      setBusy(false);
    }
  }

  const lastReturn = plan.status === 'DRAFT' ? plan.transitions.at(-1) : undefined;
  const onReturn = (event: FormEvent) => {
    event.preventDefault();
    void runStep('RETURN');
  };

  return (
    <section className="workflow" aria-label={t('workflow.heading')}>
      {plan.workflowActions.length > 0 && (
        <div className="workflow__actions">
          {plan.workflowActions.map((action) =>
            action === 'RETURN' ? (
              <button
                key={action}
                type="button"
                className="button"
                disabled={busy}
                aria-expanded={returning}
                onClick={() => setReturning((open) => !open)}
              >
                {t(ACTION_LABEL[action])}
              </button>
            ) : (
              <button
                key={action}
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void runStep(action)}
              >
                {t(ACTION_LABEL[action])}
              </button>
            ),
          )}
        </div>
      )}
      {returning && plan.workflowActions.includes('RETURN') && (
        <form className="workflow__return" onSubmit={onReturn}>
          <label htmlFor={commentId}>{t('workflow.returnComment')}</label>
          <textarea id={commentId} value={comment} rows={2} onChange={(e) => setComment(e.target.value)} />
          <button type="submit" className="button" disabled={busy}>
            {t('workflow.returnConfirm')}
          </button>
        </form>
      )}
      {lastReturn?.from === 'SUBMITTED' && lastReturn.to === 'DRAFT' && (
        <p className="workflow__comment">
          {t('workflow.returnedWith', { actor: lastReturn.actor })} <q>{lastReturn.comment}</q>
        </p>
      )}
      {error && (
        <p className="workflow__error" role="alert">
          {error}
        </p>
      )}
      <Consultations
        plan={plan}
        onSaved={() => {
          setError(null);
          refresh();
        }}
      />
    </section>
  );
}

function Consultations({ plan, onSaved }: { plan: WorkflowPlan; onSaved: () => void }) {
  const t = useT();
  const communes = plan.communes.map((c) => c.commune).filter((c) => c.isProgram135);
  if (communes.length === 0) return null;
  const missing = new Set(plan.missingConsultations.map((c) => c.id));
  const records = new Map(plan.consultations.map((c) => [c.commune.id, c]));
  const recordable = new Set(plan.recordableConsultationCommunes.map((c) => c.id));
  return (
    <details className="consultations">
      <summary>
        {t('consultation.heading')}
        {missing.size > 0 && (
          <span className="badge badge--submitted">{t('consultation.missing', { count: missing.size })}</span>
        )}
      </summary>
      <p className="consultations__intro">{t('consultation.intro')}</p>
      <table className="consultations__table">
        <thead>
          <tr>
            <th scope="col">{t('consultation.commune')}</th>
            <th scope="col">{t('consultation.record')}</th>
          </tr>
        </thead>
        <tbody>
          {communes.map((commune) => {
            const record = records.get(commune.id);
            return (
              <tr key={commune.id}>
                <th scope="row">{commune.name}</th>
                <td>
                  {record && (
                    <p>
                      {t('consultation.summary', {
                        date: record.heldOn,
                        outcome: t(`consultation.outcome.${record.outcome}`),
                        ref: record.minutesRef,
                      })}
                    </p>
                  )}
                  {!record && (
                    <p>{t(missing.has(commune.id) ? 'consultation.none' : 'consultation.notNeeded')}</p>
                  )}
                  {recordable.has(commune.id) && (
                    <ConsultationForm
                      planId={plan.id}
                      communeId={commune.id}
                      communeName={commune.name}
                      onSaved={onSaved}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

function ConsultationForm(props: {
  planId: string;
  communeId: string;
  communeName: string;
  onSaved: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const [heldOn, setHeldOn] = useState('');
  const [outcome, setOutcome] = useState<ConsultationOutcome>('AGREED');
  const [minutesRef, setMinutesRef] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const result = (
        await request(
          RecordConsultationDocument,
          { input: { planId: props.planId, communeId: props.communeId, heldOn, outcome, minutesRef } },
          { locale: LOCALE_TAGS[locale] },
        )
      ).recordConsultation;
      if (result.__typename === 'ConsultationPayload') props.onSaved();
      else setMessage(result.message);
    } catch {
      setMessage(t('workflow.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="consultation-form"
      aria-label={t('consultation.formLabel', { commune: props.communeName })}
      onSubmit={(e) => void onSubmit(e)}
    >
      <label htmlFor={`${id}-date`}>{t('consultation.heldOn')}</label>
      <input
        id={`${id}-date`}
        type="date"
        required
        value={heldOn}
        onChange={(e) => setHeldOn(e.target.value)}
      />
      <label htmlFor={`${id}-outcome`}>{t('consultation.outcome')}</label>
      <select
        id={`${id}-outcome`}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value as ConsultationOutcome)}
      >
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`consultation.outcome.${o}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-ref`}>{t('consultation.minutesRef')}</label>
      <input id={`${id}-ref`} required value={minutesRef} onChange={(e) => setMinutesRef(e.target.value)} />
      <button type="submit" className="button" disabled={busy}>
        {t('consultation.save')}
      </button>
      {message && (
        <span className="consultation-form__error" role="alert">
          {message}
        </span>
      )}
    </form>
  );
}
