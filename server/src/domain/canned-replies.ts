import type { AgentId, CannedReply, CannedReplyId } from '@counter/shared';
import type { cannedReplyBody, z } from '@counter/shared/schemas';
import { DuplicateKeyError } from '../store/errors.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { newId } from './crypto.js';
import { AppError, notFound } from './errors.js';
import { cannedReplyView } from './views.js';

const taken = () => new AppError('conflict', { message: 'That shortcut is taken.' });

/** The team's shared canned replies; variables are filled in by the console. */
export class CannedReplyService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<CannedReply[]> {
    return (await this.store.cannedReplies.list()).map(cannedReplyView);
  }

  async create(by: AgentId, input: z.output<typeof cannedReplyBody>): Promise<CannedReply> {
    const doc = { _id: newId<CannedReplyId>(), ...input, updatedAt: this.clock.now(), createdBy: by };
    try {
      await this.store.cannedReplies.create(doc);
    } catch (err) {
      throw err instanceof DuplicateKeyError ? taken() : err;
    }
    return cannedReplyView(doc);
  }

  async update(id: CannedReplyId, input: z.output<typeof cannedReplyBody>): Promise<CannedReply> {
    try {
      const updated = await this.store.cannedReplies.update(id, { ...input, updatedAt: this.clock.now() });
      if (!updated) throw notFound();
      return cannedReplyView(updated);
    } catch (err) {
      throw err instanceof DuplicateKeyError ? taken() : err;
    }
  }

  async remove(id: CannedReplyId): Promise<void> {
    if (!(await this.store.cannedReplies.delete(id))) throw notFound();
  }
}
