import type { ConversationEvent, Message } from '@counter/shared';
import type { ConversationDoc, MessageDoc } from '../store/documents.js';
import { DuplicateKeyError } from '../store/errors.js';
import { newClientMessageId, newId } from './crypto.js';
import type { DomainDeps } from './deps.js';

/** What a writer supplies; the log adds the id, the sequence number and the time. */
export type NewMessage = Pick<Message, 'clientId' | 'author' | 'agentId' | 'authorName' | 'kind' | 'text' | 'event'>;

export interface Appended {
  message: MessageDoc;
  conversation: ConversationDoc;
  /** The same client id was stored before: nothing new was written. */
  duplicate: boolean;
}

const PREVIEW_LENGTH = 140;
/** Conversations whose last sequence number this node remembers (most recently written). */
const SEQ_CACHE_SIZE = 20_000;
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

  constructor(private readonly deps: Pick<DomainDeps, 'store' | 'clock' | 'events' | 'lock'>) {}

  append(conversation: ConversationDoc, input: NewMessage): Promise<Appended> {
    return this.deps.lock.run(conversation._id, () => this.appendLocked(conversation, input));
  }

  private async appendLocked(conversation: ConversationDoc, input: NewMessage): Promise<Appended> {
    const { messages, conversations } = this.deps.store;
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
        if (!(err instanceof DuplicateKeyError)) throw err;
        // Either this client id was stored before (a retry: answer with the stored message)
        // or the sequence number was taken (try the next one).
        const stored = await messages.byClientId(conversation._id, input.clientId);
        if (stored) return { message: stored, conversation, duplicate: true };
        continue;
      }
      this.remember(conversation._id, seq);
      // Durable now: deliver it at once; the conversation's counters follow in their own event.
      this.deps.events.publish({ type: 'message.created', conversation, message });
      const by = input.kind === 'note' ? 'note' : input.author;
      const preview = input.kind === 'text' ? input.text.slice(0, PREVIEW_LENGTH) : null;
      const firstOfKind = by === 'visitor' ? conversation.awaitingReplySince === null : conversation.firstResponseAt === null;
      const updated =
        (await conversations.recordMessage(conversation._id, { seq, at: message.createdAt, preview, by, firstOfKind })) ??
        conversation;
      this.deps.events.publish({ type: 'conversation.updated', conversation: updated });
      return { message, conversation: updated, duplicate: false };
    }
    throw new Error(`could not allocate a sequence number in ${conversation._id}`);
  }

  private remember(conversationId: string, seq: number): void {
    this.lastSeqs.delete(conversationId);
    this.lastSeqs.set(conversationId, seq);
    if (this.lastSeqs.size > SEQ_CACHE_SIZE) this.lastSeqs.delete(this.lastSeqs.keys().next().value!);
  }

  /** A system event in the conversation ("Ann joined", "resolved"), shown to both sides. */
  event(conversation: ConversationDoc, event: ConversationEvent): Promise<Appended> {
    return this.append(conversation, {
      clientId: newClientMessageId(),
      author: 'system',
      agentId: null,
      authorName: null,
      kind: 'event',
      text: '',
      event,
    });
  }
}
