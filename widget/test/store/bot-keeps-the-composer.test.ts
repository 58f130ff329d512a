import { describe, expect, it } from 'vitest';
import { createChatStore } from '../../src/frame/store/chat-store';
import { footer } from '../../src/frame/store/selectors';

/** Issue 13: with the site's bot on, a shopper at night writes to the bot instead of leaving a message. */
describe('footer with a bot', () => {
  it('shows the composer when nobody is online or the shop is closed but the bot answers', () => {
    const base = createChatStore().getState();
    const nobody = { agentsOnline: 0, open: false, typicalReplySeconds: null };
    expect(footer({ ...base, availability: nobody })).toBe('leave');
    expect(footer({ ...base, availability: { ...nobody, bot: true } })).toBe('composer');
    expect(footer({ ...base, availability: { ...nobody, bot: false } })).toBe('leave');
  });
});
