import type { ConversationId, SiteId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { BotRecordDoc, BotSettingsDoc, UnansweredDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';
import { cameBackReader, type CameBack } from './bot-came-back.js';
import { saveById } from './save-by-id.js';

/** How many of a conversation's questions the record keeps (the handoff note). */
const QUESTIONS_KEPT = 10;

export interface BotRepository {
  settings(siteId: SiteId): Promise<BotSettingsDoc | null>;
  saveSettings(doc: BotSettingsDoc): Promise<void>;
  record(id: ConversationId): Promise<BotRecordDoc | null>;
  /** Creates the record once (a racing second call finds it), then adds the question. */
  noteQuestion(id: ConversationId, siteId: SiteId, question: string, at: number): Promise<void>;
  noteAnswer(id: ConversationId, title: string): Promise<void>;
  /** Only the first answer counts: null when one was given already. */
  confirm(id: ConversationId, helped: boolean, at: number): Promise<BotRecordDoc | null>;
  /** Only once: null when handed off already. */
  handoff(id: ConversationId, at: number): Promise<BotRecordDoc | null>;
  firstHumanReply(id: ConversationId, at: number): Promise<void>;
  /** The site's records since `since`, newest first (the summary). */
  recordsSince(siteId: SiteId, since: number, limit: number): Promise<BotRecordDoc[]>;
  countUnanswered(doc: Omit<UnansweredDoc, 'count'>): Promise<void>;
  unanswered(siteId: SiteId, limit: number): Promise<UnansweredDoc[]>;
  /** Bot resolutions since `since` (at most `limit` records) and how many shoppers came back within `windowMs`. */
  cameBack(siteId: SiteId, since: number, limit: number, windowMs: number): Promise<CameBack>;
  /** An article now answers these questions (ids as countUnanswered's): they leave the list. */
  dropUnanswered(ids: readonly string[]): Promise<void>;
}

export async function botRepository(db: Database): Promise<BotRepository> {
  const settings = await db.collection<BotSettingsDoc>('bot_settings', []);
  const records = await db.collection<BotRecordDoc>('bot_records', [{ name: 'site_started', keys: { siteId: 1, startedAt: -1 } }]);
  const unanswered = await db.collection<UnansweredDoc>('bot_unanswered', [{ name: 'site_count', keys: { siteId: 1, count: -1 } }]);
  const cameBack = await cameBackReader(db, records);
  return {
    cameBack,
    async dropUnanswered(ids) {
      if (ids.length > 0) await unanswered.deleteMany({ _id: { $in: [...ids] } });
    },
    settings: (siteId) => settings.findOne({ _id: siteId }),
    saveSettings: (doc) => saveById(settings, doc),
    record: (id) => records.findOne({ _id: id }),
    async noteQuestion(id, siteId, question, at) {
      try {
        await records.insertOne({ _id: id, siteId, startedAt: at, questions: [], answered: [], confirmed: null, confirmedAt: null, handoffAt: null, firstHumanReplyAt: null });
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
      const current = await records.findOne({ _id: id });
      if (current && current.questions.length < QUESTIONS_KEPT) await records.updateOne({ _id: id }, { $push: { questions: question } });
    },
    async noteAnswer(id, title) {
      await records.updateOne({ _id: id }, { $push: { answered: title } });
    },
    confirm: (id, helped, at) => records.findOneAndUpdate({ _id: id, confirmed: null }, { $set: { confirmed: helped, confirmedAt: at } }),
    handoff: (id, at) => records.findOneAndUpdate({ _id: id, handoffAt: null }, { $set: { handoffAt: at } }),
    async firstHumanReply(id, at) {
      await records.updateOne({ _id: id, handoffAt: { $ne: null }, firstHumanReplyAt: null }, { $set: { firstHumanReplyAt: at } });
    },
    recordsSince: (siteId, since, limit) => records.find({ siteId, startedAt: { $gte: since } }, { sort: { startedAt: -1 }, limit }),
    async countUnanswered(doc) {
      const { _id, siteId, text, lastAt } = doc;
      if ((await unanswered.updateOne({ _id }, { $inc: { count: 1 }, $set: { lastAt } })) === 1) return;
      try {
        await unanswered.insertOne({ _id, siteId, text, count: 1, lastAt });
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
        await unanswered.updateOne({ _id }, { $inc: { count: 1 }, $set: { lastAt } });
      }
    },
    unanswered: (siteId, limit) => unanswered.find({ siteId }, { sort: { count: -1, lastAt: -1 }, limit }),
  };
}
