/**
 * Issue 17, items 1 and 4: a site's look and proactive rules are saved by its admin (both
 * stores), validated, and reach the page inside `widget.js?site=ID`, with no other request:
 * the loader's default look is replaced by the site's; plain widget.js keeps the default.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMongoWire } from '../support/mongo-wire.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import type { Config } from '../../src/config.js';

const wire = await startMongoWire();
const stores: [string, Partial<Config> | null][] = [
  ['embedded', {}],
  ['mongodb', 'skipped' in wire ? null : { mongodbUrl: wire.server.url }],
];
afterAll(async () => {
  if (!('skipped' in wire)) await wire.server.dispose();
});

const settings = {
  look: { color: '#FACC15', side: 'left', x: 24, y: 96, label: { en: 'Questions?', zh: '有问题吗？' }, showAgent: true },
  proactive: {
    rules: [{ id: 'sale', seconds: 5, url: '/sale', message: { en: 'Need a size?', zh: '需要尺码建议吗？' } }],
    capHours: 12,
  },
};

describe.each(stores)('the site look, baked into the loader (%s)', (_label, storeConfig) => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    if (!storeConfig) return;
    server = await startTestServer({ config: storeConfig });
    cookie = await server.login(server.adminEmail, server.adminPassword);
  });
  afterAll(() => server?.close());

  const put = (body: object) =>
    server.app.inject({ method: 'PUT', url: `/api/v1/sites/${server.site.id}/look`, headers: { cookie }, payload: body });
  const loader = async (query: string) => {
    const res = await server.app.inject({ method: 'GET', url: `/widget.js${query}`, headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    return gunzipSync(res.rawPayload).toString('utf8');
  };

  it.skipIf(!storeConfig)('starts from the defaults, saves the look and rules, and reads them back', async () => {
    const before = await server.app.inject({ method: 'GET', url: `/api/v1/sites/${server.site.id}/look`, headers: { cookie } });
    expect(before.json()).toEqual({
      look: { color: '#1d4ed8', side: 'right', x: 20, y: 20, label: {}, showAgent: true },
      proactive: { rules: [], capHours: 24 },
    });
    const saved = await put(settings);
    expect(saved.statusCode).toBe(200);
    // Colours are stored lowercase.
    expect(saved.json().look.color).toBe('#facc15');
    const again = await server.app.inject({ method: 'GET', url: `/api/v1/sites/${server.site.id}/look`, headers: { cookie } });
    expect(again.json()).toEqual(saved.json());
  });

  it.skipIf(!storeConfig)('refuses a colour that is not one, offsets out of bounds and URL patterns that are not paths', async () => {
    for (const bad of [
      { ...settings, look: { ...settings.look, color: 'red;}' } },
      { ...settings, look: { ...settings.look, x: 5000 } },
      { ...settings, look: { ...settings.look, side: 'top' } },
      { ...settings, proactive: { ...settings.proactive, rules: [{ ...settings.proactive.rules[0], url: 'javascript:alert(1)' }] } },
      { ...settings, proactive: { ...settings.proactive, capHours: 0 } },
    ]) {
      const res = await put(bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it.skipIf(!storeConfig)('bakes the look and the rules into widget.js?site=ID', async () => {
    await put(settings);
    const text = await loader(`?site=${server.site.id}`);
    expect(text).toContain('"color":"#facc15","side":"left","x":24,"y":96,"en":"Questions?","zh":"有问题吗？"');
    expect(text).toContain('"r":[{"id":"sale","seconds":5,"url":"/sale"');
    expect(text).toContain('"h":12');
    expect(text).not.toContain('$look');

    // Older snippets and unknown sites keep the default look; nothing fails.
    expect(await loader('')).toContain('{$look:1,color:"#1d4ed8"');
    expect(await loader('?site=nosuchsite1')).toContain('{$look:1,color:"#1d4ed8"');
  });

  it.skipIf(!storeConfig)('lets only the site’s admins read or change it', async () => {
    const anonymous = await server.app.inject({ method: 'GET', url: `/api/v1/sites/${server.site.id}/look` });
    expect(anonymous.statusCode).toBe(401);
  });
});
