/**
 * What an agent does to a conversation (take, resolve, reopen, transfer, tag) and to
 * themselves (status). Each answers with the new state, applied at once; the matching
 * server events arrive too and merge harmlessly.
 */
import type { AgentId, AgentStatus, AgentSummary, Conversation, ConversationId } from '@counter/shared';
import type { ClientError } from '../lib/client-error.js';
import { visitorSummaryOf } from '../lib/visitor-label.js';
import type { InboxStore } from '../stores/inbox-store.js';
import type { QueueStore } from '../stores/queue-store.js';
import type { SessionStore } from '../stores/session-store.js';
import type { ThreadsStore } from '../stores/threads-store.js';
import type { Commander } from './commander.js';

export interface CommandDeps {
  command: Commander;
  inbox: InboxStore;
  queue: QueueStore;
  threads: ThreadsStore;
  session: SessionStore;
}

export function createConversationCommands({ command, inbox, queue, threads, session }: CommandDeps) {
  function applied(conversation: Conversation) {
    threads.getState().updateConversation(conversation);
    inbox.getState().updateConversation(conversation);
  }

  /** It became mine: show it in the inbox now, even before conversation:assigned arrives. */
  function mine(conversation: Conversation) {
    applied(conversation);
    const visitor = threads.getState().threads[conversation.id]?.visitor;
    if (visitor && conversation.agentId === session.getState().agent?.id) {
      inbox.getState().upsert({ conversation, visitor: visitorSummaryOf(visitor) });
    }
  }

  async function run<T extends { conversation: Conversation }>(
    pending: Promise<{ ok: true; data: T } | { ok: false; error: ClientError }>,
    then: (c: Conversation) => void = applied,
  ): Promise<ClientError | null> {
    const result = await pending;
    if (!result.ok) return result.error;
    then(result.data.conversation);
    return null;
  }

  return {
    async take(conversationId: ConversationId): Promise<ClientError | null> {
      const error = await run(command('conversation:take', { conversationId }), mine);
      if (!error) {
        const q = queue.getState();
        q.set(q.items.filter((i) => i.conversationId !== conversationId), Math.max(0, q.total - 1));
      }
      return error;
    },
    resolve: (conversationId: ConversationId) => run(command('conversation:resolve', { conversationId })),
    reopen: (conversationId: ConversationId) => run(command('conversation:reopen', { conversationId }), mine),
    transfer: (conversationId: ConversationId, toAgentId: AgentId | null, note?: string) =>
      run(
        command('conversation:transfer', { conversationId, toAgentId, ...(note?.trim() ? { note: note.trim() } : {}) }),
        (c) => {
          applied(c);
          if (c.agentId !== session.getState().agent?.id) inbox.getState().remove(c.id);
        },
      ),
    setTags: (conversationId: ConversationId, tags: string[]) => run(command('conversation:tags', { conversationId, tags })),

    async agents(): Promise<{ agents: AgentSummary[] } | { error: ClientError }> {
      const result = await command('agents:list', {});
      return result.ok ? { agents: result.data.agents } : { error: result.error };
    },

    async setStatus(status: AgentStatus): Promise<ClientError | null> {
      const result = await command('agent:status', { status });
      if (!result.ok) return result.error;
      session.getState().agentUpdated(result.data.agent);
      return null;
    },

    typing(conversationId: ConversationId, typing: boolean) {
      void command('typing:set', { conversationId, typing }, { timeoutMs: 5000 });
    },
  };
}

export type ConversationCommands = ReturnType<typeof createConversationCommands>;
