/**
 * Files in conversations (issue 12 item 5). An upload is checked and re-encoded (see
 * media/prepare-attachment.ts), stored, and only then may be sent as a message of kind
 * "attachment" by the one who uploaded it, into the conversation it was uploaded for. Reading
 * follows the conversation's own rules: its shopper, and the agents who may see it (access.ts).
 *
 * Other features (return photos) reference files by AttachmentId and check them with
 * `belongsTo` before accepting the reference.
 */
import type { AttachmentId, AttachmentMeta, ConversationId, UploadKey } from '@counter/shared';
import type { attachmentSend, z } from '@counter/shared/schemas';
import { prepareAttachment, type PrepareOptions } from '../media/prepare-attachment.js';
import type { AgentDoc, AttachmentDoc, ConversationDoc, VisitorDoc } from '../store/documents.js';
import type { AttachmentVariant } from '../store/repositories/attachments.js';
import { actorOf, type Actor } from './access.js';
import type { ConversationService, Sent } from './conversations.js';
import { newId } from './crypto.js';
import type { DomainDeps } from './deps.js';
import { AppError, notFound } from './errors.js';

export interface AttachmentConfig extends PrepareOptions {
  /** Largest upload accepted, bytes. */
  maxBytes: number;
}

export const ATTACHMENT_DEFAULTS: AttachmentConfig = { maxBytes: 10 * 1024 * 1024, thumbPixels: 320, maxPixels: 2560 };

export interface Uploader {
  kind: 'visitor' | 'agent';
  id: string;
}

export interface UploadInput {
  conversationId: ConversationId;
  key: UploadKey;
  name: string;
  bytes: Buffer;
}

export const attachmentMeta = (doc: AttachmentDoc): AttachmentMeta => ({
  id: doc._id,
  name: doc.name,
  mime: doc.mime,
  size: doc.size,
  width: doc.width,
  height: doc.height,
  thumb: doc.thumb,
});

/** A file name to show: the uploader's, or a neutral one (the extension is never trusted). */
const displayName = (name: string, mime: AttachmentDoc['mime']) =>
  name || (mime === 'application/pdf' ? 'document.pdf' : `image.${mime.slice('image/'.length).replace('jpeg', 'jpg')}`);

export class AttachmentService {
  constructor(
    private readonly deps: Pick<DomainDeps, 'store' | 'clock'> & { conversations: ConversationService; config: AttachmentConfig },
  ) {}

  // ---- upload -------------------------------------------------------------------------

  async uploadAsVisitor(visitor: VisitorDoc, input: UploadInput): Promise<AttachmentDoc> {
    const conversation = await this.deps.conversations.forVisitor(visitor, input.conversationId);
    return this.upload(conversation, { kind: 'visitor', id: visitor._id }, input);
  }

  async uploadAsAgent(agent: AgentDoc, input: UploadInput): Promise<AttachmentDoc> {
    const conversation = await this.deps.conversations.forAgent(actorOf(agent), input.conversationId);
    return this.upload(conversation, { kind: 'agent', id: agent._id }, input);
  }

  private async upload(conversation: ConversationDoc, uploader: Uploader, input: UploadInput): Promise<AttachmentDoc> {
    const { store, config, clock } = { ...this.deps, store: this.deps.store.attachments };
    const keyed = { conversationId: conversation._id, uploaderId: uploader.id, key: input.key };
    // A retry of an upload that was stored (its answer lost): the same attachment, no new work.
    const earlier = await store.byKey(keyed);
    if (earlier) return earlier;
    if (input.bytes.length > config.maxBytes) throw tooLarge(config.maxBytes);
    const prepared = await prepareAttachment(input.bytes, config);
    const doc: AttachmentDoc = {
      _id: newId<AttachmentId>(),
      siteId: conversation.siteId,
      ...keyed,
      uploaderKind: uploader.kind,
      name: displayName(input.name, prepared.mime),
      mime: prepared.mime,
      size: prepared.original.length,
      width: prepared.width,
      height: prepared.height,
      thumb: prepared.thumb !== null,
      createdAt: clock.now(),
    };
    const saved = await store.save(doc, { original: prepared.original, thumb: prepared.thumb });
    return saved.doc;
  }

