// Funding caps: per source, how much the plan may commit and whether that money is confirmed
// (e.g. approved by HĐND) or only expected; beside it what is already allocated and the debt risk.
import { type DomainError, formatMoney, formatMoneyCompact, localizeError } from '@ntm/domain';
import { FundingCapsDocument, request, SetFundingCapDocument } from '@ntm/graphql-client';
import { type FormEvent, useMemo, useState } from 'react';
import type { PlanHeader } from '../../app/plan-layout';
import { describeSaveFailure, type SaveFailure } from '../../app/save-failure';
import { useQuery } from '../../app/use-query';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import { RequestError } from '../plans/request-error';
import {
  applySavedCap,
  type CapDraft,
  type CapRow,
  isDraftChanged,
  parseCapInput,
  toCapRows,
} from './cap-rows';
import './funding-caps.css';
import { editAccessOf } from '../session/plan-access';
import { useSession } from '../session/session-provider';

type RowState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'invalid'; error: DomainError }
  | { status: 'failed'; failure: SaveFailure };

function Money({ value }: { value: bigint }) {
  const [locale] = useLocale();
  return (
    <span title={`${formatMoney(value, { locale })} ${locale === 'vi' ? 'đồng' : 'VND'}`}>
      {formatMoney(value, { locale, unit: 'trieu', maxFractionDigits: 0 })}
    </span>
  );
}

