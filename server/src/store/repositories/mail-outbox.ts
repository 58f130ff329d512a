import type { Database } from '../collection.js';
import type { MailOutboxDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';

export interface MailOutboxRepository {
  /** Queues the mail; one with the same id already waiting: it only learns of a newer reply. */
  queue(mail: MailOutboxDoc): Promise<'queued' | 'joined'>;
  /** Mails due at `now`, oldest first. */
  due(now: number, limit: number): Promise<MailOutboxDoc[]>;
  /**
   * Takes a due mail for this sender until `leaseUntil` (another node skips it meanwhile).
   * null: someone else took it, or it is gone.
   */
  claim(mail: MailOutboxDoc, leaseUntil: number): Promise<MailOutboxDoc | null>;
  /** Sent: removed unless a reply joined since the claim; then what was sent is marked. */
  sent(mail: MailOutboxDoc, sentSeq: number, nextDueAt: number): Promise<'done' | 'more'>;
  /** Not sent: tried again at `retryAt`. */
  failed(id: string, retryAt: number): Promise<void>;
  remove(id: string): Promise<void>;
  byId(id: string): Promise<MailOutboxDoc | null>;
}

export async function mailOutboxRepository(db: Database): Promise<MailOutboxRepository> {
  const outbox = await db.collection<MailOutboxDoc>('mail_outbox', [{ name: 'due', keys: { dueAt: 1 } }]);
  return {
    async queue(mail) {
      try {
        await outbox.insertOne(mail);
        return 'queued';
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
        await outbox.updateOne({ _id: mail._id }, { $inc: { revision: 1 } });
        return 'joined';
      }
    },
    due: (now, limit) => outbox.find({ dueAt: { $lte: now } }, { sort: { dueAt: 1 }, limit }),
    // The filter holds the due time read: of two nodes claiming at once, one matches. (On
    // FerretDB v1, whose updates are not atomic, both may: the mail then goes twice, with
    // the same Message-ID, which mail clients treat as one.)
    claim: (mail, leaseUntil) =>
      outbox.findOneAndUpdate({ _id: mail._id, dueAt: mail.dueAt }, { $set: { dueAt: leaseUntil } }),
    async sent(mail, sentSeq, nextDueAt) {
      if ((await outbox.deleteOne({ _id: mail._id, revision: mail.revision })) === 1) return 'done';
      await outbox.updateOne({ _id: mail._id }, { $set: { afterSeq: sentSeq, dueAt: nextDueAt, attempts: 0 } });
      return 'more';
    },
    async failed(id, retryAt) {
      await outbox.updateOne({ _id: id }, { $set: { dueAt: retryAt }, $inc: { attempts: 1 } });
    },
    async remove(id) {
      await outbox.deleteOne({ _id: id });
    },
    byId: (id) => outbox.findOne({ _id: id }),
  };
}
