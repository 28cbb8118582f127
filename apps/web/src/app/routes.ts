// The app's routes as data: pure path matching and building, so they are unit-tested in node and
// every link is built from the same table the router matches against.

/** The screens where a plan is worked on; the home page links to each of them. */
export const PLAN_SCREENS = ['grid', 'status', 'overview', 'caps'] as const;
export type PlanScreen = (typeof PLAN_SCREENS)[number];
/** Tools that propose changes to the plan (the optimizer): tabs of the plan, not linked from home. */
export const PLAN_TOOL_SCREENS = ['optimize'] as const;
/** Spreadsheet import and export (Excel round trip). */
export const PLAN_EXCHANGE_SCREENS = ['excel'] as const;
/** The plan's record (versions, change history): tabs of the plan, not linked from home. */
export const PLAN_RECORD_SCREENS = ['versions', 'history'] as const;
/** Every tab of a plan, in order. */
export const PLAN_TABS = [
  ...PLAN_SCREENS,
  ...PLAN_TOOL_SCREENS,
  ...PLAN_EXCHANGE_SCREENS,
  ...PLAN_RECORD_SCREENS,
] as const;
export type PlanTab = (typeof PLAN_TABS)[number];

export type Route =
  | { name: 'home' }
  | { name: 'plan'; planId: string; screen: PlanTab }
  | { name: 'account' }
  | { name: 'users' }
  | { name: 'not-found'; path: string };

function isPlanTab(value: string): value is PlanTab {
  return (PLAN_TABS as readonly string[]).includes(value);
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Pages outside any plan: the signed-in user's account, and the admins' user list. */
export const ACCOUNT_PATH = '/account';
export const USERS_PATH = '/admin/users';

/** Matches a pathname (no query or hash); a trailing slash is tolerated. */
export function matchRoute(pathname: string): Route {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (trimmed === '/' || trimmed === '') return { name: 'home' };
  if (trimmed === ACCOUNT_PATH) return { name: 'account' };
  if (trimmed === USERS_PATH) return { name: 'users' };
  const segments = trimmed.split('/').slice(1);
  if (segments.length === 3 && segments[0] === 'plans') {
    const planId = decodeSegment(segments[1] ?? '');
    const screen = segments[2] ?? '';
    if (planId && isPlanTab(screen)) return { name: 'plan', planId, screen };
  }
  return { name: 'not-found', path: pathname };
}

/** Plan ids are opaque global ids (base64, may hold "=" or "/"), so they are always encoded. */
export function planPath(planId: string, screen: PlanTab = 'grid'): string {
  return `/plans/${encodeURIComponent(planId)}/${screen}`;
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'plan':
      return planPath(route.planId, route.screen);
    case 'account':
      return ACCOUNT_PATH;
    case 'users':
      return USERS_PATH;
    case 'not-found':
      return route.path;
  }
}

/**
 * Whether a click on a link should stay in the app: plain left clicks only, so Ctrl/⌘-click,
 * middle click and "open in new tab" keep working as the browser intends.
 */
export function isPlainLeftClick(event: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.altKey
  );
}
