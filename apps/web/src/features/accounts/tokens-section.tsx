// My integrator tokens: make one for my scope (an admin: any province or district), see its secret
// once, list them with last use and expiry, revoke with confirmation.
import {
  ApiTokensDocument,
  CreateApiTokenDocument,
  RevokeApiTokenDocument,
  request,
  ScopeGeographyDocument,
  type TokenAccess,
} from '@ntm/graphql-client';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useQuery } from '../../app/use-query';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { LOCALE_TAGS } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/vi';
import { RequestError } from '../plans/request-error';
import { useSession } from '../session/session-provider';
import { formatDateTime } from '../versions/money-text';
import {
  EMPTY_SCOPE,
  type ScopeDraft,
  type ScopeLevelChoice,
  scopeName,
  TOKEN_LIFETIMES,
  tokenStateOf,
} from './account-logic';
import { ConfirmButton } from './confirm-button';
import { ScopePicker } from './scope-picker';
import { TextField } from './text-field';
import { useMutation } from './use-mutation';

const ACCESS_LABELS: Record<TokenAccess, MessageKey> = {
  READ: 'account.tokens.access.read',
  READ_WRITE: 'account.tokens.access.readWrite',
};
const STATE_LABELS = {
  active: 'account.tokens.state.active',
  expired: 'account.tokens.state.expired',
  revoked: 'account.tokens.state.revoked',
} as const satisfies Record<string, MessageKey>;
/** An admin's token is for a province or a district; a planner's is always for their own scope. */
const ADMIN_TOKEN_LEVELS: readonly ScopeLevelChoice[] = ['province', 'district'];

/** The secret, once: copy it now, it is stored hashed and never shown again. */
function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard (insecure origin, denied): the secret stays selectable by hand.
      setCopied(false);
    }
  }
  return (
    <div className="accounts-secret" data-testid="token-secret-box">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('account.tokens.secretHeading', { name })}
      </h3>
      <p className="accounts-secret__warning">{t('account.tokens.secretOnce')}</p>
      <div className="accounts-secret__row">
        <code data-testid="token-secret">{secret}</code>
        <button type="button" className="button" onClick={() => void copy()}>
          {t('account.tokens.copy')}
        </button>
        <span role="status" className="accounts-done">
          {copied ? t('account.tokens.copied') : ''}
        </span>
      </div>
      <button type="button" className="button button--quiet" onClick={onDone}>
        {t('account.tokens.secretDone')}
      </button>
    </div>
  );
}

/** Only an admin picks the token's province or district, so only they load the geography. */
function AdminTokenScope({
  idPrefix,
  scope,
  onChange,
}: {
  idPrefix: string;
  scope: ScopeDraft;
  onChange: (scope: ScopeDraft) => void;
}) {
  const { state } = useQuery(ScopeGeographyDocument, {});
  if (state.status !== 'ready') return null;
  return (
    <ScopePicker
      idPrefix={idPrefix}
      levels={ADMIN_TOKEN_LEVELS}
      level={scope.level}
      draft={scope}
      provinces={state.data.provinces}
      onChange={onChange}
    />
  );
}

