/**
 * The NPS question after the rating (issue 15 leftovers): asked only where the site enables it,
 * answered once per resolved conversation. The same answer again (a retry) is accepted; a
 * different one later is a conflict, as a second rating is.
 */
import type { npsAnswer, z } from '@counter/shared/schemas';
import type { ConversationDoc, VisitorDoc } from '../store/documents.js';
import type { ConversationService } from './conversations.js';
import type { DomainDeps } from './deps.js';
import { AppError, forbidden } from './errors.js';

export class NpsService {
  constructor(private readonly deps: Pick<DomainDeps, 'store' | 'clock' | 'lock'> & { conversations: ConversationService }) {}

  /** Whether the shopper of this (just rated) conversation is asked the question now. */
  async asks(conversation: ConversationDoc): Promise<boolean> {
    if (conversation.nps !== null && conversation.nps !== undefined) return false;
    return (await this.deps.store.sites.byId(conversation.siteId))?.nps === true;
  }

  async answer(visitor: VisitorDoc, input: z.output<typeof npsAnswer>): Promise<{ score: number }> {
    const conversation = await this.deps.conversations.forVisitor(visitor, input.conversationId);
    const site = await this.deps.store.sites.byId(conversation.siteId);
    if (site?.nps !== true) throw forbidden();
    if (conversation.status !== 'resolved') throw new AppError('conflict', { message: 'Answer once it is resolved.' });
    // Through the conversation's lock, like the rating: FerretDB v1's updates are not atomic.
    const stored = await this.deps.lock.run(conversation._id, () =>
      this.deps.store.npsAnswers.answer(conversation._id, input.score, this.deps.clock.now()),
    );
    if (stored?.nps !== input.score) throw new AppError('conflict', { message: 'This conversation has already been answered.' });
    return { score: input.score };
  }
}
