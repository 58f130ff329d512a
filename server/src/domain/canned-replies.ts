import type { AgentId, CannedReply, CannedReplyId } from '@counter/shared';
import type { cannedReplyBody, z } from '@counter/shared/schemas';
import { DuplicateKeyError } from '../store/errors.js';
import { newId } from './crypto.js';
import { AppError, notFound } from './errors.js';
import { cannedReplyView } from './views.js';
import type { DomainDeps } from './deps.js';

const taken = () => new AppError('conflict', { message: 'That shortcut is taken.' });

/** The team's shared canned replies; variables are filled in by the console. */
export class CannedReplyService {
  constructor(private readonly deps: Pick<DomainDeps, 'store' | 'clock'>) {}

  async list(): Promise<CannedReply[]> {
    return (await this.deps.store.cannedReplies.list()).map(cannedReplyView);
  }

  async create(by: AgentId, input: z.output<typeof cannedReplyBody>): Promise<CannedReply> {
    const doc = { _id: newId<CannedReplyId>(), ...input, updatedAt: this.deps.clock.now(), createdBy: by };
    try {
      await this.deps.store.cannedReplies.create(doc);
    } catch (err) {
      throw err instanceof DuplicateKeyError ? taken() : err;
    }
    return cannedReplyView(doc);
  }

  async update(id: CannedReplyId, input: z.output<typeof cannedReplyBody>): Promise<CannedReply> {
    try {
      const updated = await this.deps.store.cannedReplies.update(id, { ...input, updatedAt: this.deps.clock.now() });
      if (!updated) throw notFound();
      return cannedReplyView(updated);
    } catch (err) {
      throw err instanceof DuplicateKeyError ? taken() : err;
    }
  }

  async remove(id: CannedReplyId): Promise<void> {
    if (!(await this.deps.store.cannedReplies.delete(id))) throw notFound();
  }
}
