/**
 * Server events -> stores, and what happens on every (re)connect: the inbox and queue are
 * read again, open conversations re-subscribed and caught up by seq (never by guessing
 * from gaps), and the outbox is resent. Socket.IO's recovery may replay events too; the
 * stores merge by seq and id, so both paths together are safe.
 */
import type { ConversationId } from '@counter/shared';
import type { ActionsStore } from '../stores/actions-store.js';
import type { ConnectionStore } from '../stores/connection-store.js';
import type { InboxStore } from '../stores/inbox-store.js';
import type { QueueStore } from '../stores/queue-store.js';
import type { SessionStore } from '../stores/session-store.js';
import type { SiteNamesStore } from '../stores/site-names-store.js';
import type { ThreadsStore } from '../stores/threads-store.js';
import type { AgentTransport } from '../transport/agent-transport.js';
import type { Attention } from './attention.js';
import type { HistorySync } from './history-sync.js';
import type { MessageSender } from './message-sender.js';
import type { ReadTracker } from './read-tracker.js';

export interface SyncDeps {
  transport: AgentTransport;
  session: SessionStore;
  connection: ConnectionStore;
  inbox: InboxStore;
  queue: QueueStore;
  siteNames: SiteNamesStore;
  threads: ThreadsStore;
  history: HistorySync;
  sender: MessageSender;
  reads: ReadTracker;
  attention: Attention;
  /** After-sales actions, live (issue 12); absent in tests that do not need them. */
  actions?: ActionsStore;
  /** When the shopper's "typing" is assumed over if no update came (a lost "false"). */
  typingTimeoutMs?: number;
}

export function startConsoleSync(deps: SyncDeps): () => void {
  const { transport, session, connection, inbox, queue, siteNames, threads, history, sender, reads, attention } = deps;
  const typingTimers = new Map<ConversationId, ReturnType<typeof setTimeout>>();
  let stopped = false;

  /** A status chosen while disconnected goes first, so routing can start as soon as possible. */
  async function sendWantedStatus() {
    const wanted = connection.getState().wantedStatus;
    if (!wanted) return;
    const result = await transport.command('agent:status', { status: wanted });
    if (stopped || connection.getState().wantedStatus !== wanted) return;
    if (result.ok) session.getState().agentUpdated(result.data.agent);
    // Refused for good (not a lost connection): drop it; the switch shows the server's status.
    if (result.ok || result.error.code !== 'disconnected') connection.getState().want(null);
  }

  async function refresh() {
    await sendWantedStatus();
    const [mine, waiting, sites] = await Promise.all([
      transport.command('inbox:list', {}),
      transport.command('queue:list', {}),
      transport.command('sites:list', {}),
    ]);
    if (stopped) return;
    if (sites.ok) siteNames.getState().set(sites.data.sites);
    if (mine.ok) inbox.getState().replace(mine.data.items);
    if (waiting.ok) queue.getState().set(waiting.data.queue, waiting.data.total);
    reads.reset();
    await history.reopenAll();
    await sender.flush();
  }

  let ending: Promise<void> | null = null;
  /**
   * The server shut us out (session:revoked, then a server-side disconnect: both arrive).
   * A new cookie (this browser changed the password) reconnects; otherwise, sign-in.
   */
  function sessionEnded(): Promise<void> {
    ending ??= (async () => {
      connection.getState().set('connecting');
      const outcome = await session.getState().revoked();
      if (outcome === 'still-signed-in' && !stopped) transport.connect();
    })().finally(() => (ending = null));
    return ending;
  }

  function typing(conversationId: ConversationId, on: boolean) {
    clearTimeout(typingTimers.get(conversationId));
    typingTimers.delete(conversationId);
    threads.getState().setTyping(conversationId, on);
    if (on) {
      typingTimers.set(
        conversationId,
        setTimeout(() => threads.getState().setTyping(conversationId, false), deps.typingTimeoutMs ?? 8000),
      );
    }
  }

  const offs = [
    transport.onConnection((e) => {
      switch (e.type) {
        case 'connecting':
          return connection.getState().set('connecting');
        case 'connected':
          connection.getState().set('connected');
          return void refresh();
        case 'disconnected':
          if (e.willRetry) return connection.getState().set('reconnecting', e.reason);
          if (e.reason === 'io server disconnect') return void sessionEnded();
          return connection.getState().set('idle');
        case 'rejected':
          if (e.code === 'protocol_version_mismatch') return connection.getState().set('refused', e.message);
          if (e.code === 'unauthorized' || e.code === 'session_revoked') return void sessionEnded();
          return connection.getState().set('refused', e.message);
      }
    }),
    transport.on('conversation:assigned', ({ item, reason }) => {
      inbox.getState().upsert(item);
      threads.getState().updateConversation(item.conversation);
      threads.getState().markRemoved(item.conversation.id, null);
      attention.assigned(item, reason);
    }),
    transport.on('conversation:removed', ({ conversationId, reason }) => {
      if (reason !== 'resolved') inbox.getState().remove(conversationId);
      threads.getState().markRemoved(conversationId, reason);
    }),
    transport.on('conversation:updated', ({ conversation }) => {
      inbox.getState().updateConversation(conversation);
      threads.getState().updateConversation(conversation);
    }),
    transport.on('message:created', ({ message }) => {
      sender.confirmed(message);
      if (message.author === 'visitor') typing(message.conversationId, false);
      attention.message(message);
    }),
    transport.on('order-action:updated', ({ action }) => deps.actions?.getState().updated(action)),
    transport.on('typing:changed', ({ conversationId, typing: on }) => typing(conversationId, on)),
    transport.on('visitor:updated', ({ visitor }) => {
      threads.getState().updateVisitor(visitor);
      inbox.getState().updateVisitor(visitor);
    }),
    transport.on('queue:updated', ({ queue: items, total }) => queue.getState().set(items, total)),
    transport.on('agent:updated', ({ agent }) => session.getState().agentUpdated(agent)),
    transport.on('session:revoked', () => void sessionEnded()),
    threads.subscribe(() => reads.check()),
  ];

  // Response targets (issue 14): badges, their order and the escalation notices are one lazy
  // chunk, fetched on connect; it listens for the notices and target edits itself.
  void import('../targets/entry.js').then((m) => stopped || offs.push(m.listen(deps)));

  return () => {
    stopped = true;
    // A retry waiting for its back-off must not fire after sign-out.
    sender.stop();
    offs.forEach((off) => off());
    typingTimers.forEach((t) => clearTimeout(t));
  };
}
