/**
 * Issue 16, items 2 and 6: each person's console language and getting-started checklist are
 * kept on the server with their profile; the site records when its widget was first seen
 * from one of its origins, which ticks the checklist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('console language and getting-started checklist', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const rest = (cookie: string, method: 'GET' | 'PATCH', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const session = async (cookie: string) => (await rest(cookie, 'GET', '/api/v1/auth/session')).json().agent;

  it('keeps the chosen language and checklist state, leaves them absent until chosen, and refuses another language', async () => {
    const mei = await server.agent({ name: 'Mei', online: false });
    // An agent stored before languages existed loads, with the language still to choose.
    expect((await session(mei.cookie)).prefs).toEqual({ sound: true, desktop: true });

    const saved = await rest(mei.cookie, 'PATCH', '/api/v1/auth/profile', { prefs: { locale: 'zh' } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().agent.prefs).toEqual({ sound: true, desktop: true, locale: 'zh' });
    await rest(mei.cookie, 'PATCH', '/api/v1/auth/profile', { prefs: { snippetCopied: true, checklistHidden: true } });
    expect((await session(mei.cookie)).prefs).toEqual({ sound: true, desktop: true, locale: 'zh', snippetCopied: true, checklistHidden: true });

    const refused = await rest(mei.cookie, 'PATCH', '/api/v1/auth/profile', { prefs: { locale: 'fr' } });
    expect(refused.statusCode).toBe(400);
    expect((await session(mei.cookie)).prefs.locale).toBe('zh');
  });

  it('records when the widget first starts a session from an allowed origin, once', async () => {
    const owner = await server.login(server.adminEmail, server.adminPassword);
    const seenAt = async () => (await rest(owner, 'GET', '/api/v1/sites')).json().sites.find((s: { id: string }) => s.id === server.site.id)?.widgetSeenAt;

    await expect(server.visitor({ pageOrigin: 'https://elsewhere.example' })).rejects.toThrow(/403|origin/);
    expect(await seenAt()).toBeUndefined();

    await server.visitor();
    const first = await seenAt();
    expect(first).toEqual(expect.any(Number));
    await server.visitor();
    expect(await seenAt()).toBe(first);
  });
});
