/**
 * An admin's edit of a site's response targets reaches the open consoles of that site's
 * members at once (`target:settings`), so their badges and order follow without a reload;
 * staff of other sites do not hear of it.
 */
import type { ResponseTargets, SiteId } from '@counter/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { agentCommand, next, ok, startTestServer, type TestServer } from '../support/index.js';

const EDITED: ResponseTargets = {
  vip: { firstSeconds: 20, nextSeconds: 40, asyncSeconds: 3600 },
  standard: { firstSeconds: 90, nextSeconds: 120, asyncSeconds: 7200 },
  escalation: { action: 'offer', atPercent: 75 },
};

describe('target settings reach open consoles', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it("sends the edit to the site's members, not to other sites' staff", async () => {
    server = await startTestServer();
    const other = await server.app.services.sites.create({ name: 'Other shop', allowedOrigins: ['https://other.example'], greeting: {}, businessHours: null, defaultLocale: 'en' });
    const member = await server.agent({ name: 'Member', siteIds: [server.site.id] });
    const outsider = await server.agent({ name: 'Outsider', siteIds: [other.id] });
    const heard: unknown[] = [];
    outsider.socket.on('target:settings' as never, (e: unknown) => void heard.push(e));
    const pushed = next<{ siteId: SiteId; targets: ResponseTargets }>(member.socket as never, 'target:settings');
    const owner = await server.login(server.adminEmail, server.adminPassword);
    const put = await server.app.inject({ method: 'PUT', url: `/api/v1/sites/${server.site.id}/targets`, headers: { cookie: owner }, payload: { targets: EDITED } });
    expect(put.statusCode).toBe(200);
    expect(await pushed).toEqual({ siteId: server.site.id, targets: EDITED });
    // One emit wrote to every socket it named before the member had it; a round trip on the
    // outsider's own socket comes after anything written to it then.
    ok(await agentCommand(outsider.socket, 'agent:status', { status: 'online' }));
    expect(heard).toEqual([]);
    member.socket.disconnect();
    outsider.socket.disconnect();
  });
});
