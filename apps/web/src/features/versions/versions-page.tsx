// Versions of a plan: named snapshots (e.g. what went to the People's Council), the difference
// between two of them or between one and the plan now, and restoring one as a new draft plan.
// A comparison with "now" follows live changes from other planners without a reload.
import {
  CreatePlanSnapshotDocument,
  PlanSnapshotsDocument,
  type PlanSnapshotsQuery,
  RestorePlanSnapshotDocument,
  request,
  type SnapshotFieldsFragment,
} from '@ntm/graphql-client';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { PlanHeader } from '../../app/plan-layout';
import { navigate } from '../../app/router';
import { planPath } from '../../app/routes';
import { describeSaveFailure, type SaveFailure } from '../../app/save-failure';
import { useQuery } from '../../app/use-query';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import { RequestError } from '../plans/request-error';
import { DiffView } from './diff-view';
import { formatDateTime, MoneyText } from './money-text';
import './versions.css';
import { useSession } from '../session/session-provider';

/** The "to" side of a comparison: a snapshot id, or the plan as it is now. */
export const NOW = '';

type CreateState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; name: string }
  | { status: 'failed'; failure: SaveFailure };

function CreateSnapshotForm({
  planId,
  onCreated,
}: {
  planId: string;
  onCreated: (snapshot: SnapshotFieldsFragment) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [state, setState] = useState<CreateState>({ status: 'idle' });
  const nameId = useId();
  const noteId = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    setState({ status: 'saving' });
    request(
      CreatePlanSnapshotDocument,
      { input: { planId, name: trimmed, note: note.trim() || null } },
      { locale: LOCALE_TAGS[locale] },
    )
      .then((result) => {
        const payload = result.createPlanSnapshot;
        if (payload.__typename === 'PlanSnapshotPayload') {
          onCreated(payload.snapshot);
          setName('');
          setNote('');
          setState({ status: 'saved', name: payload.snapshot.name });
        } else {
          setState({
            status: 'failed',
            failure: { kind: 'input', code: payload.code, message: payload.message, locale },
          });
        }
      })
      .catch((error: unknown) => setState({ status: 'failed', failure: { kind: 'request', error } }));
  };

  return (
    <form className="versions-create" onSubmit={submit} aria-labelledby={`${nameId}-heading`}>
      <h3 id={`${nameId}-heading`}>{t('versions.create.heading')}</h3>
      <div className="versions-create__fields">
        <label htmlFor={nameId}>
          {t('versions.create.name')}
          <input
            id={nameId}
            value={name}
            required
            maxLength={200}
            placeholder={t('versions.create.namePlaceholder')}
            aria-invalid={state.status === 'failed'}
            aria-describedby={state.status === 'failed' ? errorId : undefined}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label htmlFor={noteId}>
          {t('versions.create.note')}
          <input id={noteId} value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
        <button type="submit" className="button" disabled={!name.trim() || state.status === 'saving'}>
          {state.status === 'saving' ? t('versions.create.saving') : t('versions.create.submit')}
        </button>
      </div>
      <p className="versions-create__result" role="status">
        {state.status === 'saved' ? t('versions.create.saved', { name: state.name }) : ''}
      </p>
      {state.status === 'failed' && (
        <p id={errorId} className="versions-error" role="alert">
          {describeSaveFailure(state.failure, locale, t)}
        </p>
      )}
    </form>
  );
}

type RestoreState = { status: 'idle' } | { status: 'saving' } | { status: 'failed'; failure: SaveFailure };

