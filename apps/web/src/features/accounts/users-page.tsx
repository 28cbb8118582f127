// Users (admins): the accounts with their role, scope and state; create one, or change a user's
// name, role, scope or active flag. The API refuses what would break the rules (a scope that does
// not fit the role, demoting or disabling the last admin) and says why in the UI language.
import {
  CreateUserDocument,
  type Role,
  request,
  ScopeGeographyDocument,
  UpdateUserDocument,
  type UpdateUserInput,
  type UserFieldsFragment,
  UsersDocument,
} from '@ntm/graphql-client';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useQuery } from '../../app/use-query';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import { RequestError } from '../plans/request-error';
import { useSession } from '../session/session-provider';
import { formatDateTime } from '../versions/money-text';
import {
  draftOf,
  EMPTY_SCOPE,
  levelFor,
  MIN_PASSWORD_LENGTH,
  ROLE_LABELS,
  ROLES,
  type ScopeDraft,
  scopeInputOf,
  scopeLevelsFor,
  scopeName,
} from './account-logic';
import './accounts.css';
import { type Provinces, ScopePicker } from './scope-picker';
import { TextField } from './text-field';
import { useMutation } from './use-mutation';

/** Role and the scope it needs: shared by the create and edit forms. */
function RoleScopeFields({
  idPrefix,
  role,
  scope,
  provinces,
  onRole,
  onScope,
}: {
  idPrefix: string;
  role: Role;
  scope: ScopeDraft;
  provinces: Provinces;
  onRole: (role: Role) => void;
  onScope: (scope: ScopeDraft) => void;
}) {
  const t = useT();
  return (
    <>
      <div className="accounts-field">
        <label htmlFor={`${idPrefix}-role`}>{t('users.role')}</label>
        <select id={`${idPrefix}-role`} value={role} onChange={(event) => onRole(event.target.value as Role)}>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(ROLE_LABELS[value])}
            </option>
          ))}
        </select>
      </div>
      <ScopePicker
        idPrefix={`${idPrefix}-scope`}
        levels={scopeLevelsFor(role)}
        level={levelFor(role, scope.level)}
        draft={scope}
        provinces={provinces}
        onChange={onScope}
      />
    </>
  );
}

function CreateUserForm({
  provinces,
  onCreated,
}: {
  provinces: Provinces;
  onCreated: (user: UserFieldsFragment) => void;
}) {
  const t = useT();
  const id = useId();
  const { run, busy, error } = useMutation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('VIEWER');
  const [scope, setScope] = useState<ScopeDraft>(EMPTY_SCOPE);
  const [created, setCreated] = useState<string | null>(null);
  const scopeInput = scopeInputOf(role, scope);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!scopeInput) return;
    setCreated(null);
    const input = {
      username: username.trim(),
      displayName: displayName.trim(),
      email: email.trim() || null,
      password,
      role,
      ...scopeInput,
    };
    const result = await run(
      (options) => request(CreateUserDocument, { input }, options).then((data) => data.createUser),
      'UserPayload',
    );
    if (result?.__typename !== 'UserPayload') return;
    onCreated(result.user);
    setCreated(result.user.username);
    setUsername('');
    setDisplayName('');
    setEmail('');
    setPassword('');
  }

  return (
    <form className="accounts-form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('users.create')}</h2>
      <div className="accounts-form__fields">
        <TextField
          id={`${id}-username`}
          label={t('users.username')}
          required
          autoComplete="off"
          pattern="[a-z0-9._\-]{3,64}"
          title={t('users.usernameHint')}
          value={username}
          onValue={setUsername}
        />
        <TextField
          id={`${id}-name`}
          label={t('users.displayName')}
          required
          value={displayName}
          onValue={setDisplayName}
        />
        <TextField
          id={`${id}-email`}
          label={t('users.email')}
          type="email"
          value={email}
          onValue={setEmail}
        />
        <TextField
          id={`${id}-password`}
          label={t('users.password')}
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          value={password}
          onValue={setPassword}
        />
        <RoleScopeFields
          idPrefix={`${id}-new`}
          role={role}
          scope={scope}
          provinces={provinces}
          onRole={setRole}
          onScope={setScope}
        />
      </div>
      <div className="accounts-form__actions">
        <button type="submit" className="button" disabled={busy || !scopeInput}>
          {t('users.createSubmit')}
        </button>
      </div>
      {error && (
        <p className="accounts-error" role="alert">
          {error}
        </p>
      )}
      <p className="accounts-done" role="status">
        {created ? t('users.created', { username: created }) : ''}
      </p>
    </form>
  );
}

