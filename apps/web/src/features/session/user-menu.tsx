// The header's account corner: who is signed in, their role and scope, their account page, the
// user list for admins, and signing out.
import { Link, useRouter } from '../../app/router';
import { ACCOUNT_PATH, USERS_PATH } from '../../app/routes';
import { useT } from '../../i18n/i18n-provider';
import { ROLE_LABELS, scopeName } from '../accounts/account-logic';
import { useSession } from './session-provider';

export function UserMenu() {
  const t = useT();
  const { me, can, logout } = useSession();
  const { route } = useRouter();
  const place = scopeName(me);
  return (
    <div className="user-menu" data-testid="user-menu">
      <span className="user-menu__who">
        <span className="user-menu__name">{me.displayName}</span>
        <span className="user-menu__role" data-testid="user-role">
          {t(ROLE_LABELS[me.role])}
          {place ? ` · ${place}` : ''}
        </span>
      </span>
      <Link
        to={ACCOUNT_PATH}
        className="link-button"
        aria-current={route.name === 'account' ? 'page' : undefined}
      >
        {t('session.accountLink')}
      </Link>
      {can('Query.users') && (
        <Link
          to={USERS_PATH}
          className="link-button"
          aria-current={route.name === 'users' ? 'page' : undefined}
        >
          {t('session.usersLink')}
        </Link>
      )}
      <button type="button" className="link-button" onClick={() => void logout()}>
        {t('session.logout')}
      </button>
    </div>
  );
}
