/** The domain over a real store, a clock the test moves, and a log of every event. */
import { randomUUID } from 'node:crypto';
import type { AgentId, ClientMessageId, SiteId } from '@counter/shared';
import type { Actor } from '../../src/domain/access.js';
import type { Clock } from '../../src/domain/clock.js';
import { EventLog } from '../../src/domain/events.js';
import { createServices, type DomainConfig, type Services } from '../../src/domain/services.js';
import type { AgentDoc, ConversationDoc, VisitorDoc } from '../../src/store/documents.js';
import type { Store } from '../../src/store/store.js';

export class ManualClock implements Clock {
  constructor(public time = 1_700_000_000_000) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export const SHOP = 'https://shop.example';

export interface Domain {
  services: Services;
  events: EventLog;
  clock: ManualClock;
  store: Store;
  siteId: SiteId;
  errors: unknown[];
  /** Staff of this domain's site unless `siteIds` says otherwise. */
  agent(options?: { name?: string; capacity?: number; status?: 'online' | 'away' | 'offline'; connected?: boolean; siteIds?: SiteId[] }): Promise<AgentDoc>;
  shopper(options?: { vip?: boolean; siteId?: SiteId }): Promise<VisitorDoc>;
  /** The shopper writes (opening a conversation if needed); resolves once routing settled. */
  ask(visitor: VisitorDoc, text?: string): Promise<ConversationDoc>;
  conversation(id: string): Promise<ConversationDoc>;
  /** A plain agent of this domain's site, as the access rules see them. */
  actor(agentId: AgentId): Actor;
  /** Closes every console socket the agent has (the tab went away). */
  disconnect(agentId: AgentId): Promise<void>;
}

let nodes = 0;

export async function createDomain(
  store: Store,
  options: { clock?: ManualClock; siteId?: SiteId; config?: Partial<DomainConfig> } = {},
): Promise<Domain> {
  const clock = options.clock ?? new ManualClock();
  const events = new EventLog();
  const errors: unknown[] = [];
  const services = createServices({
    store,
    clock,
    events,
    config: {
      reassignAfterMs: 120_000,
      agentGraceMs: 30_000,
      nodeId: `node-${++nodes}`,
      nodeTimeoutMs: 30_000,
      sessionTtlMs: 3_600_000,
      freeFailures: 5,
      failureWindowMs: 900_000,
      identitySecretGraceMs: 24 * 3_600_000,
      orderCacheMs: 30_000,
      orderPolicy: { lookupsPerWindow: 10, lookupWindowMs: 3_600_000, listLimit: 10 },
      ...options.config,
    },
    onError: (err) => errors.push(err),
    identityLog: { warn: () => {} },
  });
  const siteId =
    options.siteId ??
    ((
      await services.sites.create({
        name: 'Shop',
        allowedOrigins: [SHOP],
        greeting: {},
        businessHours: null,
        defaultLocale: 'en',
      })
    ).id as SiteId);

  let agents = 0;
  const sockets = new Map<AgentId, string[]>();
  return {
    services,
    events,
    clock,
    store,
    siteId,
    errors,
    async agent({ name, capacity = 3, status = 'online', connected = true, siteIds = [siteId] } = {}) {
      const n = ++agents;
      const created = await services.agents.create({
        email: `${randomUUID()}@example.com`,
        name: name ?? `Agent ${n}`,
        role: 'agent',
        siteIds,
        capacity,
        password: 'a-long-password',
      });
      const doc = await services.agents.get(created.id as AgentId);
      if (connected) {
        const socketId = `socket-${randomUUID()}`;
        sockets.set(doc._id, [socketId]);
        await services.agents.socketOpened(doc._id, socketId);
      }
      await services.agents.setStatus(doc, status);
      return services.agents.get(doc._id);
    },
    async shopper({ vip = false, siteId: site = siteId } = {}) {
      const { visitor } = await services.visitors.session({ siteId: site, pageOrigin: SHOP });
      if (!vip) return visitor;
      return (await store.visitors.update(visitor._id, { verified: true, tier: 'vip', externalId: randomUUID() }))!;
    },
    async ask(visitor, text = 'Hello?') {
      const conversation = await services.conversations.start(visitor);
      const sent = await services.conversations.sendAsVisitor(visitor, {
        conversationId: conversation._id,
        clientId: randomUUID() as ClientMessageId,
        text,
      });
      await sent.routing;
      return (await store.conversations.byId(conversation._id))!;
    },
    async conversation(id) {
      return (await store.conversations.byId(id as never))!;
    },
    actor: (agentId) => ({ agentId, role: 'agent', siteIds: [siteId] }),
    async disconnect(agentId) {
      for (const id of sockets.get(agentId) ?? []) await services.agents.socketClosed(agentId, id);
      sockets.delete(agentId);
    },
  };
}
