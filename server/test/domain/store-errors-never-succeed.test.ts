/**
 * A store error is never answered as a success, and a success whose answer was lost is
 * found out, not guessed.
 *
 * A send whose insert landed but whose answer was lost (a MongoDB timeout or a dropped
 * connection after the write was sent): the shopper got an error ack and resends the same
 * client id. The retry must find the stored message (never a second one, never a guess), and
 * the steps that follow a write (the live event, the conversation's counters, routing) must
 * happen once, as if the first answer had arrived.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ClientMessageId } from '@counter/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/store/errors.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { createDomain, SHOP } from './harness.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

async function embeddedStore(): Promise<Store> {
  const dir = await mkdtemp(path.join(tmpdir(), 'counter-store-errors-'));
  const store = await openStore({ dataDir: dir, fsync: false });
  cleanup.push(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return store;
}

const lostAnswer = () => new StoreUnavailableError(new Error('connection closed after the write was sent'));

/** The real embedded store, whose message inserts land and then report a lost answer, `times` times. */
async function storeLosingAnswers(times: number): Promise<Store> {
  const store = await embeddedStore();
  let left = times;
  const messages = {
    ...store.messages,
    async insert(message: Parameters<Store['messages']['insert']>[0]) {
      await store.messages.insert(message);
      if (left-- > 0) throw lostAnswer();
    },
  };
  return { ...store, messages };
}

describe('a send whose first write landed but whose answer was lost', () => {
  it('is stored once; the retry answers with it and completes what the lost answer skipped', async () => {
    const domain = await createDomain(await storeLosingAnswers(1));
    await domain.agent();
    const visitor = await domain.shopper();
    const conversation = await domain.services.conversations.start(visitor);
    const send = { conversationId: conversation._id, clientId: randomUUID() as ClientMessageId, text: 'is it in stock?' };

    await expect(domain.services.conversations.sendAsVisitor(visitor, send)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(domain.events.ofType('message.created')).toHaveLength(0);

    const retried = await domain.services.conversations.sendAsVisitor(visitor, send);
    await retried.routing;
    expect(retried.message).toMatchObject({ clientId: send.clientId, seq: 1, text: 'is it in stock?' });
    // Announced once, counted once, and routed to the waiting agent as a first message is
    // (whose "joined" event is seq 2).
    const announced = () => domain.events.ofType('message.created').filter((e) => e.message.author === 'visitor');
    expect(announced().map((e) => e.message.seq)).toEqual([1]);
    const after = await domain.conversation(conversation._id);
    expect(after).toMatchObject({ unreadByAgent: 1, lastMessagePreview: 'is it in stock?', status: 'assigned' });

    // A second resend (the first ok was lost too) changes nothing.
    const again = await domain.services.conversations.sendAsVisitor(visitor, send);
    expect(again.message.seq).toBe(1);
    expect(announced()).toHaveLength(1);
    expect(await domain.conversation(conversation._id)).toMatchObject({ unreadByAgent: 1 });
    const page = await domain.store.messages.after(conversation._id, 0, 10, true);
    expect(page.messages.filter((m) => m.author === 'visitor').map((m) => m.clientId)).toEqual([send.clientId]);
    expect(domain.errors).toEqual([]);
  });

  it('the next message after an unresolved one still gets the next sequence number', async () => {
    const domain = await createDomain(await storeLosingAnswers(1));
    const visitor = await domain.shopper();
    const conversation = await domain.services.conversations.start(visitor);
    const first = { conversationId: conversation._id, clientId: randomUUID() as ClientMessageId, text: 'one' };
    const second = { conversationId: conversation._id, clientId: randomUUID() as ClientMessageId, text: 'two' };
    await expect(domain.services.conversations.sendAsVisitor(visitor, first)).rejects.toBeInstanceOf(StoreUnavailableError);
    // A client that moved on before resending (the widget does, after an error ack).
    expect((await domain.services.conversations.sendAsVisitor(visitor, second)).message.seq).toBe(2);
    expect((await domain.services.conversations.sendAsVisitor(visitor, first)).message.seq).toBe(1);
    const page = await domain.store.messages.after(conversation._id, 0, 10, true);
    expect(page.messages.map((m) => m.text)).toEqual(['one', 'two']);
    expect(domain.events.ofType('message.created').map((e) => e.message.seq)).toEqual([2, 1]);
  });

  it('a node that never saw the first attempt (it crashed, or another node wrote) finishes it too', async () => {
    const store = await storeLosingAnswers(1);
    const crashed = await createDomain(store);
    const visitor = await crashed.shopper();
    const conversation = await crashed.services.conversations.start(visitor);
    const send = { conversationId: conversation._id, clientId: randomUUID() as ClientMessageId, text: 'hello?' };
    await expect(crashed.services.conversations.sendAsVisitor(visitor, send)).rejects.toBeInstanceOf(StoreUnavailableError);

    const restarted = await createDomain(store, { siteId: crashed.siteId });
    expect((await restarted.services.conversations.sendAsVisitor(visitor, send)).message.seq).toBe(1);
    expect(restarted.events.ofType('message.created').map((e) => e.message.seq)).toEqual([1]);
    expect(await restarted.conversation(conversation._id)).toMatchObject({ lastSeq: 1, unreadByAgent: 1, lastMessagePreview: 'hello?' });
  });
});

describe('a returning shopper whose token cannot be read (the store failed)', () => {
  it('gets the error, not a new visitor who has lost their conversations', async () => {
    const store = await embeddedStore();
    let failReads = false;
    const visitors = {
      ...store.visitors,
      tokenByHash: (hash: string) => (failReads ? Promise.reject(lostAnswer()) : store.visitors.tokenByHash(hash)),
    };
    const domain = await createDomain({ ...store, visitors });
    const first = await domain.services.visitors.session({ siteId: domain.siteId, pageOrigin: SHOP });

    failReads = true;
    await expect(
      domain.services.visitors.session({ siteId: domain.siteId, pageOrigin: SHOP, token: first.token }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    failReads = false;
    const again = await domain.services.visitors.session({ siteId: domain.siteId, pageOrigin: SHOP, token: first.token });
    expect(again.visitor._id).toBe(first.visitor._id);
    // A token that is simply not valid still starts over.
    const stranger = await domain.services.visitors.session({ siteId: domain.siteId, pageOrigin: SHOP, token: 'x'.repeat(43) });
    expect(stranger.visitor._id).not.toBe(first.visitor._id);
  });
});
