/**
 * Two nodes on one MongoDB with Redis fan-out, both sweeping every 50 ms (issue 14, items 4
 * and 5): a conversation about to miss its target is escalated once and its breach recorded
 * once, and the supervisor connected to the other node hears of it exactly once.
 */
import { randomUUID } from 'node:crypto';
import type { Breach, ResponseTargets, TargetEscalation } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSharedStore } from '../support/shared-store-nodes.js';
import { ok, visitorCommand, type TestServer } from '../support/test-server.js';
import { eventually } from '../support/wait.js';

const shared = await startSharedStore('scale-out targets');

const FAST: ResponseTargets = {
  vip: { firstSeconds: 5, nextSeconds: 5, asyncSeconds: 3600 },
  standard: { firstSeconds: 5, nextSeconds: 5, asyncSeconds: 3600 },
  escalation: { action: 'notify', atPercent: 10 },
};

describe.skipIf(shared.skipped !== null)('response targets on two nodes: once, whoever sweeps', () => {
  let nodeA: TestServer;
  let nodeB: TestServer;

  beforeAll(async () => {
    nodeA = await shared.node({ sweepIntervalMs: 50 });
    nodeB = await shared.node({ sweepIntervalMs: 50 });
  });
  afterAll(() => shared.close());

  it('escalates once and records one breach per conversation with both nodes sweeping', async () => {
    const owner = await nodeA.login(nodeA.adminEmail, nodeA.adminPassword);
    const put = await nodeA.app.inject({ method: 'PUT', url: `/api/v1/sites/${nodeA.site.id}/targets`, headers: { cookie: owner }, payload: { targets: FAST } });
    expect(put.statusCode).toBe(200);
    const sue = await nodeB.agent({ name: 'Sue', role: 'supervisor', online: false });
    const heard: TargetEscalation[] = [];
    sue.socket.on('target:escalated', (e) => heard.push(e.escalation));

    // Nobody online: three shoppers wait in the queue past their target.
    const ids: string[] = [];
    for (const node of [nodeA, nodeB, nodeA]) {
      const shopper = await node.visitor();
      const { conversation } = ok(await visitorCommand(shopper.socket, 'conversation:start', {}));
      ok(await visitorCommand(shopper.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Hello?' }));
      ids.push(conversation.id);
    }
    const breaches = async () =>
      ((await nodeB.app.inject({ method: 'GET', url: '/api/v1/breaches', headers: { cookie: sue.cookie } })).json().breaches as Breach[]).filter((b) =>
        ids.includes(b.conversationId),
      );
    await eventually(breaches, (b) => b.length >= ids.length, 'three breaches', 20_000);
    // Both nodes keep sweeping; run a few more on each to be sure nothing doubles.
    for (let i = 0; i < 3; i++) await Promise.all([nodeA.app.services.router.sweep(), nodeB.app.services.router.sweep()]);
    expect((await breaches()).map((b) => b.conversationId).sort()).toEqual([...ids].sort());
    // The escalations were sent before the breaches; the Redis hop has long delivered them.
    await eventually(async () => heard.length, (n) => n >= ids.length, 'escalations heard');
    expect(heard.map((e) => e.conversationId).sort()).toEqual([...ids].sort());
  });
});
