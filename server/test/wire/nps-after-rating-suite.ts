/**
 * The NPS question after the rating at the wire (issue 15 leftovers), run on each store: only a
 * site that enables it asks (the widget learns it from its config), a resolved conversation
 * takes one answer 0–10 (a retry of the same one is accepted, another is a conflict), and the
 * report's NPS counts it.
 */
import { randomUUID } from 'node:crypto';
import type { ReportSummary } from '@counter/shared';
import type { Config } from '../../src/config.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

export function npsAfterRatingSuite(label: string, config: () => Partial<Config>) {
  describe(`NPS after the rating: ${label}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ config: config() });
    });
    afterAll(() => server.close());

    it('is asked where the site enables it, stored once, validated, and counted by the report', async () => {
      const from = Date.now() - 60_000;
      const sue = await server.agent({ name: 'Sue', role: 'supervisor', online: false });
      const ann = await server.agent({ name: 'Ann' });
      const shop = await server.visitor();
      expect(shop.session.config.nps).toBe(false);
      const { conversation } = ok(await visitorCommand(shop.socket, 'conversation:start', {}));
      const conversationId = conversation.id;
      const assigned = next(ann.socket as never, 'conversation:assigned');
      ok(await visitorCommand(shop.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Thanks!' }));
      await assigned;
      // Not yet resolved, and the site does not ask.
      expect(await visitorCommand(shop.socket, 'conversation:nps', { conversationId, score: 9 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      await server.app.services.sites.update(server.site.id as never, { nps: true });
      expect((await server.visitor()).session.config.nps).toBe(true);
      expect(await visitorCommand(shop.socket, 'conversation:nps', { conversationId, score: 9 })).toMatchObject({ ok: false, error: { code: 'conflict' } });

      ok(await agentCommand(ann.socket, 'conversation:resolve', { conversationId: conversationId as never }));
      // The rating's answer tells the widget to ask next.
      expect(ok(await visitorCommand(shop.socket, 'conversation:rate', { conversationId, score: 5 })).askNps).toBe(true);
      for (const score of [11, -1, 7.5, '9']) {
        expect(await visitorCommand(shop.socket, 'conversation:nps', { conversationId, score } as never)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      }
      const acks = await Promise.all([9, 9, 9].map((score) => visitorCommand(shop.socket, 'conversation:nps', { conversationId, score })));
      for (const ack of acks) expect(ack).toEqual({ ok: true, data: { score: 9 } });
      expect(await visitorCommand(shop.socket, 'conversation:nps', { conversationId, score: 2 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect((await server.app.store.conversations.byId(conversationId as never))?.nps).toBe(9);

      // Someone else's conversation is not found.
      const stranger = await server.visitor();
      expect(await visitorCommand(stranger.socket, 'conversation:nps', { conversationId, score: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });

      const res = await server.app.inject({ method: 'GET', url: `/api/v1/reports/summary?from=${from}&to=${Date.now() + 60_000}`, headers: { cookie: sue.cookie } });
      expect((res.json() as ReportSummary).figures.nps).toEqual({ answered: 1, promoters: 1, detractors: 0, score: 100 });
    });
  });
}
