/**
 * Who may do what, in one place. Staff belong to sites; every query an agent's command runs
 * is scoped by these rules in the domain (never only in the UI):
 *
 * - owner: the whole server, every site (the first-run admin).
 * - admin: the sites in `siteIds`: their settings and their staff, and everything a supervisor may.
 * - supervisor: any conversation of their sites (step in, resolve, transfer, reopen).
 * - agent: the queue of their sites, the conversations they hold, and earlier conversations
 *   of a shopper they currently serve.
 *
 * Teams inside a site (issue 14) narrow this further; they are a list inside a site, not a
 * change of these rules.
 */
import type { AgentId, Role, SiteId } from '@counter/shared';
import type { AgentDoc } from '../store/documents.js';

/** Who is acting, read from the store for this command (roles and sites change at any time). */
export interface Actor {
  agentId: AgentId;
  role: Role;
  siteIds: readonly SiteId[];
}

export const actorOf = (agent: Pick<AgentDoc, '_id' | 'role' | 'siteIds'>): Actor => ({
  agentId: agent._id,
  role: agent.role,
  siteIds: agent.siteIds,
});

const RANK: Record<Role, number> = { agent: 0, supervisor: 1, admin: 2, owner: 3 };

/** Works for the site (sees its queue, may hold its conversations). */
export function inSite(actor: Actor, siteId: SiteId): boolean {
  return actor.role === 'owner' || actor.siteIds.includes(siteId);
}

/** May act on any conversation of the site, not only their own. */
export function supervises(actor: Actor, siteId: SiteId): boolean {
  return inSite(actor, siteId) && RANK[actor.role] >= RANK.supervisor;
}

/** May change the site's settings and its staff. */
export function administers(actor: Actor, siteId: SiteId): boolean {
  return inSite(actor, siteId) && RANK[actor.role] >= RANK.admin;
}

/** The sites whose data the actor may read; null means every site (the owner). */
export function siteScope(actor: Actor): readonly SiteId[] | null {
  return actor.role === 'owner' ? null : actor.siteIds;
}

export function inScope(scope: readonly SiteId[] | null, siteId: SiteId): boolean {
  return scope === null || scope.includes(siteId);
}

/**
 * May manage (see in the admin pages, edit, deactivate) another staff member: the owner
 * anyone; an admin only people whose every site is one they administer, and never the owner.
 * A person with no site yet is manageable by any admin (they were just created, or removed
 * from all their sites).
 */
export function manages(actor: Actor, target: Pick<AgentDoc, 'role' | 'siteIds'>): boolean {
  if (actor.role === 'owner') return true;
  if (target.role === 'owner') return false;
  return actor.role === 'admin' && target.siteIds.every((id) => actor.siteIds.includes(id));
}

/** May give a staff member this role and these sites: admins give no more than they have. */
export function mayGrant(actor: Actor, role: Role, siteIds: readonly SiteId[]): boolean {
  if (actor.role === 'owner') return true;
  return actor.role === 'admin' && role !== 'owner' && siteIds.every((id) => actor.siteIds.includes(id));
}
