/**
 * Each resource is a plugin that owns its teardown, closed in order: a store passed in stays
 * open for its owner, and this node has left the presence table before the store would close.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AgentId } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { startTestServer } from '../support/test-server.js';

describe('plugins own their resources', () => {
  let dataDir: string;
  let store: Store;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'counter-plugins-'));
    store = await openStore({ dataDir });
  });
  afterAll(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('closes sockets and leaves presence on close, and leaves a store it was given open', async () => {
    const server = await startTestServer({ store, dataDir });
    const agent = await server.agent();
    const agentId = agent.agentId as AgentId;
    expect((await store.presence.connected([agentId])).has(agentId)).toBe(true);
    const disconnected = new Promise<string>((resolve) => agent.socket.once('disconnect', resolve));

    await server.close();

    expect(await disconnected).toBeTruthy();
    expect((await store.presence.connected([agentId])).size).toBe(0);
    // Still open: the caller owns it.
    expect((await store.agents.byId(agentId))?._id).toBe(agentId);
  });

  it('decorates the instance with each resource', async () => {
    const server = await startTestServer({ store, dataDir });
    try {
      expect(server.app.store).toBe(store);
      expect(server.app.hasDecorator('services')).toBe(true);
      expect(server.app.hasDecorator('io')).toBe(true);
      expect(server.app.firstRun.adminEmail).toBe(server.adminEmail);
    } finally {
      await server.close();
    }
  });
});
