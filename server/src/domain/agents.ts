import type { Agent, AgentId, AgentStatus, AgentSummary } from '@counter/shared';
import type { createAgentBody, updateAgentBody, z } from '@counter/shared/schemas';
import type { AgentDoc } from '../store/documents.js';
import type { AgentPatch } from '../store/repositories/agents.js';
import { DuplicateKeyError } from '../store/errors.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { hashPassword, newId } from './crypto.js';
import { AppError, notFound } from './errors.js';
import type { EventSink } from './events.js';
import { agentKey, type KeyedLock } from './keyed-lock.js';
import type { Router } from './routing.js';
import { agentView } from './views.js';

export class AgentService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: EventSink,
    private readonly router: Router,
    private readonly nodeId: string,
    /** Revokes every session of an agent (password change, deactivation). */
    private readonly revokeAll: (agentId: AgentId) => Promise<void>,
    private readonly lock: KeyedLock,
  ) {}

  /** Writes to an agent's document one at a time on this node (see agentKey). */
  private write(id: AgentId, patch: AgentPatch): Promise<AgentDoc | null> {
    return this.lock.run(agentKey(id), () => this.store.agents.update(id, patch, this.clock.now()));
  }

  async get(id: AgentId): Promise<AgentDoc> {
    const agent = await this.store.agents.byId(id);
    if (!agent) throw notFound();
    return agent;
  }

  /** The wire view, with live load and connection. */
  async view(agent: AgentDoc): Promise<Agent> {
    const [loads, connected] = await Promise.all([
      this.store.assignments.loads([agent._id]),
      this.store.presence.connected([agent._id]),
    ]);
    return agentView(agent, loads.get(agent._id) ?? 0, connected.has(agent._id));
  }

  async list(): Promise<Agent[]> {
    const agents = await this.store.agents.list();
    const ids = agents.map((a) => a._id);
    const [loads, connected] = await Promise.all([this.store.assignments.loads(ids), this.store.presence.connected(ids)]);
    return agents.map((a) => agentView(a, loads.get(a._id) ?? 0, connected.has(a._id)));
  }

  /** Who a conversation can be transferred to, and how busy they are. */
  async summaries(): Promise<AgentSummary[]> {
    return (await this.list())
      .filter((a) => a.active)
      .map(({ id, name, status, capacity, load, connected }) => ({ id, name, status, capacity, load, connected }));
  }

  async create(input: z.output<typeof createAgentBody>): Promise<Agent> {
    const now = this.clock.now();
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
      await this.store.agents.create(doc);
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
    if (password || input.active === false) await this.revokeAll(id);
    const view = await this.view(updated);
    this.events.publish({ type: 'agent.updated', agent: view });
    this.events.publish({ type: 'availability.changed' });
    // More capacity, or an agent back: the queue may move.
    this.router.kick();
    return view;
  }

  async setStatus(agent: AgentDoc, status: AgentStatus): Promise<Agent> {
    const updated = (await this.write(agent._id, { status })) ?? agent;
    const view = await this.view(updated);
    this.events.publish({ type: 'agent.updated', agent: view });
    this.events.publish({ type: 'availability.changed' });
    if (status === 'online') await this.router.drain();
    return view;
  }

  async socketOpened(agentId: AgentId, socketId: string): Promise<void> {
    const now = this.clock.now();
    await this.store.presence.socketOpened({ _id: socketId, agentId, nodeId: this.nodeId, at: now });
    await this.write(agentId, { disconnectedAt: null });
    this.events.publish({ type: 'availability.changed' });
    this.router.kick();
  }

  async socketClosed(agentId: AgentId, socketId: string): Promise<void> {
    const remaining = await this.store.presence.socketClosed(socketId, agentId);
    if (remaining > 0) return;
    await this.write(agentId, { disconnectedAt: this.clock.now() });
    this.events.publish({ type: 'availability.changed' });
  }
}
