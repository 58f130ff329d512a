import { randomUUID } from 'node:crypto';
import type { QueueItem, Site } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentCommand, next, ok, SHOP_ORIGIN, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

/** Issue 10, item 5: staff belong to sites and every query is scoped by that membership. */
describe('staff see only their sites', () => {
  let server: TestServer;
  let other: Site;
  let owner: string;
  beforeAll(async () => {
    server = await startTestServer();
    other = await server.app.services.sites.create({ name: 'Other shop', allowedOrigins: [SHOP_ORIGIN], greeting: {}, businessHours: null, defaultLocale: 'en' });
    owner = await server.login(server.adminEmail, server.adminPassword);
  });
  afterAll(() => server.close());

  const rest = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  const testShop = () => ({ siteIds: [server.site.id] });

  /** A conversation of the test shop waiting in its queue. */
  async function waitingInTestShop() {
    const shop = await server.visitor();
    const { conversation } = ok(await visitorCommand(shop.socket, 'conversation:start', {}));
    ok(await visitorCommand(shop.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Where is my order?' }));
    return conversation.id;
  }

  it('names to each person the sites they work for, and only those (issue 16: which site)', async () => {
    const olga = await server.agent({ name: 'Olga S', siteIds: [other.id], online: false });
    const both = await server.agent({ name: 'Bea Both', siteIds: [other.id, server.site.id], online: false });
    expect(ok(await agentCommand(olga.socket, 'sites:list', {})).sites).toEqual([{ id: other.id, name: 'Other shop' }]);
    const names = ok(await agentCommand(both.socket, 'sites:list', {})).sites.map((s) => s.id);
    expect(names.sort()).toEqual([other.id, server.site.id].sort());
    // Names only: no secret, origin or setting of a site reaches its agents this way.
    for (const site of ok(await agentCommand(both.socket, 'sites:list', {})).sites) expect(Object.keys(site).sort()).toEqual(['id', 'name']);
  });

  it("an agent of another site never sees, opens, takes or is routed the test shop's conversations", async () => {
    const olga = await server.agent({ name: 'Olga', siteIds: [other.id], online: true });
    const queued = next<{ queue: QueueItem[] }>(olga.socket as never, 'queue:updated');
    const conversationId = await waitingInTestShop();
    // Olga is online with free capacity, yet the conversation stays in the test shop's queue.
    const stored = await server.app.store.conversations.byId(conversationId as never);
    expect(stored?.status).toBe('waiting');
    expect((await queued).queue.map((q) => q.conversationId)).not.toContain(conversationId);

    expect(ok(await agentCommand(olga.socket, 'queue:list', {})).queue.map((q) => q.conversationId)).not.toContain(conversationId);
    for (const [name, payload] of [
      ['conversation:open', { conversationId }],
      ['conversation:take', { conversationId }],
      ['message:history', { conversationId }],
      ['message:read', { conversationId, seq: 1 }],
      ['conversation:tags', { conversationId, tags: ['x'] }],
      ['message:send', { conversationId, clientId: randomUUID(), text: 'note', internal: true }],
    ] as const) {
      expect(await agentCommand(olga.socket, name as never, payload as never), name).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }

    // A colleague of the test shop gets it as soon as they are online.
    const ann = await server.agent({ name: 'Ann', online: false, ...testShop() });
    const assigned = next(ann.socket as never, 'conversation:assigned');
    ok(await agentCommand(ann.socket, 'agent:status', { status: 'online' }));
    await assigned;
    // Transfer to someone outside the site is refused.
    expect(await agentCommand(ann.socket, 'conversation:transfer', { conversationId, toAgentId: olga.agentId })).toMatchObject({
      ok: false,
      error: { code: 'agent_unavailable' },
    });
    expect(ok(await agentCommand(ann.socket, 'agents:list', {})).agents.map((a) => a.id)).not.toContain(olga.agentId);
    ok(await agentCommand(ann.socket, 'agent:status', { status: 'away' }));
    ok(await agentCommand(olga.socket, 'agent:status', { status: 'away' }));
  });

  it("an admin of one site is not an admin of another", async () => {
    const olga = await server.agent({ name: 'Olga admin', role: 'admin', siteIds: [other.id], online: false });
    const ann = await server.agent({ name: 'Ann of the test shop', online: false, ...testShop() });
    const cookie = olga.cookie;

    expect((await rest(cookie, 'GET', '/api/v1/sites')).json().sites.map((s: Site) => s.id)).toEqual([other.id]);
    expect((await rest(cookie, 'PATCH', `/api/v1/sites/${server.site.id}`, { name: 'Mine now' })).statusCode).toBe(404);
    expect((await rest(cookie, 'POST', '/api/v1/sites', { name: 'New' })).statusCode).toBe(403);
    expect((await rest(cookie, 'PATCH', `/api/v1/sites/${other.id}`, { name: 'Other shop, renamed' })).statusCode).toBe(200);

    const listed = (await rest(cookie, 'GET', '/api/v1/agents')).json().agents.map((a: { id: string }) => a.id);
    expect(listed).toContain(olga.agentId);
    expect(listed).not.toContain(ann.agentId);
    expect((await rest(cookie, 'PATCH', `/api/v1/agents/${ann.agentId}`, { capacity: 0 })).statusCode).toBe(404);
    const create = (siteIds: string[], role = 'agent') =>
      rest(cookie, 'POST', '/api/v1/agents', { email: `${randomUUID()}@example.com`, name: 'New', password: 'long-enough-pw', role, siteIds });
    expect((await create([server.site.id])).statusCode).toBe(403);
    expect((await create([other.id], 'owner')).statusCode).toBe(403);
    const made = await create([other.id]);
    expect(made.statusCode).toBe(201);
    expect(made.json().agent).toMatchObject({ role: 'agent', siteIds: [other.id] });
    // Nobody changes their own role or sites.
    expect((await rest(cookie, 'PATCH', `/api/v1/agents/${olga.agentId}`, { siteIds: [other.id, server.site.id] })).statusCode).toBe(403);

    // The owner sees and runs everything.
    expect((await rest(owner, 'GET', '/api/v1/sites')).json().sites.map((s: Site) => s.id)).toEqual(expect.arrayContaining([server.site.id, other.id]));
    expect((await rest(owner, 'PATCH', `/api/v1/agents/${ann.agentId}`, { siteIds: [server.site.id, other.id], role: 'supervisor' })).json().agent).toMatchObject({
      role: 'supervisor',
      siteIds: [server.site.id, other.id],
    });
    expect((await rest(owner, 'PATCH', `/api/v1/agents/${ann.agentId}`, { siteIds: ['no-such-site-id'] })).statusCode).toBe(400);
  });

  it("canned replies belong to a site: another site's staff neither see nor edit them", async () => {
    const ann = await server.agent({ name: 'Ann', online: false, ...testShop() });
    const olga = await server.agent({ name: 'Olga', siteIds: [other.id], online: false });
    const made = await rest(ann.cookie, 'POST', '/api/v1/canned-replies', { shortcut: `ship-${Date.now()}`, title: 'Shipping', text: 'We ship in 24h.' });
    expect(made.statusCode).toBe(201);
    const reply = made.json().cannedReply;
    expect(reply.siteId).toBe(server.site.id);

    const olgaSees = (await rest(olga.cookie, 'GET', '/api/v1/canned-replies')).json().cannedReplies.map((r: { id: string }) => r.id);
    expect(olgaSees).not.toContain(reply.id);
    expect((await rest(olga.cookie, 'PATCH', `/api/v1/canned-replies/${reply.id}`, { shortcut: 'x', title: 'x', text: 'x' })).statusCode).toBe(404);
    expect((await rest(olga.cookie, 'DELETE', `/api/v1/canned-replies/${reply.id}`)).statusCode).toBe(404);
    // A colleague of the same site who did not write it may not change it either; a supervisor may.
    const bob = await server.agent({ name: 'Bob', online: false, ...testShop() });
    expect((await rest(bob.cookie, 'DELETE', `/api/v1/canned-replies/${reply.id}`)).statusCode).toBe(403);
    const sue = await server.agent({ name: 'Sue', role: 'supervisor', online: false, ...testShop() });
    expect((await rest(sue.cookie, 'DELETE', `/api/v1/canned-replies/${reply.id}`)).statusCode).toBe(204);
    // Server-wide replies are the owner's.
    expect((await rest(ann.cookie, 'POST', '/api/v1/canned-replies', { shortcut: 'global', title: 'G', text: 'g', siteId: null })).statusCode).toBe(403);
  });

  it('staff stored before memberships are migrated at start-up: an admin becomes the owner, agents join every site', async () => {
    const { agents, sites } = server.app.store;
    const legacyAgent = { ...(await agents.byId((await server.agent({ online: false })).agentId as never))! };
    const legacyAdmin = { ...legacyAgent, _id: `legacy-admin-${Date.now()}` as never, email: `legacy-${Date.now()}@example.com`, role: 'admin' as never };
    const strip = ({ siteIds: _s, ...doc }: typeof legacyAgent) => doc as unknown as typeof legacyAgent;
    await agents.create(strip({ ...legacyAgent, _id: `legacy-agent-${Date.now()}` as never, email: `legacy-agent-${Date.now()}@example.com` }));
    await agents.create(strip(legacyAdmin));

    expect(await server.app.services.agents.migrateMemberships()).toBe(2);
    const all = await agents.list();
    const admin = all.find((a) => a.email === legacyAdmin.email)!;
    const agent = all.find((a) => a._id.startsWith('legacy-agent-'))!;
    expect(admin).toMatchObject({ role: 'owner', siteIds: [] });
    expect(new Set(agent.siteIds)).toEqual(new Set((await sites.list()).map((s) => s._id)));
    expect(await server.app.services.agents.migrateMemberships()).toBe(0);
  });
});