function EditUserForm({
  user,
  provinces,
  onSaved,
  onCancel,
}: {
  user: UserFieldsFragment;
  provinces: Provinces;
  onSaved: (user: UserFieldsFragment) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { run, busy, error } = useMutation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [scope, setScope] = useState<ScopeDraft>(() => draftOf(user));
  const [isActive, setIsActive] = useState(user.isActive);
  const scopeInput = scopeInputOf(role, scope);
  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!scopeInput) return;
    const input: UpdateUserInput = { id: user.id, displayName: displayName.trim(), isActive };
    // Role and scope go together only when changed: either replaces the whole scope.
    const scopeChanged =
      JSON.stringify(scopeInput) !== JSON.stringify(scopeInputOf(user.role, draftOf(user)));
    if (role !== user.role || scopeChanged) Object.assign(input, { role }, scopeInput);
    const result = await run(
      (options) => request(UpdateUserDocument, { input }, options).then((data) => data.updateUser),
      'UserPayload',
    );
    if (result?.__typename === 'UserPayload') onSaved(result.user);
  }

  return (
    <form className="accounts-form accounts-form--edit" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t('users.edit', { username: user.username })}
      </h2>
      <div className="accounts-form__fields">
        <TextField
          id={`${id}-name`}
          label={t('users.displayName')}
          required
          value={displayName}
          onValue={setDisplayName}
        />
        <RoleScopeFields
          idPrefix={`${id}-edit`}
          role={role}
          scope={scope}
          provinces={provinces}
          onRole={setRole}
          onScope={setScope}
        />
        <label htmlFor={`${id}-active`} className="accounts-form__check">
          <input
            id={`${id}-active`}
            type="checkbox"
            checked={isActive}
            onChange={(event) => setIsActive(event.target.checked)}
          />
          {t('users.active')}
        </label>
      </div>
      <div className="accounts-form__actions">
        <button type="submit" className="button" disabled={busy || !scopeInput}>
          {t('users.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('accounts.cancel')}
        </button>
      </div>
      {error && (
        <p className="accounts-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function UsersTable({
  users,
  onEdit,
}: {
  users: readonly UserFieldsFragment[];
  onEdit: (userId: string) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <div className="table-scroll">
      <table className="data-table accounts-table" data-testid="users-table">
        <caption className="visually-hidden">{t('users.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('accounts.scope.legend')}</th>
            <th scope="col">{t('users.state')}</th>
            <th scope="col">{t('users.createdAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('accounts.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-username={user.username}>
              <th scope="row">
                <span className="accounts-table__name">{user.displayName}</span>
                {user.email && <span className="accounts-table__note">{user.email}</span>}
              </th>
              <td>
                <code>{user.username}</code>
              </td>
              <td data-testid="user-role-cell">{t(ROLE_LABELS[user.role])}</td>
              <td>{scopeName(user) ?? t('accounts.scope.all')}</td>
              <td>
                <span
                  className={`badge accounts-state accounts-state--${user.isActive ? 'active' : 'revoked'}`}
                >
                  {user.isActive ? t('users.isActive') : t('users.disabled')}
                </span>
              </td>
              <td className="nowrap">{formatDateTime(user.createdAt, LOCALE_TAGS[locale])}</td>
              <td className="accounts-table__actions">
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t('users.editLabel', { username: user.username })}
                  onClick={() => onEdit(user.id)}
                >
                  {t('users.editButton')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UsersPage() {
  const t = useT();
  const { can } = useSession();
  // The link is for admins only; a typed-in address gets a plain answer instead of a failed load.
  if (!can('Query.users')) {
    return (
      <p className="notice notice--error" role="alert">
        {t('users.adminsOnly')}
      </p>
    );
  }
  return <UsersAdmin />;
}

function UsersAdmin() {
  const t = useT();
  const users = useQuery(UsersDocument, {});
  const geography = useQuery(ScopeGeographyDocument, {});
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);
  // The edit form closes on save: focus goes to what says it was saved, not to the page's top.
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const put = (user: UserFieldsFragment) =>
    users.setData((data) => ({
      users: data.users.some((u) => u.id === user.id)
        ? data.users.map((u) => (u.id === user.id ? user : u))
        : [...data.users, user].sort((a, b) => a.username.localeCompare(b.username)),
    }));
  const failed =
    users.state.status === 'error' ? users : geography.state.status === 'error' ? geography : null;
  const editedUser =
    users.state.status === 'ready' ? users.state.data.users.find((user) => user.id === editing) : undefined;

  return (
    <section className="page accounts-page" aria-labelledby="users-heading">
      <div className="page__header">
        <div>
          <h1 id="users-heading">{t('users.heading')}</h1>
          <p className="page__intro">{t('users.intro')}</p>
        </div>
      </div>
      {failed && failed.state.status === 'error' && (
        <RequestError title={t('users.loadError')} error={failed.state.error} onRetry={failed.reload} />
      )}
      {users.state.status === 'loading' || geography.state.status === 'loading' ? (
        <p className="notice notice--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('session.loading')}
        </p>
      ) : null}
      {users.state.status === 'ready' && geography.state.status === 'ready' && (
        <>
          <p ref={savedRef} tabIndex={-1} className="accounts-done" role="status">
            {saved ? t('users.saved', { username: saved }) : ''}
          </p>
          {editedUser && (
            <EditUserForm
              key={editedUser.id}
              user={editedUser}
              provinces={geography.state.data.provinces}
              onSaved={(user) => {
                put(user);
                setSaved(user.username);
                setEditing(null);
              }}
              onCancel={() => setEditing(null)}
            />
          )}
          <UsersTable
            users={users.state.data.users}
            onEdit={(userId) => {
              setSaved(null);
              setEditing(userId);
            }}
          />
          <CreateUserForm provinces={geography.state.data.provinces} onCreated={put} />
        </>
      )}
    </section>
  );
}