function CreateTokenForm({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const id = useId();
  const { me } = useSession();
  const isAdmin = me.scopeLevel === 'ALL';
  const { run, busy, error } = useMutation();
  const [name, setName] = useState('');
  const [access, setAccess] = useState<TokenAccess>('READ');
  const [days, setDays] = useState<number>(90);
  const [scope, setScope] = useState<ScopeDraft>({ ...EMPTY_SCOPE, level: 'province' });
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  // A planner's token is for their own province or district; an admin picks one.
  const scopeInput = isAdmin
    ? scope.level === 'district'
      ? scope.districtId && { districtId: scope.districtId }
      : scope.provinceId && { provinceId: scope.provinceId }
    : me.scopeLevel === 'DISTRICT'
      ? { districtId: me.district?.id ?? null }
      : { provinceId: me.province?.id ?? null };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!scopeInput) return;
    const result = await run(
      (options) =>
        request(
          CreateApiTokenDocument,
          { input: { name: name.trim(), access, expiresInDays: days, ...scopeInput } },
          options,
        ).then((data) => data.createApiToken),
      'CreateApiTokenPayload',
    );
    if (result?.__typename !== 'CreateApiTokenPayload') return;
    setCreated({ name: result.token.name, secret: result.secret });
    setName('');
    onCreated();
  }

  if (created) return <SecretOnce {...created} onDone={() => setCreated(null)} />;
  return (
    <form className="accounts-form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('account.tokens.create')}</h3>
      <div className="accounts-form__fields">
        <TextField
          id={`${id}-name`}
          label={t('account.tokens.name')}
          required
          maxLength={100}
          placeholder={t('account.tokens.namePlaceholder')}
          value={name}
          onValue={setName}
        />
        <div className="accounts-field">
          <label htmlFor={`${id}-access`}>{t('account.tokens.access')}</label>
          <select
            id={`${id}-access`}
            value={access}
            onChange={(event) => setAccess(event.target.value as TokenAccess)}
          >
            {(Object.keys(ACCESS_LABELS) as TokenAccess[]).map((value) => (
              <option key={value} value={value}>
                {t(ACCESS_LABELS[value])}
              </option>
            ))}
          </select>
        </div>
        <div className="accounts-field">
          <label htmlFor={`${id}-days`}>{t('account.tokens.lifetime')}</label>
          <select id={`${id}-days`} value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {TOKEN_LIFETIMES.map((value) => (
              <option key={value} value={value}>
                {t('account.tokens.days', { days: value })}
              </option>
            ))}
          </select>
        </div>
        {!isAdmin && (
          <p className="accounts-form__note">
            {t('account.tokens.ownScope', { place: scopeName(me) ?? '—' })}
          </p>
        )}
      </div>
      {isAdmin && <AdminTokenScope idPrefix={`${id}-scope`} scope={scope} onChange={setScope} />}
      <div className="accounts-form__actions">
        <button type="submit" className="button" disabled={busy || !name.trim() || !scopeInput}>
          {t('account.tokens.submit')}
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

export function TokensSection() {
  const t = useT();
  const [locale] = useLocale();
  const { can } = useSession();
  const { state, reload, refresh, setData } = useQuery(ApiTokensDocument, {});
  const { run, busy, error } = useMutation();

  async function revoke(tokenId: string) {
    const result = await run(
      (options) =>
        request(RevokeApiTokenDocument, { id: tokenId }, options).then((data) => data.revokeApiToken),
      'ApiTokenPayload',
    );
    if (result?.__typename !== 'ApiTokenPayload') return;
    const revoked = result.token;
    setData((data) => ({
      apiTokens: data.apiTokens.map((token) => (token.id === revoked.id ? revoked : token)),
    }));
  }

  const tag = LOCALE_TAGS[locale];
  const now = new Date();
  return (
    <section className="accounts-section" aria-labelledby="account-tokens-heading">
      <h2 id="account-tokens-heading">{t('account.tokens.heading')}</h2>
      <p className="screen__hint">{t('account.tokens.intro')}</p>
      {can('Mutation.createApiToken') && <CreateTokenForm onCreated={refresh} />}
      {state.status === 'error' && (
        <RequestError title={t('account.tokens.loadError')} error={state.error} onRetry={reload} />
      )}
      {state.status === 'ready' &&
        (state.data.apiTokens.length === 0 ? (
          <p className="screen__hint">{t('account.tokens.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table accounts-table" data-testid="tokens-table">
              <caption className="visually-hidden">{t('account.tokens.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('account.tokens.name')}</th>
                  <th scope="col">{t('account.tokens.prefix')}</th>
                  <th scope="col">{t('account.tokens.access')}</th>
                  <th scope="col">{t('accounts.scope.legend')}</th>
                  <th scope="col">{t('account.tokens.lastUsed')}</th>
                  <th scope="col">{t('account.tokens.expires')}</th>
                  <th scope="col">{t('account.tokens.state')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('accounts.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.data.apiTokens.map((token) => {
                  const tokenState = tokenStateOf(token, now);
                  return (
                    <tr key={token.id}>
                      <th scope="row">{token.name}</th>
                      <td>
                        <code>{token.prefix}…</code>
                      </td>
                      <td>{t(ACCESS_LABELS[token.access])}</td>
                      <td>{scopeName(token) ?? '—'}</td>
                      <td className="nowrap">
                        {token.lastUsedAt
                          ? formatDateTime(token.lastUsedAt, tag)
                          : t('account.tokens.neverUsed')}
                      </td>
                      <td className="nowrap">{formatDateTime(token.expiresAt, tag)}</td>
                      <td>
                        <span className={`badge accounts-state accounts-state--${tokenState}`}>
                          {t(STATE_LABELS[tokenState])}
                        </span>
                      </td>
                      <td className="accounts-table__actions">
                        {tokenState === 'active' && (
                          <ConfirmButton
                            label={t('account.tokens.revoke')}
                            question={t('account.tokens.revokeQuestion', { name: token.name })}
                            confirmLabel={t('account.tokens.revokeConfirm')}
                            busy={busy}
                            onConfirm={() => void revoke(token.id)}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      {error && (
        <p className="accounts-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
