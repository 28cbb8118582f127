// The header's account corner: who is signed in, their role and scope, and signing out.

import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/vi';
import { type Me, useSession } from './session-provider';

const ROLE_LABELS: Record<Me['role'], MessageKey> = {
  ADMIN: 'role.admin',
  PROVINCE_PLANNER: 'role.provincePlanner',
  DISTRICT_PLANNER: 'role.districtPlanner',
  COMMUNE_OFFICER: 'role.communeOfficer',
  COUNCIL_REVIEWER: 'role.councilReviewer',
  VIEWER: 'role.viewer',
};

export function UserMenu() {
  const t = useT();
  const { me, logout } = useSession();
  const place = me.commune?.name ?? me.district?.name ?? me.province?.name;
  return (
    <div className="user-menu" data-testid="user-menu">
      <span className="user-menu__who">
        <span className="user-menu__name">{me.displayName}</span>
        <span className="user-menu__role" data-testid="user-role">
          {t(ROLE_LABELS[me.role])}
          {place ? ` · ${place}` : ''}
        </span>
      </span>
      <button type="button" className="link-button" onClick={() => void logout()}>
        {t('session.logout')}
      </button>
    </div>
  );
}
