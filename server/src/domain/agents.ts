import type { Agent, AgentId, AgentStatus, AgentSummary } from '@counter/shared';
import type { createAgentBody, updateAgentBody, z } from '@counter/shared/schemas';
import type { AgentDoc } from '../store/documents.js';
import type { AgentPatch } from '../store/repositories/agents.js';
import { DuplicateKeyError } from '../store/errors.js';
import { hashPassword, newId } from './crypto.js';
import { AppError, notFound } from './errors.js';
import { agentKey } from './keyed-lock.js';
import { agentView } from './views.js';
import type { DomainDeps } from './deps.js';

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

  async list(): Promise<Agent[]> {
    const agents = await this.deps.store.agents.list();
    const ids = agents.map((a) => a._id);
    const [loads, connected] = await Promise.all([this.deps.store.assignments.loads(ids), this.deps.store.presence.connected(ids)]);
    return agents.map((a) => agentView(a, loads.get(a._id) ?? 0, connected.has(a._id)));
  }

  /** Who a conversation can be transferred to, and how busy they are. */
  async summaries(): Promise<AgentSummary[]> {
    return (await this.list())
      .filter((a) => a.active)
      .map(({ id, name, status, capacity, load, connected }) => ({ id, name, status, capacity, load, connected }));
  }

  async create(input: z.output<typeof createAgentBody>): Promise<Agent> {
    const now = this.deps.clock.now();
    const doc: AgentDoc = {
      _id: newId<AgentId>(),
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
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
    const { password, ...rest } = input;
    const patch: Partial<AgentDoc> = { ...rest };
    if (password) patch.passwordHash = await hashPassword(password);
    const updated = await this.write(id, patch);
    if (!updated) throw notFound();
    if (password || input.active === false) await this.deps.revokeAll(id);
    const view = await this.view(updated);
    this.deps.events.publish({ type: 'agent.updated', agent: view });
    this.deps.events.publish({ type: 'availability.changed' });
    // More capacity, or an agent back: the queue may move.
    this.deps.router.kick();
    return view;
  }

  async setStatus(agent: AgentDoc, status: AgentStatus): Promise<Agent> {
    const updated = (await this.write(agent._id, { status })) ?? agent;
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
    this.deps.events.publish({ type: 'availability.changed' });
    this.deps.router.kick();
  }

  async socketClosed(agentId: AgentId, socketId: string): Promise<void> {
    const remaining = await this.deps.store.presence.socketClosed(socketId, agentId);
    if (remaining > 0) return;
    await this.write(agentId, { disconnectedAt: this.deps.clock.now() });
    this.deps.events.publish({ type: 'availability.changed' });
  }
}
