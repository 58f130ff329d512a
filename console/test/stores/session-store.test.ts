// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../../src/stores/session-store.js';
import { createFakeApi } from '../support/fake-api.js';
import { agent } from '../support/fixtures.js';

describe('session store', () => {
  it('starts signed out without a session, signs in and out', async () => {
    const me = agent({ email: 'ann@example.com' });
    const { api } = createFakeApi({ agents: [me] });
    const store = createSessionStore(api);
    await store.getState().check();
    expect(store.getState().phase).toBe('signed-out');
    expect(store.getState().notice).toBeNull();

    expect(await store.getState().login('ann@example.com', 'wrong')).toMatchObject({ code: 'invalid_credentials' });
    expect(await store.getState().login(' ann@example.com ', 'correct-horse')).toBeNull();
    expect(store.getState()).toMatchObject({ phase: 'signed-in', agent: { id: me.id } });
    await store.getState().logout();
    expect(store.getState().phase).toBe('signed-out');
  });

  it('after a revocation, stays signed in only if this browser still has a session', async () => {
    const me = agent();
    const { api, state } = createFakeApi({ me });
    const store = createSessionStore(api);
    await store.getState().check();
    expect(await store.getState().revoked()).toBe('still-signed-in');
    state.me = null;
    expect(await store.getState().revoked()).toBe('signed-out');
    expect(store.getState().notice).toMatch(/session has ended/);
  });

  it('waits for its own password change before deciding (the new cookie arrives with it)', async () => {
    const me = agent();
    const { api, state } = createFakeApi({ me });
    let finish!: () => void;
    const slow = { ...api, changePassword: () => new Promise<never>((resolve) => (finish = () => resolve({ ok: true, data: null } as never))) };
    const store = createSessionStore(slow);
    await store.getState().check();
    const changing = store.getState().changePassword('correct-horse', 'a-new-password');
    state.me = null; // the old cookie is revoked...
    const decision = store.getState().revoked();
    state.me = me; // ...and the response sets the new one
    finish();
    await changing;
    expect(await decision).toBe('still-signed-in');
    expect(store.getState().phase).toBe('signed-in');
  });
});
