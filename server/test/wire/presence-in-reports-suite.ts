/**
 * Presence history at the wire (issue 15 leftovers), run on each store: a real agent's
 * console goes online, takes a chat, goes away and disconnects; the report and its agents' CSV
 * give exactly the time online and away (the clock is driven) and the sampled load.
 */
import { randomUUID } from 'node:crypto';
import type { ReportSummary } from '@counter/shared';
import type { Config } from '../../src/config.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePresence } from '../../src/domain/presence-log.js';
import { EventBus } from '../../src/domain/events.js';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

const MIN = 60_000;

export function presenceInReportsSuite(label: string, config: () => Partial<Config>) {
  describe(`presence history in the reports: ${label}`, () => {
    let server: TestServer;
    const events = new EventBus();
    const t0 = Math.floor(Date.now() / MIN) * MIN;
    let now = t0;
    const clock = { now: () => now };
    beforeAll(async () => {
      server = await startTestServer({ config: config(), deps: { clock, events } });
    });
    afterAll(() => server.close());

    it('counts online and away time and the concurrent load of a real console', async () => {
      const sue = await server.agent({ name: 'Sue', role: 'supervisor', online: false });
      const ann = await server.agent({ name: 'Ann', capacity: 2 }); // online at t0

      now = t0 + 10 * MIN;
      const shop = await server.visitor();
      const { conversation } = ok(await visitorCommand(shop.socket, 'conversation:start', {}));
      const assigned = next(ann.socket as never, 'conversation:assigned');
      ok(await visitorCommand(shop.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Is it in stock?' }));
      await assigned;
      await samplePresence({ store: server.app.store, clock }); // Ann holds 1

      now = t0 + 15 * MIN;
      ok(await agentCommand(ann.socket, 'agent:status', { status: 'away' }));
      now = t0 + 18 * MIN;
      const gone = new Promise<void>((resolve) => {
        const off = events.subscribe((e) => {
          if (e.type === 'availability.changed') {
            off();
            resolve();
          }
        });
      });
      ann.socket.disconnect();
      await gone;

      now = t0 + 30 * MIN;
      const range = { from: t0 - 60 * MIN, to: t0 + 60 * MIN };
      const res = await server.app.inject({ method: 'GET', url: `/api/v1/reports/summary?from=${range.from}&to=${range.to}`, headers: { cookie: sue.cookie } });
      expect(res.statusCode).toBe(200);
      const row = (res.json() as ReportSummary).figures.agents.find((a) => a.agentId === ann.agentId);
      expect(row).toMatchObject({ name: 'Ann', handled: 1, onlineMs: 15 * MIN, awayMs: 3 * MIN, concurrentLoad: 1, concurrentPeak: 1 });

      // A range starting inside the online stretch is cut at its edge.
      const late = await server.app.inject({ method: 'GET', url: `/api/v1/reports/summary?from=${t0 + 5 * MIN}&to=${t0 + 16 * MIN}`, headers: { cookie: sue.cookie } });
      expect((late.json() as ReportSummary).figures.agents.find((a) => a.agentId === ann.agentId)).toMatchObject({ onlineMs: 10 * MIN, awayMs: 1 * MIN });

      const csv = await server.app.inject({ method: 'GET', url: `/api/v1/reports/export.csv?kind=agents&from=${range.from}&to=${range.to}`, headers: { cookie: sue.cookie } });
      const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      const header = lines[0]!.split(',');
      const annLine = lines.find((l) => l.startsWith(ann.agentId))!.split(',');
      expect(annLine[header.indexOf('online_ms')]).toBe(String(15 * MIN));
      expect(annLine[header.indexOf('away_ms')]).toBe(String(3 * MIN));
      expect(annLine[header.indexOf('concurrent_peak')]).toBe('1');
    });
  });
}