function RestoreDialog({
  plan,
  snapshot,
  onClose,
}: {
  plan: PlanHeader;
  snapshot: SnapshotFieldsFragment;
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const [name, setName] = useState(() =>
    t('versions.restore.defaultName', { plan: plan.name, snapshot: snapshot.name }),
  );
  const [state, setState] = useState<RestoreState>({ status: 'idle' });
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const nameId = useId();

  // showModal gives focus trapping, Escape to close and an inert page behind, all native.
  const setDialog = (element: HTMLDialogElement | null) => {
    dialogRef.current = element;
    if (element && !element.open) element.showModal();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState({ status: 'saving' });
    request(
      RestorePlanSnapshotDocument,
      { input: { snapshotId: snapshot.id, name: name.trim() } },
      { locale: LOCALE_TAGS[locale] },
    )
      .then((result) => {
        const payload = result.restorePlanSnapshot;
        if (payload.__typename === 'RestorePlanSnapshotPayload') {
          dialogRef.current?.close();
          navigate(planPath(payload.plan.id, 'grid'));
        } else {
          setState({
            status: 'failed',
            failure: { kind: 'input', code: payload.code, message: payload.message, locale },
          });
        }
      })
      .catch((error: unknown) => setState({ status: 'failed', failure: { kind: 'request', error } }));
  };

  return (
    <dialog ref={setDialog} className="versions-dialog" aria-labelledby={headingId} onClose={onClose}>
      <form onSubmit={submit}>
        <h3 id={headingId}>{t('versions.restore.title', { name: snapshot.name })}</h3>
        <p>{t('versions.restore.explain')}</p>
        <label htmlFor={nameId} className="versions-dialog__field">
          {t('versions.restore.newName')}
          <input id={nameId} value={name} required onChange={(event) => setName(event.target.value)} />
        </label>
        {state.status === 'failed' && (
          <p className="versions-error" role="alert">
            {describeSaveFailure(state.failure, locale, t)}
          </p>
        )}
        <div className="versions-dialog__actions">
          <button type="button" className="button button--quiet" onClick={() => dialogRef.current?.close()}>
            {t('versions.restore.cancel')}
          </button>
          <button type="submit" className="button" disabled={!name.trim() || state.status === 'saving'}>
            {state.status === 'saving' ? t('versions.restore.saving') : t('versions.restore.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function SnapshotTable({
  snapshots,
  onCompare,
  onRestore,
}: {
  snapshots: readonly SnapshotFieldsFragment[];
  onCompare: (snapshotId: string) => void;
  onRestore: (snapshot: SnapshotFieldsFragment) => void;
}) {
  const mayRestore = useSession().can('Mutation.restorePlanSnapshot');
  const t = useT();
  const [locale] = useLocale();
  if (snapshots.length === 0) return <p className="screen__hint">{t('versions.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table versions-table">
        <caption className="visually-hidden">{t('versions.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('versions.column.name')}</th>
            <th scope="col">{t('versions.column.createdAt')}</th>
            <th scope="col">{t('versions.column.createdBy')}</th>
            <th scope="col" className="num">
              {t('versions.column.total')}
            </th>
            <th scope="col" className="num">
              {t('versions.column.cells')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('versions.column.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((snapshot) => (
            <tr key={snapshot.id} data-testid="snapshot-row">
              <th scope="row">
                <span className="versions-table__name">{snapshot.name}</span>
                {snapshot.note && <span className="versions-table__note">{snapshot.note}</span>}
              </th>
              <td>
                <time dateTime={snapshot.createdAt}>
                  {formatDateTime(snapshot.createdAt, LOCALE_TAGS[locale])}
                </time>
              </td>
              <td>{snapshot.createdBy}</td>
              <td className="num">
                <MoneyText value={snapshot.total} />
              </td>
              <td className="num">{snapshot.cellCount.toLocaleString(LOCALE_TAGS[locale])}</td>
              <td className="versions-table__actions">
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => onCompare(snapshot.id)}
                  aria-label={t('versions.compareWithNowLabel', { name: snapshot.name })}
                >
                  {t('versions.compareWithNow')}
                </button>
                {mayRestore && (
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => onRestore(snapshot)}
                    aria-label={t('versions.restoreLabel', { name: snapshot.name })}
                  >
                    {t('versions.restore')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type VersionsData = NonNullable<PlanSnapshotsQuery['plan']> & {
  fundingSources: PlanSnapshotsQuery['fundingSources'];
};

export function VersionsPage({ plan }: { plan: PlanHeader }) {
  const session = useSession();
  const t = useT();
  const { state, reload, setData } = useQuery(
    PlanSnapshotsDocument,
    { planId: plan.id },
    { refetchOnLocale: true },
  );
  const [fromId, setFromId] = useState<string | null>(null);
  const [toId, setToId] = useState<string>(NOW);
  const [restoring, setRestoring] = useState<SnapshotFieldsFragment | null>(null);
  const fromSelectId = useId();
  const toSelectId = useId();

  if (state.status === 'loading') {
    return (
      <p className="notice notice--loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('versions.loading')}
      </p>
    );
  }
  if (state.status === 'error' || !state.data.plan) {
    return (
      <RequestError
        title={t('versions.errorTitle')}
        error={state.status === 'error' ? state.error : null}
        onRetry={reload}
      />
    );
  }

  const data: VersionsData = { ...state.data.plan, fundingSources: state.data.fundingSources };
  const snapshots = data.snapshots;
  const effectiveFrom = fromId ?? snapshots[0]?.id ?? null;

  const addSnapshot = (snapshot: SnapshotFieldsFragment) => {
    setData((current) =>
      current.plan
        ? { ...current, plan: { ...current.plan, snapshots: [snapshot, ...current.plan.snapshots] } }
        : current,
    );
    setFromId(snapshot.id);
    setToId(NOW);
  };

  return (
    <section className="screen versions" aria-labelledby="versions-heading">
      <div className="screen__header">
        <div>
          <h2 id="versions-heading">{t('versions.heading')}</h2>
          <p className="page__intro">{t('versions.intro')}</p>
        </div>
      </div>

      {session.can('Mutation.createPlanSnapshot') && (
        <CreateSnapshotForm planId={plan.id} onCreated={addSnapshot} />
      )}

      <h3 className="versions-subheading">{t('versions.list.heading')}</h3>
      <SnapshotTable
        snapshots={snapshots}
        onCompare={(snapshotId) => {
          setFromId(snapshotId);
          setToId(NOW);
          document.getElementById('versions-compare-heading')?.focus();
        }}
        onRestore={setRestoring}
      />

      {snapshots.length > 0 && effectiveFrom && (
        <section className="versions-compare" aria-labelledby="versions-compare-heading">
          <h3 id="versions-compare-heading" tabIndex={-1} className="versions-subheading">
            {t('versions.compare.heading')}
          </h3>
          <div className="versions-compare__pickers">
            <label htmlFor={fromSelectId}>
              {t('versions.compare.from')}
              <select
                id={fromSelectId}
                value={effectiveFrom}
                onChange={(event) => setFromId(event.target.value)}
              >
                {snapshots.map((snapshot) => (
                  <option key={snapshot.id} value={snapshot.id}>
                    {snapshot.name}
                  </option>
                ))}
              </select>
            </label>
            <span aria-hidden="true">→</span>
            <label htmlFor={toSelectId}>
              {t('versions.compare.to')}
              <select id={toSelectId} value={toId} onChange={(event) => setToId(event.target.value)}>
                <option value={NOW}>{t('versions.compare.now')}</option>
                {snapshots
                  .filter((snapshot) => snapshot.id !== effectiveFrom)
                  .map((snapshot) => (
                    <option key={snapshot.id} value={snapshot.id}>
                      {snapshot.name}
                    </option>
                  ))}
              </select>
            </label>
          </div>
          <DiffView
            planId={plan.id}
            fromId={effectiveFrom}
            toId={toId === effectiveFrom ? NOW : toId}
            names={data}
          />
        </section>
      )}

      {restoring && <RestoreDialog plan={plan} snapshot={restoring} onClose={() => setRestoring(null)} />}
    </section>
  );
}
