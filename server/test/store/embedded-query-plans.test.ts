/**
 * Every query the repositories run on the embedded store is answered from an index: the
 * statements issued by the store contract and by one call of every repository method are
 * recorded, then SQLite's EXPLAIN QUERY PLAN of each must show no full SCAN of a table that
 * grows with the shop's history. Tables bounded by the staff or the configuration (agents,
 * their sockets and assignments, sites, canned replies, nodes) may be scanned.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import type { AgentId, CannedReplyId, ConversationId, SiteId, VisitorId } from '@counter/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openEmbedded } from '../../src/store/embedded/open-embedded.js';
import type { SqlValue } from '../../src/store/embedded/sql-query.js';
import { createStore, type Store } from '../../src/store/store.js';
import { storeContract } from './contract.js';
import { historyContract } from './history-contract.js';

const GROWING = ['messages', 'conversations', 'visitors', 'visitor_tokens', 'visitor_identities', 'sessions', 'failures'];
// History and search (issue 16): the multikey FTS5 tables grow with their collections.
GROWING.push('messages__fts_searchKeys', 'conversations__fts_tags');

const statements = new Map<string, readonly SqlValue[]>();
const record = (sql: string, params: readonly SqlValue[]) => void statements.set(sql, params);
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const tempDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'counter-plans-'));
  dirs.push(dir);
  return dir;
};
const openRecorded = async (dataDir: string) => createStore(await openEmbedded(dataDir, { onStatement: record }));

storeContract('embedded, recording its SQL', async () => {
  const dataDir = await tempDir();
  return {
    open: () => openRecorded(dataDir),
    async reopen(store) {
      await store.close();
      return openRecorded(dataDir);
    },
    dispose: async () => {},
  };
});

historyContract('embedded, recording its SQL', async () => openRecorded(await tempDir()));

/** One call of every repository method; the keys checked below make a new method fail here until listed. */
function everyMethod(store: Store): Record<string, Record<string, () => Promise<unknown>>> {
  const c = 'c1' as ConversationId;
  const v = 'v1' as VisitorId;
  const a = 'a1' as AgentId;
  return {
    sites: {
      create: () => store.sites.create({ _id: 's1' as SiteId } as never).catch(() => {}),
      byId: () => store.sites.byId('s1' as SiteId),
      list: () => store.sites.list(),
      update: () => store.sites.update('s1' as SiteId, { name: 'x' }),
      widgetSeen: () => store.sites.widgetSeen('s1' as SiteId, 1),
    },
    visitors: {
      create: () => store.visitors.create({ _id: v, trail: [] } as never).catch(() => {}),
      byId: () => store.visitors.byId(v),
      byIds: () => store.visitors.byIds([v, 'v2' as VisitorId]),
      update: () => store.visitors.update(v, { name: 'x' } as never),
      visitPage: () => store.visitors.visitPage(v, { url: 'https://a.example/', title: null, at: 1 } as never),
      touch: () => store.visitors.touch(v, 2, 1),
      unseenSince: () => store.visitors.unseenSince(10, 10),
      markRetained: () => store.visitors.markRetained([v]),
      deleteUnseen: () => store.visitors.deleteUnseen({ _id: 'v3' as VisitorId, siteId: 's1' as SiteId, externalId: 'e3' }, 10),
      addToken: () => store.visitors.addToken({ _id: 't1', visitorId: v, siteId: 's1' as SiteId, createdAt: 1 }).catch(() => {}),
      tokenByHash: () => store.visitors.tokenByHash('t1'),
      deleteToken: () => store.visitors.deleteToken('t1'),
      identity: () => store.visitors.identity('s1' as SiteId, 'e1'),
      linkIdentity: () => store.visitors.linkIdentity('s1' as SiteId, 'e1', v),
    },
    conversations: {
      create: () => store.conversations.create({ _id: c, visitorId: v, status: 'waiting', openKey: v } as never).catch(() => {}),
      byId: () => store.conversations.byId(c),
      openForVisitor: () => store.conversations.openForVisitor(v),
      listForVisitor: () => store.conversations.listForVisitor(v, 10),
      byIds: () => store.conversations.byIds([c]),
      enqueue: () => store.conversations.enqueue(c, 1, 0, { queueRank: 1, language: 'zh', tier: null, lastAgentId: a }),
      queue: () => store.conversations.queue(10),
      queueLength: () => store.conversations.queueLength(),
      assigned: () => store.conversations.assigned(10),
      markAssigned: () => store.conversations.markAssigned(c, a, 'A', 1),
      markWaiting: () => store.conversations.markWaiting(c, 1, [a], 1),
      markResolved: () => store.conversations.markResolved(c, 1),
      renameAgent: () => store.conversations.renameAgent([c], a, 'Mei'),
      reopen: () => store.conversations.reopen({ _id: c, visitorId: v }, 1).catch(() => {}),
      recordRequest: () => store.conversations.recordRequest(c, 1),
      recordMessage: async () => {
        await store.conversations.recordMessage(c, { seq: 1, at: 1, preview: 'p', by: 'visitor' });
        await store.conversations.recordMessage(c, { seq: 2, at: 2, preview: 'p', by: 'agent' });
      },
      markRead: () => store.conversations.markRead(c, 'agent', 1),
      setTags: () => store.conversations.setTags(c, ['t'], 1),
      // Routing (issue 14).
      setTopic: () => store.conversations.setTopic(c, 'Returns', 1),
      markWidened: () => store.conversations.markWidened(c, 0, 1),
      setRating: () => store.conversations.setRating(c, { score: 5, comment: null, at: 1 } as never),
      setOffline: () => store.conversations.setOffline(c, 'a@b.example'),
      moveToVisitor: () => store.conversations.moveToVisitor(v, 'v2' as VisitorId),
      deleteEmptyForVisitors: () => store.conversations.deleteEmptyForVisitors([v]),
      visitorsWithMessages: () => store.conversations.visitorsWithMessages([v, 'v2' as VisitorId]),
      unanswered: () => store.conversations.unanswered(1, 10),
      recentlyResolved: () => store.conversations.recentlyResolved(10),
      recentlyAnswered: () => store.conversations.recentlyAnswered(10),
      history: async () => {
        const scope = { siteIds: ['s1' as SiteId], narrowTo: { agentId: a, visitorIds: [v] }, limit: 20 };
        await store.conversations.history({ ...scope, after: null });
        await store.conversations.history({ ...scope, after: { at: 5, id: c }, status: 'resolved', tag: 't', score: 5, from: 1, to: 9 });
        await store.conversations.history({ siteIds: null, narrowTo: null, visitorIds: [v], after: null, limit: 20 });
        await store.conversations.history({ siteIds: null, narrowTo: null, ids: [c], agentId: a, after: null, limit: 20 });
      },
    },
    messages: {
      insert: () => store.messages.insert({ _id: 'm1', conversationId: c, seq: 1, clientId: 'k1', kind: 'text' } as never).catch(() => {}),
      byClientId: () => store.messages.byClientId(c, 'k1' as never),
      lastSeq: () => store.messages.lastSeq(c),
      after: async () => {
        await store.messages.after(c, 0, 10, true);
        await store.messages.after(c, 0, 10, false);
      },
      before: async () => {
        await store.messages.before(c, null, 10, true);
        await store.messages.before(c, 5, 10, false);
      },
      search: async () => {
        await store.messages.search({ keys: ['快递', 'x'], withNotes: true, after: null, limit: 10 });
        await store.messages.search({ keys: ['快递'], withNotes: false, after: { at: 5, id: 'm1' }, limit: 10 });
      },
      unkeyed: () => store.messages.unkeyed(1, 10),
      setSearchKeys: () => store.messages.setSearchKeys('m1' as never, { searchKeys: ['x'], keysVersion: 1 }),
    },
    agents: {
      create: () => store.agents.create({ _id: a, email: 'a@b.example' } as never).catch(() => {}),
      byId: () => store.agents.byId(a),
      byEmail: () => store.agents.byEmail('a@b.example'),
      list: () => store.agents.list(),
      count: () => store.agents.count(),
      update: () => store.agents.update(a, { name: 'A' }, 1),
      online: () => store.agents.online(),
      disconnectedBefore: () => store.agents.disconnectedBefore(1),
    },
    assignments: {
      claim: () => store.assignments.claim(c, a, 2, 1),
      release: () => store.assignments.release(c, a),
      byConversation: () => store.assignments.byConversation(c),
      byConversations: () => store.assignments.byConversations([c]),
      forAgent: () => store.assignments.forAgent(a),
      loads: () => store.assignments.loads([a]),
    },
    presence: {
      socketOpened: () => store.presence.socketOpened({ _id: 'k1', agentId: a, nodeId: 'n1', at: 1 }).catch(() => {}),
      socketClosed: () => store.presence.socketClosed('k1', a),
      connected: () => store.presence.connected([a]),
      heartbeat: () => store.presence.heartbeat('n1', 1),
      sweepDeadNodes: () => store.presence.sweepDeadNodes(0, 'n1'),
      removeNode: () => store.presence.removeNode('n1'),
    },
    sessions: {
      create: () => store.sessions.create({ _id: 'h1', agentId: a, createdAt: 1, expiresAt: 2 }).catch(() => {}),
      byHash: () => store.sessions.byHash('h1'),
      delete: () => store.sessions.delete('h1'),
      deleteExpired: () => store.sessions.deleteExpired(1),
      deleteForAgent: async () => {
        await store.sessions.deleteForAgent(a);
        await store.sessions.deleteForAgent(a, 'h2');
      },
    },
    throttles: {
      fail: () => store.throttles.fail('k', 1, 10),
      failures: () => store.throttles.failures('k', 1, 10),
      recent: () => store.throttles.recent('k', 1, 10),
      clear: () => store.throttles.clear('k'),
      prune: () => store.throttles.prune(0),
    },
    cannedReplies: {
      create: () => store.cannedReplies.create({ _id: 'r1' as CannedReplyId, shortcut: 'x' } as never).catch(() => {}),
      list: () => store.cannedReplies.list(),
      update: () => store.cannedReplies.update('r1' as CannedReplyId, { shortcut: 'y', title: 't', text: 'x', updatedAt: 1 }),
      delete: () => store.cannedReplies.delete('r1' as CannedReplyId),
    },
    // Routing settings (issue 14): one document per site, a table bounded by the configuration.
    routing: {
      get: () => store.routing.get('s1' as SiteId),
      getMany: () => store.routing.getMany(['s1' as SiteId, 's2' as SiteId]),
      save: () => store.routing.save({ _id: 's1' as SiteId, teams: [], agents: [], topics: [], rules: [], vipTeamId: null, lastAgentDays: 3, updatedAt: 1 }),
    },
    // Peak forecast (issue 15): range counts per site, by the (siteId, createdAt) index.
    arrivals: {
      count: () => store.arrivals.count('s1' as SiteId, 0, 10),
      first: () => store.arrivals.first('s1' as SiteId),
    },
  };
}