  // ---- send ---------------------------------------------------------------------------

  async sendAsVisitor(visitor: VisitorDoc, input: z.output<typeof attachmentSend>): Promise<Sent> {
    const doc = await this.owned(input, { kind: 'visitor', id: visitor._id });
    return this.deps.conversations.sendAsVisitor(
      visitor,
      { conversationId: input.conversationId, clientId: input.clientId, text: doc.name },
      { attachment: attachmentMeta(doc) },
    );
  }

  async sendAsAgent(agent: AgentDoc, input: z.output<typeof attachmentSend>): Promise<Sent> {
    const doc = await this.owned(input, { kind: 'agent', id: agent._id });
    return this.deps.conversations.sendAsAgent(
      agent,
      { conversationId: input.conversationId, clientId: input.clientId, text: doc.name, internal: false },
      { attachment: attachmentMeta(doc) },
    );
  }

  /** The attachment, if this uploader stored it for this conversation; anything else is "not found". */
  private async owned(input: { attachmentId: AttachmentId; conversationId: ConversationId }, uploader: Uploader): Promise<AttachmentDoc> {
    const doc = await this.belongsTo(input.attachmentId, input.conversationId);
    if (!doc || doc.uploaderKind !== uploader.kind || doc.uploaderId !== uploader.id) throw notFound();
    return doc;
  }

  /** For other features that reference files (return photos): the attachment if it was uploaded into this conversation. */
  async belongsTo(id: AttachmentId, conversationId: ConversationId): Promise<AttachmentDoc | null> {
    const doc = await this.deps.store.attachments.byId(id);
    return doc?.conversationId === conversationId ? doc : null;
  }

  // ---- read ---------------------------------------------------------------------------

  /** The conversation's shopper only; another shopper's file is "not found". */
  async readAsVisitor(visitor: VisitorDoc, id: AttachmentId, variant: AttachmentVariant): Promise<Readable> {
    const doc = await this.deps.store.attachments.byId(id);
    if (!doc) throw notFound();
    await this.deps.conversations.forVisitor(visitor, doc.conversationId);
    return this.bytes(doc, variant);
  }

  /** Agents who may see the conversation (access.ts: site, holder, supervisor). */
  async readAsAgent(actor: Actor, id: AttachmentId, variant: AttachmentVariant): Promise<Readable> {
    const doc = await this.deps.store.attachments.byId(id);
    if (!doc) throw notFound();
    await this.deps.conversations.forAgent(actor, doc.conversationId);
    return this.bytes(doc, variant);
  }

  private async bytes(doc: AttachmentDoc, variant: AttachmentVariant): Promise<Readable> {
    if (variant === 'thumb' && !doc.thumb) throw notFound();
    const bytes = await this.deps.store.attachments.read(doc._id, variant);
    // A record always has its files (they are written first): a missing one is a damaged store.
    if (!bytes) throw new Error(`attachment ${doc._id}: ${variant} missing from the store`);
    return { doc, bytes, mime: variant === 'thumb' ? 'image/webp' : doc.mime };
  }

  /**
   * Files left by a crash between writing them and their record. `before` is wall-clock time
   * (files carry the file system's times, not the injected clock's).
   */
  sweepOrphans(before: number): Promise<number> {
    return this.deps.store.attachments.sweepOrphans(before);
  }
}

export interface Readable {
  doc: AttachmentDoc;
  bytes: Buffer;
  /** Of these bytes (a thumbnail is WebP whatever the original). */
  mime: string;
}

const tooLarge = (max: number) =>
  new AppError('payload_too_large', { message: `A file may be up to ${Math.round(max / 1024 / 1024)} MB.` });
