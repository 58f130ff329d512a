import type { CannedReply, CannedReplyId, SiteId } from '@counter/shared';
import type { cannedReplyBody, z } from '@counter/shared/schemas';
import type { CannedReplyDoc } from '../store/documents.js';
import { DuplicateKeyError } from '../store/errors.js';
import { inScope, inSite, siteScope, supervises, type Actor } from './access.js';
import { newId } from './crypto.js';
import { AppError, forbidden, notFound } from './errors.js';
import { cannedReplyView } from './views.js';
import type { DomainDeps } from './deps.js';

const taken = () => new AppError('conflict', { message: 'That shortcut is taken.' });

/** Replies stored before replies had sites are server-wide. */
const siteOf = (doc: CannedReplyDoc): SiteId | null => doc.siteId ?? null;

/**
 * Canned replies belong to a site (any of its staff may add them; their author or a
 * supervisor/admin of the site edits them) or, with no site, to the whole server (the
 * owner's, read by everyone). Nobody sees or edits another site's replies.
 */
export class CannedReplyService {
  constructor(private readonly deps: Pick<DomainDeps, 'store' | 'clock'>) {}

  private async visible(actor: Actor): Promise<CannedReplyDoc[]> {
    const scope = siteScope(actor);
    return (await this.deps.store.cannedReplies.list()).filter((doc) => {
      const site = siteOf(doc);
      return site === null || inScope(scope, site);
    });
  }

  async list(actor: Actor): Promise<CannedReply[]> {
    return (await this.visible(actor)).map(cannedReplyView);
  }

  async create(actor: Actor, input: z.output<typeof cannedReplyBody>): Promise<CannedReply> {
    const siteId = this.siteFor(actor, input.siteId);
    const { siteId: _ignored, ...fields } = input;
    const doc: CannedReplyDoc = { _id: newId<CannedReplyId>(), ...fields, siteId, updatedAt: this.deps.clock.now(), createdBy: actor.agentId };
    try {
      await this.deps.store.cannedReplies.create(doc);
    } catch (err) {
      throw err instanceof DuplicateKeyError ? taken() : err;
    }
    return cannedReplyView(doc);
  }

  /** Omitted: the actor's only site (or, for the owner, the whole server). */
  private siteFor(actor: Actor, requested: SiteId | null | undefined): SiteId | null {
    if (requested === undefined) {
      if (actor.role === 'owner') return null;
      if (actor.siteIds.length === 1) return actor.siteIds[0]!;
      throw new AppError('validation_failed', { message: 'Say which site the reply is for (siteId).' });
    }
    if (requested === null ? actor.role !== 'owner' : !inSite(actor, requested)) throw forbidden();
    return requested;
  }

  async update(actor: Actor, id: CannedReplyId, input: z.output<typeof cannedReplyBody>): Promise<CannedReply> {
    await this.editable(actor, id);
    const { shortcut, title, text } = input;
    try {
      const updated = await this.deps.store.cannedReplies.update(id, { shortcut, title, text, updatedAt: this.deps.clock.now() });
      if (!updated) throw notFound();
      return cannedReplyView(updated);
    } catch (err) {
      throw err instanceof DuplicateKeyError ? taken() : err;
    }
  }

  async remove(actor: Actor, id: CannedReplyId): Promise<void> {
    await this.editable(actor, id);
    if (!(await this.deps.store.cannedReplies.delete(id))) throw notFound();
  }

  private async editable(actor: Actor, id: CannedReplyId): Promise<void> {
    const doc = (await this.visible(actor)).find((d) => d._id === id);
    if (!doc) throw notFound();
    const site = siteOf(doc);
    const allowed = site === null ? actor.role === 'owner' : doc.createdBy === actor.agentId || supervises(actor, site);
    if (!allowed) throw forbidden();
  }
}
