/**
 * One contract for AttachmentStore on every backend: GridFS on a MongoDB-wire server and
 * files in the data folder on the embedded ctx.store.
 */
import type { AttachmentId, ConversationId, SiteId, UploadKey } from '@counter/shared';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AttachmentDoc } from '../../src/store/documents.js';
import { newTestId } from '../support/fixtures.js';
import type { BlobStore } from '../../src/store/blobs.js';
import { openedStore, type StoreHarness } from './contract.js';

export interface AttachmentHarness extends StoreHarness {
  /** The backend's blob store opened on its own, to leave files without a record (a crash). */
  blobs(): Promise<{ blobs: BlobStore; close(): Promise<void> }>;
  /** Leaves what a crash in the middle of writing a file leaves on this backend (a part file, chunks without an entry). */
  tornWrite(): Promise<void>;
}

export function attachmentDoc(over: Partial<AttachmentDoc> = {}): AttachmentDoc {
  return {
    _id: newTestId() as AttachmentId,
    siteId: 'site-1' as SiteId,
    conversationId: newTestId() as ConversationId,
    uploaderKind: 'visitor',
    uploaderId: newTestId(),
    key: randomUUID() as UploadKey,
    name: 'photo.jpg',
    mime: 'image/jpeg',
    size: 3,
    width: 1,
    height: 1,
    thumb: true,
    createdAt: Date.now(),
    ...over,
  };
}

export function attachmentContract(label: string, harness: () => Promise<AttachmentHarness>) {
  describe(`attachment store contract: ${label}`, () => {
    const ctx = openedStore(harness);

    it('stores the files and the record, and reads both back after a restart', async () => {
      // Larger than one GridFS chunk (255 KB), so chunking is part of what is checked.
      const original = randomBytes(700 * 1024);
      const thumb = randomBytes(1000);
      const doc = attachmentDoc({ size: original.length });
      expect(await ctx.store.attachments.save(doc, { original, thumb })).toEqual({ doc, duplicate: false });
      await ctx.restart();
      expect(await ctx.store.attachments.byId(doc._id)).toEqual(doc);
      expect(await ctx.store.attachments.byKey(doc)).toEqual(doc);
      expect((await ctx.store.attachments.read(doc._id, 'original'))?.equals(original)).toBe(true);
      expect((await ctx.store.attachments.read(doc._id, 'thumb'))?.equals(thumb)).toBe(true);
    });

    it('a second save with the same uploader and key returns the first and leaves no files behind', async () => {
      const first = attachmentDoc();
      await ctx.store.attachments.save(first, { original: Buffer.from('one'), thumb: null });
      const retry = { ...attachmentDoc(), conversationId: first.conversationId, uploaderId: first.uploaderId, key: first.key };
      expect(await ctx.store.attachments.save(retry, { original: Buffer.from('two'), thumb: Buffer.from('t') })).toEqual({
        doc: first,
        duplicate: true,
      });
      expect(await ctx.store.attachments.byId(retry._id)).toBeNull();
      expect(await ctx.store.attachments.read(retry._id, 'original')).toBeNull();
      expect(await ctx.store.attachments.read(retry._id, 'thumb')).toBeNull();
      expect((await ctx.store.attachments.read(first._id, 'original'))?.toString()).toBe('one');
    });

    it('the same key from another uploader is another attachment', async () => {
      const a = attachmentDoc();
      const b = attachmentDoc({ conversationId: a.conversationId, key: a.key });
      await ctx.store.attachments.save(a, { original: Buffer.from('a'), thumb: null });
      expect((await ctx.store.attachments.save(b, { original: Buffer.from('b'), thumb: null })).duplicate).toBe(false);
    });

    it('an unknown id reads as null', async () => {
      expect(await ctx.store.attachments.byId(newTestId() as AttachmentId)).toBeNull();
      expect(await ctx.store.attachments.read(newTestId() as AttachmentId, 'original')).toBeNull();
    });

    it('the sweep removes files without a record and keeps those with one', async () => {
      const kept = attachmentDoc();
      await ctx.store.attachments.save(kept, { original: Buffer.from('kept'), thumb: Buffer.from('k') });
      // A crash between the files and the record: the files exist, the record never came.
      const orphan = attachmentDoc();
      const raw = await ctx.h.blobs();
      try {
        await raw.blobs.write(`${orphan._id}.orig`, Buffer.from('orphan'));
        await raw.blobs.write(`${orphan._id}.thumb`, Buffer.from('o'));
      } finally {
        await raw.close();
      }
      expect(await ctx.store.attachments.read(orphan._id, 'original')).not.toBeNull();
      // Nothing is old enough yet: an upload may be writing its record.
      expect(await ctx.store.attachments.sweepOrphans(Date.now() - 3600_000)).toBe(0);
      expect(await ctx.store.attachments.read(orphan._id, 'original')).not.toBeNull();
      expect(await ctx.store.attachments.sweepOrphans(Date.now() + 1000)).toBe(2);
      expect(await ctx.store.attachments.read(orphan._id, 'original')).toBeNull();
      expect(await ctx.store.attachments.read(orphan._id, 'thumb')).toBeNull();
      expect((await ctx.store.attachments.read(kept._id, 'original'))?.toString()).toBe('kept');
      expect((await ctx.store.attachments.read(kept._id, 'thumb'))?.toString()).toBe('k');
    });

    it('the sweep also removes what a crash in the middle of writing a file left', async () => {
      const kept = attachmentDoc();
      await ctx.store.attachments.save(kept, { original: Buffer.from('kept'), thumb: null });
      await ctx.h.tornWrite();
      expect(await ctx.store.attachments.sweepOrphans(Date.now() - 3600_000)).toBe(0);
      expect(await ctx.store.attachments.sweepOrphans(Date.now() + 1000)).toBe(1);
      // Gone for good: a second sweep finds nothing, and the whole file is untouched.
      expect(await ctx.store.attachments.sweepOrphans(Date.now() + 1000)).toBe(0);
      expect((await ctx.store.attachments.read(kept._id, 'original'))?.toString()).toBe('kept');
    });
  });
}

