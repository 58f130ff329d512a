// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { startHarness, until } from '../support/console-harness.js';

describe('session lifecycle', () => {
  it('connects only after sign-in, and not on load without a session', async () => {
    const h = await startHarness({ signedIn: false });
    expect(h.app.stores.session.getState().phase).toBe('signed-out');
    expect(h.transports).toHaveLength(0);
    expect(await h.app.stores.session.getState().login(h.me.email, 'correct-horse')).toBeNull();
    expect(h.transports).toHaveLength(1);
    await until(() => h.app.stores.inbox.getState().loaded);
  });

  it('a revoked session ends at the sign-in page and closes the socket', async () => {
    const h = await startHarness();
    h.apiState.me = null;
    h.transport.emit('session:revoked');
    h.transport.connection({ type: 'disconnected', willRetry: false, reason: 'io server disconnect' });
    await until(() => h.app.stores.session.getState().phase === 'signed-out');
    expect(h.app.stores.session.getState().notice).toMatch(/session has ended/);
    expect(h.transport.closed).toBe(true);
    expect(h.app.stores.inbox.getState().loaded).toBe(false);
  });

  it('still signed in after a revocation (own password change): reconnects', async () => {
    const h = await startHarness();
    h.transport.emit('session:revoked');
    h.transport.connection({ type: 'disconnected', willRetry: false, reason: 'io server disconnect' });
    await until(() => h.transport.callsOf('inbox:list').length === 2);
    expect(h.app.stores.session.getState().phase).toBe('signed-in');
  });

  it('a refused protocol version asks for a reload', async () => {
    const h = await startHarness();
    h.transport.connection({ type: 'rejected', code: 'protocol_version_mismatch', message: 'Please reload: the chat was updated.' });
    expect(h.app.stores.connection.getState()).toMatchObject({ state: 'refused', detail: 'Please reload: the chat was updated.' });
  });

  it('asks for notification permission when going online, not before', async () => {
    const h = await startHarness({ me: { status: 'offline' } });
    h.transport.handle('agent:status', (p) => ({ ok: true, data: { agent: { ...h.me, status: p.status } } }));
    expect(h.prepared).toBe(0);
    await h.app.setStatus('away');
    expect(h.prepared).toBe(0);
    await h.app.setStatus('online');
    expect(h.prepared).toBe(1);
    expect(h.app.stores.session.getState().agent?.status).toBe('online');
  });
});
