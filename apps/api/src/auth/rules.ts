// Who may call what: the ONE table of role → operation rules. The schema attaches it to every
// root field (schema/access.ts), `me.permissions` is read from it, and the access-matrix test
// walks the schema and fails for any Query, Mutation or Subscription field missing here.
// Row-level scope (which plans, communes, districts) is decided by auth/scope.ts.
import type { UserRole } from '@ntm/db';

export const ROLES = [
  'admin',
  'province_planner',
  'district_planner',
  'commune_officer',
  'council_reviewer',
  'viewer',
] as const satisfies readonly UserRole[];

/**
 * public: anyone, signed in or not. read: any signed-in user or API token of the listed roles.
 * write: users of the listed roles, and read-write API tokens. account: users only, never tokens
 * (a token cannot make tokens, sign in or change a password).
 */
export type Access = 'public' | 'read' | 'write' | 'account';

export interface Rule {
  access: Access;
  roles: readonly UserRole[];
}

const EVERYONE = ROLES;
const PLANNERS = ['admin', 'province_planner', 'district_planner'] as const;
/** Planners, and the commune officer for the rows of their own commune. */
const EDITORS = [...PLANNERS, 'commune_officer'] as const;
/** The People's Council reviewer decides on submitted plans; the admin can stand in. */
const REVIEWERS = ['admin', 'council_reviewer'] as const;

export const RULES = {
  'Query.auditLog': { access: 'read', roles: EVERYONE },
  'Query.communes': { access: 'read', roles: EVERYONE },
  'Query.criteriaSets': { access: 'read', roles: EVERYONE },
  'Query.districts': { access: 'read', roles: EVERYONE },
  'Query.fundingSources': { access: 'read', roles: EVERYONE },
  'Query.node': { access: 'read', roles: EVERYONE },
  'Query.nodes': { access: 'read', roles: EVERYONE },
  'Query.plan': { access: 'read', roles: EVERYONE },
  'Query.plans': { access: 'read', roles: EVERYONE },
  'Query.provinces': { access: 'read', roles: EVERYONE },
  'Query.me': { access: 'read', roles: EVERYONE },
  'Query.mySessions': { access: 'account', roles: EVERYONE },
  'Query.apiTokens': { access: 'account', roles: PLANNERS },
  'Query.users': { access: 'account', roles: ['admin'] },
  'Subscription.planChanged': { access: 'read', roles: EVERYONE },

  'Mutation.login': { access: 'public', roles: EVERYONE },
  'Mutation.logout': { access: 'account', roles: EVERYONE },
  'Mutation.changePassword': { access: 'account', roles: EVERYONE },
  'Mutation.revokeSession': { access: 'account', roles: EVERYONE },
  'Mutation.createUser': { access: 'account', roles: ['admin'] },
  'Mutation.updateUser': { access: 'account', roles: ['admin'] },
  'Mutation.createApiToken': { access: 'account', roles: PLANNERS },
  'Mutation.revokeApiToken': { access: 'account', roles: PLANNERS },

  'Mutation.createPlan': { access: 'write', roles: PLANNERS },
  'Mutation.updatePlan': { access: 'write', roles: PLANNERS },
  'Mutation.setPlanTargets': { access: 'write', roles: PLANNERS },
  'Mutation.setFundingCap': { access: 'write', roles: PLANNERS },
  'Mutation.createPlanSnapshot': { access: 'write', roles: PLANNERS },
  'Mutation.restorePlanSnapshot': { access: 'write', roles: PLANNERS },
  'Mutation.revertChange': { access: 'write', roles: PLANNERS },
  'Mutation.setAllocations': { access: 'write', roles: EDITORS },
  'Mutation.setCriterionStatus': { access: 'write', roles: EDITORS },
  'Mutation.createProject': { access: 'write', roles: EDITORS },
  'Mutation.updateProject': { access: 'write', roles: EDITORS },
  'Mutation.deleteProject': { access: 'write', roles: EDITORS },

  'Mutation.submitPlan': { access: 'write', roles: PLANNERS },
  'Mutation.approvePlan': { access: 'write', roles: REVIEWERS },
  'Mutation.returnPlan': { access: 'write', roles: REVIEWERS },
  'Mutation.lockPlan': { access: 'write', roles: REVIEWERS },
  'Mutation.openPlanRevision': { access: 'write', roles: PLANNERS },
  'Mutation.recordConsultation': { access: 'write', roles: EDITORS },

  'Mutation.previewImport': { access: 'write', roles: PLANNERS },
  'Mutation.applyImport': { access: 'write', roles: PLANNERS },

  'Query.optimization': { access: 'read', roles: PLANNERS },
  'Mutation.optimizePlan': { access: 'write', roles: PLANNERS },
  'Mutation.cancelOptimization': { access: 'write', roles: PLANNERS },
  'Mutation.normSplitPlan': { access: 'write', roles: PLANNERS },
  'Mutation.acceptProposal': { access: 'write', roles: PLANNERS },
} as const satisfies Record<string, Rule>;

export type Operation = keyof typeof RULES;

export function isOperation(name: string): name is Operation {
  return Object.hasOwn(RULES, name);
}

/** Who is calling, as far as the rules care: a user's role, or a token's access. */
export interface RuleSubject {
  kind: 'user' | 'token';
  role: UserRole;
  /** Tokens only: may the token write? */
  canWrite: boolean;
}

export function isAllowed(subject: RuleSubject | null, operation: Operation): boolean {
  const rule = (RULES as Record<string, Rule | undefined>)[operation];
  if (!rule) return false;
  if (rule.access === 'public') return true;
  if (!subject) return false;
  if (!rule.roles.includes(subject.role)) return false;
  if (subject.kind === 'token') {
    if (rule.access === 'account') return false;
    if (rule.access === 'write') return subject.canWrite;
  }
  return true;
}

/** The operations a subject may call, e.g. for the web app to hide what it cannot do. */
export function permissionsOf(subject: RuleSubject): Operation[] {
  return (Object.keys(RULES) as Operation[]).filter((op) => isAllowed(subject, op));
}
