import type { Conversation, ShopperReach } from '@counter/shared';
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../support/console-harness.js';
import type { FakeTransport } from '../support/fake-transport.js';
import { agent, conversation, message, visitorProfile } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

const ME = agent({ name: 'Ann Agent' });

function open(reach: ShopperReach) {
  const c: Conversation = conversation({ agentId: ME.id, agentName: ME.name });
  const profile = visitorProfile({ id: c.visitorId, name: 'Mei Chen' });
  const setup = (t: FakeTransport) =>
    t
      .answer('inbox:list', { items: [{ conversation: c, visitor: profile }] })
      .answer('conversation:open', { conversation: c, visitor: profile, previous: [] })
      .answer('message:history', { messages: [message({ conversationId: c.id, seq: 1, text: 'Hi' })], hasMore: false })
      .handle('message:read', (p) => ({ ok: true, data: { seq: p.seq } }))
      .answer('conversation:reach', { reach });
  return renderConsole({ me: ME, setup, hash: `#/c/${c.id}` });
}

/** Issue 17, item 2: the agent sees that the shopper is gone, and where a reply goes. */
describe('the shopper is gone', () => {
  it('without email (or SMTP): they will see it when they return', async () => {
    await open('on_return');
    await screen.findByText('Shopper left — they will see this when they return.');
  });

  it('with an email and SMTP: replies will be emailed', async () => {
    await open('will_email');
    await screen.findByText('Shopper left — your replies will be emailed to them.');
  });

  it('connected: nothing is said', async () => {
    const h = await open('connected');
    await screen.findByText('Hi');
    await until(() => h.transport.callsOf('conversation:reach').length > 0);
    expect(screen.queryByText(/Shopper left/)).toBeNull();
  });
});