describe('embedded store query plans', () => {
  it('answers every repository query from an index on the tables that grow', async () => {
    const dataDir = await tempDir();
    const store = await openRecorded(dataDir);
    const calls = everyMethod(store);
    for (const [repository, methods] of Object.entries(calls)) {
      const repo = store[repository as keyof Store] as unknown as Record<string, unknown>;
      const functions = Object.keys(repo).filter((k) => typeof repo[k] === 'function');
      expect(Object.keys(methods).sort(), `methods of ${repository} exercised`).toEqual(functions.sort());
      for (const call of Object.values(methods)) await call();
    }
    await store.close();

    const db = new Sqlite(path.join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      const scans: string[] = [];
      for (const [sql, params] of statements) {
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
        for (const { detail } of plan) {
          const scanned = /^SCAN "?(\w+)"?/.exec(detail)?.[1];
          // Reading an index in its order up to a LIMIT stops after `limit` matches: allowed.
          const orderedUpToLimit = / USING (COVERING )?INDEX /.test(detail) && / LIMIT \?/.test(sql);
          // An FTS5 table "scanned" by MATCH (index 0:M...) reads its index, not every row.
          const matched = / VIRTUAL TABLE INDEX \d+:M/.test(detail);
          if (scanned && GROWING.includes(scanned) && !orderedUpToLimit && !matched) scans.push(`${sql}\n  -> ${detail}`);
        }
      }
      expect(statements.size).toBeGreaterThan(40);
      expect(scans).toEqual([]);
    } finally {
      db.close();
    }
  });
});

