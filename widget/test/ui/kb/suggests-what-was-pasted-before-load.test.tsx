/**
 * Issue 13: the suggestions are a lazy chunk that hears the composer's input events. A shopper
 * who pastes a whole question before that chunk has loaded fires the only input event before
 * anyone listens; the chunk must then ask for what the composer already holds.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatSession } from '../../../src/frame/session/chat-session';
import type { KbApi } from '../../../src/frame/session/kb';
import { createChatStore } from '../../../src/frame/store/chat-store';
import { KbPanel } from '../../../src/frame/ui/kb/KbPanel';
import { ChatContext } from '../../../src/frame/ui/use-chat';

afterEach(cleanup);

describe('suggestions and a paste before their chunk loaded', () => {
  it('asks for the composer\'s current text when the chunk mounts', async () => {
    // The composer (first render) already holds the pasted question; its input event is gone.
    const form = document.createElement('form');
    form.className = 'composer';
    const box = document.createElement('textarea');
    box.value = 'where is my parcel';
    form.append(box);
    document.body.append(form);

    const suggest = vi.fn(async () => [{ id: 'a1', title: 'Track your parcel', locale: 'en' as const, score: 3 }]);
    const api = { top: async () => [], suggest, article: async () => { throw new Error('unused'); }, feedback: async () => {}, handoff: async () => {} } as unknown as KbApi;
    const session = { kb: async () => api } as unknown as ChatSession;
    render(
      <ChatContext.Provider value={{ store: createChatStore(), session }}>
        <KbPanel />
      </ChatContext.Provider>,
    );
    expect(await screen.findByRole('button', { name: 'Track your parcel' })).toBeTruthy();
    expect(suggest).toHaveBeenCalledTimes(1);
    expect(suggest).toHaveBeenCalledWith('where is my parcel');
    form.remove();
  });
});
