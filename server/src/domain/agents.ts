import type { Agent, AgentId, AgentStatus, AgentSummary, SiteId } from '@counter/shared';
import type { createAgentBody, profileBody, updateAgentBody, z } from '@counter/shared/schemas';
import type { AgentDoc } from '../store/documents.js';
import type { AgentPatch } from '../store/repositories/agents.js';
import { DuplicateKeyError } from '../store/errors.js';
import { actorOf, manages, mayGrant, siteScope, type Actor } from './access.js';
import { avatarFromBase64 } from './avatar.js';
import { hashPassword, newId } from './crypto.js';
import { AppError, forbidden, notFound } from './errors.js';
import { agentKey } from './keyed-lock.js';
import { agentView } from './views.js';
import type { DomainDeps } from './deps.js';
import { recordPresence } from './presence-log.js';

export class AgentService {
  constructor(private readonly deps: Pick<DomainDeps, 'store' | 'clock' | 'events' | 'router' | 'lock'> & {
    nodeId: string;
    /** Revokes every session of an agent (password change, deactivation). */
    revokeAll: (agentId: AgentId) => Promise<void>;
  }) {}

  /** Writes to an agent's document one at a time on this node (see agentKey). */
  private write(id: AgentId, patch: AgentPatch): Promise<AgentDoc | null> {
    return this.deps.lock.run(agentKey(id), () => this.deps.store.agents.update(id, patch, this.deps.clock.now()));
  }

  async get(id: AgentId): Promise<AgentDoc> {
    const agent = await this.deps.store.agents.byId(id);
    if (!agent) throw notFound();
    return agent;
  }

  /** The wire view, with live load and connection. */
  async view(agent: AgentDoc): Promise<Agent> {
    const [loads, connected] = await Promise.all([
      this.deps.store.assignments.loads([agent._id]),
      this.deps.store.presence.connected([agent._id]),
    ]);
    return agentView(agent, loads.get(agent._id) ?? 0, connected.has(agent._id));
  }

  /**
   * The staff the actor may see: the owner everyone; others those who share a site with them,
   * and (admins) those they manage, such as someone not yet given a site.
   */
  async list(actor: Actor): Promise<Agent[]> {
    const scope = siteScope(actor);
    const agents = (await this.deps.store.agents.list()).filter(
      (a) => scope === null || a.siteIds.some((id) => scope.includes(id)) || (actor.role === 'admin' && manages(actor, a)),
    );
    const ids = agents.map((a) => a._id);
    const [loads, connected] = await Promise.all([this.deps.store.assignments.loads(ids), this.deps.store.presence.connected(ids)]);
    return agents.map((a) => agentView(a, loads.get(a._id) ?? 0, connected.has(a._id)));
  }

  /** Who a conversation can be transferred to (colleagues of the actor's sites), and how busy they are. */
  async summaries(actor: Actor): Promise<AgentSummary[]> {
    const scope = siteScope(actor);
    return (await this.list(actor))
      .filter((a) => a.active && (scope === null || a.siteIds.some((id) => scope.includes(id))))
      .map(({ id, name, status, capacity, load, connected, avatarUrl }) => ({ id, name, status, capacity, load, connected, avatarUrl }));
  }

