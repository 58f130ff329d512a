/** Roles as the console shows them; the server enforces the same rules (server/src/domain/access.ts). */
import type { Agent, Role } from '@counter/shared';
import { shellText } from '../i18n/shell.js';

/** Read while rendering, in the console's language. */
export const ROLE_LABELS: Record<Role, string> = {
  get owner() {
    return shellText().role.owner;
  },
  get admin() {
    return shellText().role.admin;
  },
  get supervisor() {
    return shellText().role.supervisor;
  },
  get agent() {
    return shellText().role.agent;
  },
};

/** Sees the admin pages (agents, sites): the owner, and admins of their sites. */
export const isAdmin = (me: Pick<Agent, 'role'> | null | undefined): boolean => me?.role === 'owner' || me?.role === 'admin';

/** Steps into other agents' conversations of their sites. */
export const supervises = (me: Pick<Agent, 'role'> | null | undefined): boolean => isAdmin(me) || me?.role === 'supervisor';

/** The roles `me` may give: admins give up to admin, the owner any. */
export const grantableRoles = (me: Pick<Agent, 'role'> | null | undefined): Role[] =>
  me?.role === 'owner' ? ['agent', 'supervisor', 'admin', 'owner'] : ['agent', 'supervisor', 'admin'];