function CapRowView({
  row,
  draft,
  rowState,
  onDraft,
  onSave,
  mayEdit,
}: {
  row: CapRow;
  draft: CapDraft;
  rowState: RowState;
  onDraft: (draft: CapDraft) => void;
  onSave: () => void;
  mayEdit: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const formId = `cap-form-${row.code}`;
  const errorId = `cap-error-${row.code}`;
  const isChanged = isDraftChanged(draft, row.saved);
  const hasError = rowState.status === 'invalid' || rowState.status === 'failed';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave();
  };
  return (
    <tr data-testid={`cap-row-${row.code}`} className={isChanged ? 'cap-row cap-row--changed' : 'cap-row'}>
      <th scope="row" className="cap-source">
        <span className="cap-source__name">{row.name}</span>
        <span className="cap-source__meta">
          {row.code}
          {row.needsCouncilApproval && <> · {t('caps.needsCouncil')}</>}
        </span>
      </th>
      <td>
        <label className="visually-hidden" htmlFor={`${formId}-amount`}>
          {t('caps.amountLabel', { source: row.name })}
        </label>
        <input
          id={`${formId}-amount`}
          form={formId}
          className="cap-input cap-input--amount"
          inputMode="decimal"
          autoComplete="off"
          value={draft.amountText}
          placeholder={t('caps.noCap')}
          readOnly={!mayEdit}
          aria-invalid={hasError}
          aria-describedby={hasError ? errorId : undefined}
          onChange={(event) => onDraft({ ...draft, amountText: event.target.value })}
        />
      </td>
      <td>
        <label className="checkbox">
          <input
            type="checkbox"
            form={formId}
            checked={draft.isConfirmed}
            disabled={!mayEdit}
            onChange={(event) => onDraft({ ...draft, isConfirmed: event.target.checked })}
          />
          <span>{t('caps.confirmed')}</span>
          <span className="visually-hidden"> — {row.name}</span>
        </label>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${formId}-note`}>
          {t('caps.noteLabel', { source: row.name })}
        </label>
        <input
          id={`${formId}-note`}
          form={formId}
          className="cap-input cap-input--note"
          value={draft.note}
          readOnly={!mayEdit}
          onChange={(event) => onDraft({ ...draft, note: event.target.value })}
        />
      </td>
      <td className="num">
        <Money value={row.allocated} />
        {row.cap !== null && row.cap > 0n && (
          <span className="cap-usage" aria-hidden="true">
            <span
              className={row.allocated > row.cap ? 'cap-usage__bar cap-usage__bar--over' : 'cap-usage__bar'}
              style={{ width: `${Math.min(100, Number((row.allocated * 100n) / row.cap))}%` }}
            />
          </span>
        )}
      </td>
      <td className="num" data-testid={`debt-risk-${row.code}`}>
        {row.debtRisk > 0n ? (
          <strong className="shortfall" title={formatMoneyCompact(row.debtRisk, locale)}>
            <Money value={row.debtRisk} />
          </strong>
        ) : (
          <Money value={0n} />
        )}
      </td>
      <td>
        {row.status && (
          <span className={`commit-badge commit-badge--${row.status.toLowerCase()}`}>
            {t(`caps.status.${row.status}`)}
          </span>
        )}
      </td>
      <td className="cap-actions">
        <form id={formId} onSubmit={submit} hidden={!mayEdit}>
          <button
            type="submit"
            className="button"
            disabled={!isChanged || rowState.status === 'saving'}
            aria-label={t('caps.saveLabel', { source: row.name })}
          >
            {rowState.status === 'saving' ? t('caps.saving') : t('caps.save')}
          </button>
        </form>
        {rowState.status === 'saved' && !isChanged && (
          <span className="cap-saved" role="status">
            {t('caps.saved')}
          </span>
        )}
        {hasError && (
          <p id={errorId} className="cap-error" role="alert">
            {rowState.status === 'invalid'
              ? localizeError(rowState.error, locale)
              : describeSaveFailure(rowState.failure, locale, t)}
          </p>
        )}
      </td>
    </tr>
  );
}

export function FundingCapsPage({ plan }: { plan: PlanHeader }) {
  const t = useT();
  const [locale] = useLocale();
  // plan.status follows live changes (the header), so the caps lock when the plan is submitted.
  const access = editAccessOf(plan.status, useSession().can, 'Mutation.setFundingCap');
  const { state, reload, setData } = useQuery(FundingCapsDocument, { id: plan.id });
  const [drafts, setDrafts] = useState<ReadonlyMap<string, CapDraft>>(new Map());
  const [rowStates, setRowStates] = useState<ReadonlyMap<string, RowState>>(new Map());
  const data = state.status === 'ready' ? state.data : null;
  const rows = useMemo(() => (data ? toCapRows(data, locale) : []), [data, locale]);

  const setRowState = (sourceId: string, rowState: RowState) =>
    setRowStates((current) => new Map(current).set(sourceId, rowState));
  const clearDraft = (sourceId: string) =>
    setDrafts((current) => {
      const next = new Map(current);
      next.delete(sourceId);
      return next;
    });

  const save = (row: CapRow) => {
    const draft = drafts.get(row.sourceId) ?? row.saved;
    const parsed = parseCapInput(draft.amountText.trim() === '' ? '0' : draft.amountText, locale);
    if (!parsed.ok) {
      setRowState(row.sourceId, { status: 'invalid', error: parsed.error });
      return;
    }
    setRowState(row.sourceId, { status: 'saving' });
    const note = draft.note.trim();
    request(
      SetFundingCapDocument,
      {
        input: {
          planId: plan.id,
          sourceId: row.sourceId,
          amount: parsed.value.toString(),
          isConfirmed: draft.isConfirmed,
          note: note === '' ? null : note,
        },
      },
      { locale: LOCALE_TAGS[locale] },
    )
      .then((result) => {
        const payload = result.setFundingCap;
        if (payload.__typename === 'FundingCapPayload') {
          setData((current) => applySavedCap(current, payload));
          clearDraft(row.sourceId);
          setRowState(row.sourceId, { status: 'saved' });
        } else {
          setRowState(row.sourceId, {
            status: 'failed',
            failure: { kind: 'input', code: payload.code, message: payload.message, locale },
          });
        }
      })
      .catch((error: unknown) =>
        setRowState(row.sourceId, { status: 'failed', failure: { kind: 'request', error } }),
      );
  };

  if (state.status === 'loading') {
    return (
      <p className="notice notice--loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('caps.loading')}
      </p>
    );
  }
  if (state.status === 'error' || !data?.plan) {
    return (
      <RequestError
        title={t('caps.errorTitle')}
        error={state.status === 'error' ? state.error : null}
        onRetry={reload}
      />
    );
  }

  const { totals } = data.plan.analysis;
  return (
    <section className="screen funding-caps" aria-labelledby="caps-heading">
      <div className="screen__header">
        <div>
          <h2 id="caps-heading">{t('caps.heading')}</h2>
          <p className="page__intro">{t('caps.intro')}</p>
        </div>
        <dl className="caps-totals">
          <div>
            <dt>{t('caps.totals.confirmed')}</dt>
            <dd>{formatMoneyCompact(BigInt(totals.confirmedCaps), locale)}</dd>
          </div>
          <div>
            <dt>{t('caps.totals.expected')}</dt>
            <dd>{formatMoneyCompact(BigInt(totals.expectedCaps), locale)}</dd>
          </div>
          <div>
            <dt>{t('caps.totals.allocated')}</dt>
            <dd>{formatMoneyCompact(BigInt(totals.allocated), locale)}</dd>
          </div>
          <div className={BigInt(totals.debtRisk) > 0n ? 'caps-totals__risk' : undefined}>
            <dt>{t('caps.totals.debtRisk')}</dt>
            <dd data-testid="caps-total-debt-risk">{formatMoneyCompact(BigInt(totals.debtRisk), locale)}</dd>
          </div>
        </dl>
      </div>
      {access === 'editable' ? (
        <p className="screen__hint">{t('caps.inputHint')}</p>
      ) : (
        <p className="screen__hint" role="status" data-testid="caps-read-only">
          {t(access === 'planLocked' ? 'caps.planLocked' : 'session.readOnly')}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table caps-table">
          <caption className="visually-hidden">{t('caps.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('caps.column.source')}</th>
              <th scope="col">{t('caps.column.cap')}</th>
              <th scope="col">{t('caps.column.confirmed')}</th>
              <th scope="col">{t('caps.column.note')}</th>
              <th scope="col" className="num">
                {t('caps.column.allocated')}
              </th>
              <th scope="col" className="num">
                {t('caps.column.debtRisk')}
              </th>
              <th scope="col">{t('caps.column.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('caps.column.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <CapRowView
                key={row.sourceId}
                row={row}
                // Read-only rows show what is saved, not an edit left over from before the lock.
                draft={(access === 'editable' ? drafts.get(row.sourceId) : undefined) ?? row.saved}
                rowState={rowStates.get(row.sourceId) ?? { status: 'idle' }}
                onDraft={(draft) => {
                  setDrafts((current) => new Map(current).set(row.sourceId, draft));
                  const rowState = rowStates.get(row.sourceId);
                  if (rowState && rowState.status !== 'saving') setRowState(row.sourceId, { status: 'idle' });
                }}
                onSave={() => save(row)}
                mayEdit={access === 'editable'}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
