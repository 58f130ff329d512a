import type { SiteId, VisitorId } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import type { RoutingSettingsDoc, VisitorDoc } from '../../src/store/documents.js';
import type { RoutingSettingsRepository } from '../../src/store/repositories/routing-settings.js';
import { cachedRoutingSettings } from '../../src/store/routing-settings-cache.js';
import type { VisitorRepository } from '../../src/store/repositories/visitors.js';
import { cachedVisitors, visitorCacheOf } from '../../src/store/visitor-cache.js';

const ID = 'v1' as VisitorId;

/** A repository holding one visitor, whose reads can be held open to overlap a write. */
function fakeRepository() {
  let doc = { _id: ID, name: 'Ann' } as unknown as VisitorDoc;
  const state = { reads: 0, hold: null as null | Promise<void> };
  const repository = {
    async byId() {
      state.reads++;
      const seen = doc;
      if (state.hold) await state.hold;
      return { ...seen };
    },
    async update(_id: VisitorId, patch: Partial<VisitorDoc>) {
      doc = { ...doc, ...patch };
      return doc;
    },
  } as unknown as VisitorRepository;
  return { repository, state };
}

describe('visitor cache', () => {
  it('serves repeated reads from memory and reads again after a write through it', async () => {
    const { repository, state } = fakeRepository();
    const visitors = cachedVisitors(repository);
    expect((await visitors.byId(ID))?.name).toBe('Ann');
    await visitors.byId(ID);
    expect(state.reads).toBe(1);
    await visitors.update(ID, { name: 'Zoe' });
    expect((await visitors.byId(ID))?.name).toBe('Zoe');
    expect(state.reads).toBe(2);
  });

  it('does not keep a read that overlapped a write (it may hold the old document)', async () => {
    const { repository, state } = fakeRepository();
    const visitors = cachedVisitors(repository);
    let release!: () => void;
    state.hold = new Promise((resolve) => (release = resolve));
    const slow = visitors.byId(ID);
    await visitors.update(ID, { name: 'Zoe' });
    release();
    expect((await slow)?.name).toBe('Ann');
    state.hold = null;
    expect((await visitors.byId(ID))?.name).toBe('Zoe');
  });

  it('forgets on a write announced by another node, and tells listeners of its own writes', async () => {
    const { repository, state } = fakeRepository();
    const visitors = cachedVisitors(repository);
    const control = visitorCacheOf(visitors)!;
    const written: string[] = [];
    control.onWrite((id) => written.push(id));
    await visitors.byId(ID);
    control.forget(ID);
    await visitors.byId(ID);
    expect(state.reads).toBe(2);
    await visitors.update(ID, { name: 'Zoe' });
    expect(written).toEqual([ID]);
  });

  it('reads again once an entry is older than the time limit', async () => {
    const { repository, state } = fakeRepository();
    let now = 0;
    const visitors = cachedVisitors(repository, { ttlMs: 1000, now: () => now });
    await visitors.byId(ID);
    now = 999;
    await visitors.byId(ID);
    expect(state.reads).toBe(1);
    now = 1000;
    await visitors.byId(ID);
    expect(state.reads).toBe(2);
  });

  it('hands out frozen documents: a caller cannot change what others are served', async () => {
    const visitors = cachedVisitors(fakeRepository().repository);
    const doc = (await visitors.byId(ID))!;
    expect(() => Object.assign(doc, { name: 'Mallory' })).toThrow(TypeError);
  });
});

describe('routing settings cache', () => {
  it('remembers a site without settings, and forgets it when an admin saves some', async () => {
    let stored: RoutingSettingsDoc | null = null;
    let reads = 0;
    const inner = {
      get: async () => (reads++, stored),
      getMany: async () => (stored ? [stored] : []),
      save: async (doc: RoutingSettingsDoc) => void (stored = doc),
    } as RoutingSettingsRepository;
    const routing = cachedRoutingSettings(inner);
    const site = 's1' as SiteId;
    expect(await routing.get(site)).toBe(null);
    expect(await routing.getMany([site, site])).toEqual([]);
    expect(reads).toBe(1);
    await routing.save({ _id: site, lastAgentDays: 7 } as unknown as RoutingSettingsDoc);
    expect((await routing.getMany([site]))[0]?.lastAgentDays).toBe(7);
    expect(reads).toBe(2);
  });
});