  /** What anyone changes about themselves: the name shoppers see, how the console calls them. */
  async updateProfile(agent: AgentDoc, input: z.output<typeof profileBody>): Promise<Agent> {
    const patch: AgentPatch = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.prefs) patch.prefs = { ...agent.prefs, ...input.prefs };
    const updated = await this.write(agent._id, patch);
    if (updated && input.name !== undefined) await this.renamed(updated);
    return this.changed(updated);
  }

  /** A new profile picture (base64 of the file), or null for initials. */
  async setAvatar(agent: AgentDoc, base64: string | null): Promise<Agent> {
    return this.changed(await this.write(agent._id, { avatar: base64 === null ? null : avatarFromBase64(base64) }));
  }

  /** The picture's file, for the avatar route; null when they have none. */
  async avatar(id: AgentId): Promise<{ type: string; bytes: Buffer; hash: string } | null> {
    const avatar = (await this.deps.store.agents.byId(id))?.avatar;
    return avatar ? { type: avatar.type, bytes: Buffer.from(avatar.data, 'base64'), hash: avatar.hash } : null;
  }

  /** After a profile write: everyone sees the new view, shoppers the new name ("Mei is helping you"). */
  private async changed(updated: AgentDoc | null): Promise<Agent> {
    if (!updated) throw notFound();
    const view = await this.view(updated);
    this.deps.events.publish({ type: 'agent.updated', agent: view });
    return view;
  }

  /** A new name reaches the conversations the agent holds now; ended ones keep the name they had. */
  private async renamed(updated: AgentDoc): Promise<void> {
    const held = (await this.deps.store.assignments.forAgent(updated._id)).map((a) => a._id);
    for (const conversation of await this.deps.store.conversations.renameAgent(held, updated._id, updated.name)) {
      this.deps.events.publish({ type: 'conversation.updated', conversation });
    }
  }

  /** Active staff grouped by the sites they see: broadcasts that differ per site (the queue) go once per group. */
  async audiences(): Promise<{ agentIds: AgentId[]; scope: readonly SiteId[] | null }[]> {
    const groups = new Map<string, { agentIds: AgentId[]; scope: readonly SiteId[] | null }>();
    for (const agent of await this.deps.store.agents.list()) {
      if (!agent.active) continue;
      const scope = siteScope(actorOf(agent));
      const key = scope === null ? '*' : [...scope].sort().join(',');
      const group = groups.get(key) ?? { agentIds: [], scope };
      group.agentIds.push(agent._id);
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  /** An admin (or the owner) adds staff: never with more rights or sites than they have. */
  async createAs(actor: Actor, input: z.output<typeof createAgentBody>): Promise<Agent> {
    if (!mayGrant(actor, input.role, input.siteIds)) throw forbidden();
    await this.checkSites(input.siteIds);
    return this.create(input);
  }

  /** An admin (or the owner) edits someone they manage; nobody changes their own role or sites. */
  async updateAs(actor: Actor, id: AgentId, input: z.output<typeof updateAgentBody>): Promise<Agent> {
    const target = await this.deps.store.agents.byId(id);
    const visible = target && (await this.list(actor)).some((a) => a.id === id);
    if (!target || !visible) throw notFound();
    if (!manages(actor, target)) throw forbidden();
    const changesAccess = input.role !== undefined || input.siteIds !== undefined || input.active === false;
    if (id === actor.agentId && changesAccess) {
      throw new AppError('forbidden', { message: 'Ask another admin to change your own role, sites or activation.' });
    }
    const siteIds = (input.siteIds) ?? target.siteIds;
    if (!mayGrant(actor, input.role ?? target.role, siteIds)) throw forbidden();
    if (input.siteIds) await this.checkSites(siteIds);
    return this.update(id, input);
  }

  private async checkSites(siteIds: readonly SiteId[]): Promise<void> {
    const known = new Set((await this.deps.store.sites.list()).map((s) => s._id));
    const unknown = siteIds.filter((id) => !known.has(id));
    if (unknown.length) throw new AppError('validation_failed', { message: `Unknown site: ${unknown.join(', ')}` });
  }

  /**
   * Staff stored before sites had members get memberships once, at start-up: an admin becomes
   * the owner (they ran the whole server), anyone else works for every existing site (what
   * they could see before). Idempotent: only documents without `siteIds` are touched.
   */
  async migrateMemberships(): Promise<number> {
    const legacy = (await this.deps.store.agents.list()).filter((a) => !Array.isArray((a as Partial<AgentDoc>).siteIds));
    if (!legacy.length) return 0;
    const allSites = (await this.deps.store.sites.list()).map((s) => s._id);
    for (const agent of legacy) {
      const wasAdmin = (agent.role as string) === 'admin';
      await this.write(agent._id, wasAdmin ? { role: 'owner', siteIds: [] } : { siteIds: allSites });
    }
    return legacy.length;
  }

  async create(input: z.output<typeof createAgentBody>): Promise<Agent> {
    const now = this.deps.clock.now();
    const doc: AgentDoc = {
      _id: newId<AgentId>(),
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
      siteIds: input.siteIds,
      capacity: input.capacity,
      status: 'offline',
      active: true,
      passwordHash: await hashPassword(input.password),
      disconnectedAt: null,
      lastAssignedAt: 0,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.deps.store.agents.create(doc);
    } catch (err) {
      if (err instanceof DuplicateKeyError) throw new AppError('conflict', { message: 'That email is taken.' });
      throw err;
    }
    return agentView(doc, 0, false);
  }

  async update(id: AgentId, input: z.output<typeof updateAgentBody>): Promise<Agent> {
    const { password, siteIds, ...rest } = input;
    const patch: Partial<AgentDoc> = { ...rest, ...(siteIds ? { siteIds: siteIds } : {}) };
    if (password) patch.passwordHash = await hashPassword(password);
    const updated = await this.write(id, patch);
    if (!updated) throw notFound();
    if (input.name !== undefined) await this.renamed(updated);
    if (password || input.active === false) await this.deps.revokeAll(id);
    if (input.role !== undefined || input.siteIds !== undefined) {
      // What they held outside their sites goes back to the queue; open consoles stop
      // following conversations they may no longer see.
      await this.deps.router.releaseOutsideSites(actorOf(updated));
      this.deps.events.publish({ type: 'access.changed', agentId: id });
    }
    const view = await this.view(updated);
    this.deps.events.publish({ type: 'agent.updated', agent: view });
    this.deps.events.publish({ type: 'availability.changed' });
    // More capacity, or an agent back: the queue may move.
    this.deps.router.kick();
    return view;
  }

  async setStatus(agent: AgentDoc, status: AgentStatus): Promise<Agent> {
    const updated = (await this.write(agent._id, { status })) ?? agent;
    await recordPresence(this.deps, agent._id);
    const view = await this.view(updated);
    this.deps.events.publish({ type: 'agent.updated', agent: view });
    this.deps.events.publish({ type: 'availability.changed' });
    if (status === 'online') await this.deps.router.drain();
    return view;
  }

  async socketOpened(agentId: AgentId, socketId: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.presence.socketOpened({ _id: socketId, agentId, nodeId: this.deps.nodeId, at: now });
    await this.write(agentId, { disconnectedAt: null });
    await recordPresence(this.deps, agentId);
    this.deps.events.publish({ type: 'availability.changed' });
    this.deps.router.kick();
  }

  async socketClosed(agentId: AgentId, socketId: string): Promise<void> {
    const remaining = await this.deps.store.presence.socketClosed(socketId, agentId);
    if (remaining > 0) return;
    await this.write(agentId, { disconnectedAt: this.deps.clock.now() });
    await recordPresence(this.deps, agentId);
    this.deps.events.publish({ type: 'availability.changed' });
  }
}
