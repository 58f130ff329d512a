import type { ClientMessageId, ConversationEvent, Message } from '@counter/shared';
import type { ConversationDoc, MessageDoc, MessageSearchFields } from '../store/documents.js';
import { DuplicateKeyError } from '../store/errors.js';
import { newClientMessageId, newId } from './crypto.js';
import type { DomainDeps } from './deps.js';
import { messageSearchFields } from './search/message-keys.js';

/** What a writer supplies; the log adds the id, the sequence number and the time. */
export type NewMessage = Pick<Message, 'clientId' | 'author' | 'agentId' | 'authorName' | 'kind' | 'text' | 'event'> &
  Partial<Pick<Message, 'card' | 'product' | 'attachment' | 'whisperTo'>>;

export interface Appended {
  message: MessageDoc;
  conversation: ConversationDoc;
  /** The same client id was stored before: nothing new was written. */
  duplicate: boolean;
}

const PREVIEW_LENGTH = 140;
/** Conversations whose last sequence number this node remembers (most recently written). */
const SEQ_CACHE_SIZE = 20_000;
/** Unanswered writes this node remembers; beyond it, the lastSeq check still finds most. */
const UNSETTLED_SIZE = 10_000;
/** Sequence collisions only happen between nodes writing one conversation at once. */
const MAX_SEQ_ATTEMPTS = 50;

/**
 * Appends messages to a conversation. The sequence number is the highest stored plus one,
 * claimed by the unique (conversation, seq) index, so seq N+1 is only ever written after N
 * exists: a reader that has seen N+1 can never later miss N. The unique (conversation,
 * clientId) index makes a retried send return the stored message instead of a second one.
 */
export class MessageLog {
  /** Last seq written per conversation by this node: saves a read per message. */
  private readonly lastSeqs = new Map<string, number>();
  /** Sends whose write may have landed without an answer: finished when their retry finds them. */
  private readonly unsettled = new BoundedSet(UNSETTLED_SIZE);

  constructor(private readonly deps: Pick<DomainDeps, 'store' | 'clock' | 'events' | 'lock'>) {}

  /**
   * `origin`: the connection that sent it (opaque to the domain). It has the message in its
   * ack, so the broadcast skips it: one socket write less per message.
   */
  append(conversation: ConversationDoc, input: NewMessage, origin?: string): Promise<Appended> {
    // Tokenizing is the costliest step of an append: once, and outside the conversation's lock.
    const keyed = { ...input, ...messageSearchFields(input) };
    return this.deps.lock.run(conversation._id, () => this.appendLocked(conversation, keyed, origin));
  }

  private async appendLocked(conversation: ConversationDoc, input: NewMessage & MessageSearchFields, origin?: string): Promise<Appended> {
    const { messages } = this.deps.store;
    for (let attempt = 0; attempt < MAX_SEQ_ATTEMPTS; attempt++) {
      // Another node may have written since: a stale guess fails on the unique index and
      // the next attempt reads the truth.
      const known = attempt === 0 ? this.lastSeqs.get(conversation._id) : undefined;
      const seq = (known ?? (await messages.lastSeq(conversation._id))) + 1;
      const message: MessageDoc = {
        _id: newId(),
        conversationId: conversation._id,
        seq,
        createdAt: this.deps.clock.now(),
        ...input,
      };
      try {
        await messages.insert(message);
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) {
          // A timeout or a dropped connection after the write was sent: it may have landed.
          // The client's retry finds out (below); this node remembers to finish it then.
          this.unsettled.add(settleKey(conversation._id, input.clientId));
          throw err;
        }
        // Either this client id was stored before (a retry: answer with the stored message)
        // or the sequence number was taken (try the next one).
        const stored = await messages.byClientId(conversation._id, input.clientId);
        if (!stored) continue;
        if (await this.wasLeftUnfinished(conversation, stored)) return this.written(conversation, stored);
        return { message: stored, conversation, duplicate: true };
      }
      return this.written(conversation, message, origin);
    }
    throw new Error(`could not allocate a sequence number in ${conversation._id}`);
  }

  /** What follows a durable write: announce it, then count it in the conversation. */
  private async written(conversation: ConversationDoc, message: MessageDoc, origin?: string): Promise<Appended> {
    this.remember(conversation._id, message.seq);
    // Durable now: deliver it at once; the conversation's counters follow in their own event.
    this.deps.events.publish({ type: 'message.created', conversation, message, ...(origin && { origin }) });
    // The bot's words are not a staff reply: no first response, no end of the shopper's wait
    // (the response target starts at the handoff), so they count like a system line.
    const by = message.kind === 'note' ? 'note' : message.author === 'bot' ? 'system' : message.author;
    const preview = message.kind === 'text' || message.kind === 'order' || message.kind === 'product' || message.kind === 'attachment' ? message.text.slice(0, PREVIEW_LENGTH) : null;
    const firstOfKind = by === 'visitor' ? conversation.awaitingReplySince === null : conversation.firstResponseAt === null;
    const summary = { seq: message.seq, at: message.createdAt, preview, by, firstOfKind } as const;
    const updated = (await this.deps.store.conversations.recordMessage(conversation._id, summary)) ?? conversation;
    this.deps.events.publish({ type: 'conversation.updated', conversation: updated, after: by });
    return { message, conversation: updated, duplicate: false };
  }

  /**
   * A stored message that nobody was told about: its write landed but the answer was lost
   * (this node saw the insert fail), or the node that wrote it died before counting it (the
   * conversation's lastSeq never reached it; checked on a fresh read, as the caller's copy
   * predates the lock). Two nodes answering retries of one message at the same instant may
   * both finish it: a second announcement, which clients drop by id.
   */
  private async wasLeftUnfinished(conversation: ConversationDoc, stored: MessageDoc): Promise<boolean> {
    if (this.unsettled.delete(settleKey(conversation._id, stored.clientId))) return true;
    const fresh = await this.deps.store.conversations.byId(conversation._id);
    return stored.seq > (fresh?.lastSeq ?? 0);
  }

  private remember(conversationId: string, seq: number): void {
    // Never backwards: a retry finished late (seq 1 after seq 2 was written) is not the latest.
    const latest = Math.max(seq, this.lastSeqs.get(conversationId) ?? 0);
    this.lastSeqs.delete(conversationId);
    this.lastSeqs.set(conversationId, latest);
    if (this.lastSeqs.size > SEQ_CACHE_SIZE) this.lastSeqs.delete(this.lastSeqs.keys().next().value!);
  }

  /**
   * A system event in the conversation ("Ann joined", "resolved"), shown to both sides. A
   * writer that may repeat itself passes a client id derived from what happened, so the
   * repeat finds the first message.
   */
  event(conversation: ConversationDoc, event: ConversationEvent, clientId: ClientMessageId = newClientMessageId()): Promise<Appended> {
    return this.append(conversation, {
      clientId,
      author: 'system',
      agentId: null,
      authorName: null,
      kind: 'event',
      text: '',
      event,
    });
  }
}

const settleKey = (conversationId: string, clientId: string) => `${conversationId}\u0000${clientId}`;

/** Insertion-ordered set that forgets its oldest entries beyond `max`. */
class BoundedSet {
  private readonly items = new Set<string>();
  constructor(private readonly max: number) {}
  add(key: string): void {
    this.items.add(key);
    if (this.items.size > this.max) this.items.delete(this.items.values().next().value!);
  }
  delete(key: string): boolean {
    return this.items.delete(key);
  }
}
