/**
 * Issue 12 item 5: a file belongs to the conversation it was uploaded into. Only its uploader
 * may send it there as a message; only that conversation's shopper and the agents who may see
 * the conversation can read it. Another shopper's or another site's file is "not found".
 */
import type { Message, VisitorMessage } from '@counter/shared';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phonePhoto, readAttachment, uploadAttachment } from '../support/attachments.js';
import { SHOP_ORIGIN, agentCommand, next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

type Uploaded = { attachment: { id: string; name: string; width: number | null } };

describe('attachments stay in their conversation', () => {
  let server: TestServer;
  let alice: Awaited<ReturnType<TestServer['visitor']>>;
  let bob: Awaited<ReturnType<TestServer['visitor']>>;
  let aliceConversation: string;
  let bobConversation: string;
  let photoId: string;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.visitor();
    bob = await server.visitor();
    aliceConversation = ok(await visitorCommand(alice.socket, 'conversation:start', {})).conversation.id;
    bobConversation = ok(await visitorCommand(bob.socket, 'conversation:start', {})).conversation.id;
    const res = await uploadAttachment(server, { token: alice.token }, { conversationId: aliceConversation, bytes: await phonePhoto(), name: 'broken-mug.jpg' });
    photoId = ((await res.json()) as Uploaded).attachment.id;
  });
  afterAll(() => server?.close());

  it("the shopper sends their photo; the agent receives a message of kind attachment and can read the file", async () => {
    const supervisor = await server.agent({ role: 'supervisor' });
    ok(await agentCommand(supervisor.socket, 'conversation:open', { conversationId: aliceConversation as never }));
    const arrived = next<{ message: Message }>(supervisor.socket as never, 'message:created', (e) => e.message.kind === 'attachment');
    const clientId = randomUUID();
    const sent = ok(await visitorCommand(alice.socket, 'attachment:send', { conversationId: aliceConversation, clientId, attachmentId: photoId }));
    expect(sent.message).toMatchObject({ kind: 'attachment', text: 'broken-mug.jpg', attachment: { id: photoId, mime: 'image/jpeg', thumb: true } });
    // The same clientId again: the same message, not a second one.
    const retried = ok(await visitorCommand(alice.socket, 'attachment:send', { conversationId: aliceConversation, clientId, attachmentId: photoId }));
    expect(retried.message.id).toBe(sent.message.id);
    expect((await arrived).message.attachment?.id).toBe(photoId);
    expect((await readAttachment(server, { cookie: supervisor.cookie }, photoId)).status).toBe(200);
    expect((await readAttachment(server, { cookie: supervisor.cookie }, photoId, true)).status).toBe(200);
  });

  it("another shopper cannot send or read it", async () => {
    // As a reference into their own conversation...
    const intoOwn = await visitorCommand(bob.socket, 'attachment:send', { conversationId: bobConversation, clientId: randomUUID(), attachmentId: photoId });
    expect(intoOwn).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // ...or into Alice's.
    const intoHers = await visitorCommand(bob.socket, 'attachment:send', { conversationId: aliceConversation, clientId: randomUUID(), attachmentId: photoId });
    expect(intoHers).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await readAttachment(server, { token: bob.token }, photoId)).status).toBe(404);
    expect((await readAttachment(server, { token: bob.token }, photoId, true)).status).toBe(404);
    // Nor upload into Alice's conversation.
    const upload = await uploadAttachment(server, { token: bob.token }, { conversationId: aliceConversation, bytes: await phonePhoto() });
    expect(upload.status).toBe(404);
  });

  it('nobody can send a file they did not upload, not even an agent who sees the conversation', async () => {
    const supervisor = await server.agent({ role: 'supervisor' });
    const res = await agentCommand(supervisor.socket, 'attachment:send', { conversationId: aliceConversation as never, clientId: randomUUID() as never, attachmentId: photoId as never });
    expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it("staff of another site cannot read it; a stranger without credentials neither", async () => {
    const other = await server.app.services.sites.create({ name: 'Other shop', allowedOrigins: [SHOP_ORIGIN], greeting: {}, businessHours: null, defaultLocale: 'en' });
    const outsider = await server.agent({ role: 'admin', siteIds: [other.id] });
    expect((await readAttachment(server, { cookie: outsider.cookie }, photoId)).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/attachments/${photoId}`)).status).toBe(401);
    // A shopper's token with another site in the query proves nothing there.
    const res = await fetch(`${server.url}/api/v1/attachments/${photoId}?siteId=${other.id}`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(res.status).toBe(401);
  });

  it("the agent holding the conversation sends a file; the shopper receives and reads it", async () => {
    const agent = await server.agent({ role: 'supervisor' });
    const arrived = next<{ message: VisitorMessage }>(alice.socket as never, 'message:created', (e) => e.message.kind === 'attachment' && e.message.author === 'agent');
    const res = await uploadAttachment(server, { cookie: agent.cookie }, { conversationId: aliceConversation, bytes: await phonePhoto(40, 40), name: 'label.jpg' });
    expect(res.status).toBe(200);
    const { attachment } = (await res.json()) as Uploaded;
    const sent = ok(await agentCommand(agent.socket, 'attachment:send', { conversationId: aliceConversation as never, clientId: randomUUID() as never, attachmentId: attachment.id as never }));
    expect(sent.message).toMatchObject({ kind: 'attachment', author: 'agent', attachment: { id: attachment.id } });
    expect((await arrived).message.attachment?.name).toBe('label.jpg');
    expect((await readAttachment(server, { token: alice.token }, attachment.id)).status).toBe(200);
    expect((await readAttachment(server, { token: bob.token }, attachment.id)).status).toBe(404);
  });

  it('the domain tells other features whether a file belongs to a conversation (return photos)', async () => {
    const { attachments } = server.app.services;
    expect((await attachments.belongsTo(photoId as never, aliceConversation as never))?._id).toBe(photoId);
    expect(await attachments.belongsTo(photoId as never, bobConversation as never)).toBeNull();
  });
});
