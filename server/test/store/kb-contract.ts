/** The knowledge base's repository, the same on every adapter (issue 13). */
import type { AgentId, ArticleId, ConversationId, SiteId, VisitorId } from '@counter/shared';
import { newConversationDoc } from '../../src/domain/new-documents.js';
import { describe, expect, it } from 'vitest';
import type { ArticleDoc } from '../../src/store/documents.js';
import { newTestId } from '../support/fixtures.js';
import { openedStore, type StoreHarness } from './contract.js';

const article = (over: Partial<ArticleDoc> & Pick<ArticleDoc, 'siteId'>): ArticleDoc => ({
  _id: newTestId() as ArticleId,
  title: 'How to return an item',
  body: 'Within **30 days**.',
  locale: 'en',
  tags: ['returns'],
  questions: ['咋退货'],
  importId: null,
  createdBy: newTestId() as AgentId,
  updatedAt: 1,
  views: 0,
  ...over,
});

export function kbContract(label: string, harness: () => Promise<StoreHarness>) {
  describe(`knowledge-base store contract: ${label}`, () => {
    const ctx = openedStore(harness);

    it('keeps articles per site: another site\'s id finds, updates and deletes nothing', async () => {
      const site = newTestId() as SiteId;
      const other = newTestId() as SiteId;
      const a = article({ siteId: site, title: 'B title' });
      const b = article({ siteId: site, title: 'A title', locale: 'zh' });
      await ctx.store.articles.create(a);
      await ctx.store.articles.create(b);
      expect((await ctx.store.articles.listBySite(site)).map((d) => d.title)).toEqual(['A title', 'B title']);
      expect(await ctx.store.articles.get(site, b._id)).toEqual(b);
      expect(await ctx.store.articles.get(other, a._id)).toBeNull();
      expect(await ctx.store.articles.update(other, a._id, { ...a, title: 'stolen' })).toBeNull();
      expect(await ctx.store.articles.delete(other, a._id)).toBe(false);

      const fields = { title: "Returns", body: "x", locale: "en" as const, tags: [], questions: ["q"], updatedAt: 2 };
      expect(await ctx.store.articles.update(site, a._id, fields)).toEqual({ ...a, ...fields });
      expect(await ctx.store.articles.delete(site, a._id)).toBe(true);
      expect((await ctx.store.articles.all()).filter((d) => d.siteId === site).map((d) => d._id)).toEqual([b._id]);
    });

    it('takes back one import of one site, nothing else', async () => {
      const site = newTestId() as SiteId;
      await ctx.store.articles.create(article({ siteId: site, importId: 'imp-1' }));
      await ctx.store.articles.create(article({ siteId: site, importId: 'imp-1' }));
      const kept = article({ siteId: site, importId: 'imp-2' });
      await ctx.store.articles.create(kept);
      expect(await ctx.store.articles.deleteImport(site, 'imp-1')).toBe(2);
      expect((await ctx.store.articles.listBySite(site)).map((d) => d._id)).toEqual([kept._id]);
    });

    it('lists a site\'s most-read articles of one language, counting views', async () => {
      const site = newTestId() as SiteId;
      const a = article({ siteId: site, title: 'A' });
      const b = article({ siteId: site, title: 'B' });
      const c = article({ siteId: site, title: 'C', locale: 'zh' });
      for (const d of [a, b, c]) await ctx.store.articles.create(d);
      // One after another: FerretDB v1's $inc is not atomic, so concurrent views may count
      // once. A popularity order tolerates that; nothing else reads the counter.
      await ctx.store.articles.countView(site, b._id);
      await ctx.store.articles.countView(site, b._id);
      await ctx.store.articles.countView(site, c._id);
      await ctx.store.articles.countView(newTestId() as SiteId, a._id);
      expect((await ctx.store.articles.top(site, 'en', 5)).map((d) => [d.title, d.views])).toEqual([['B', 2], ['A', 0]]);
      expect((await ctx.store.articles.top(site, 'en', 1)).map((d) => d.title)).toEqual(['B']);
    });

    it('bot records: one answer to "did it help", one handoff, a reply timed only after a handoff', async () => {
      const site = newTestId() as SiteId;
      const id = newTestId() as ConversationId;
      // One after another: FerretDB v1's $push is not atomic; the bot serialises its writes per conversation.
      await ctx.store.bot.noteQuestion(id, site, 'where is my parcel', 10);
      await ctx.store.bot.noteQuestion(id, site, 'hello?', 11);
      await ctx.store.bot.noteAnswer(id, 'Track your parcel');
      await ctx.store.bot.firstHumanReply(id, 12);
      expect(await ctx.store.bot.confirm(id, false, 13)).toMatchObject({ confirmed: false, confirmedAt: 13 });
      expect(await ctx.store.bot.confirm(id, true, 14)).toBeNull();
      expect(await ctx.store.bot.handoff(id, 15)).toMatchObject({ handoffAt: 15, firstHumanReplyAt: null });
      expect(await ctx.store.bot.handoff(id, 16)).toBeNull();
      await ctx.store.bot.firstHumanReply(id, 20);
      await ctx.store.bot.firstHumanReply(id, 30);
      const [record] = await ctx.store.bot.recordsSince(site, 0, 10);
      expect(record).toMatchObject({ _id: id, answered: ['Track your parcel'], confirmed: false, handoffAt: 15, firstHumanReplyAt: 20 });
      expect(record!.questions).toEqual(['where is my parcel', 'hello?']);
    });

    it('bot settings are saved per site, and unanswered questions counted per site', async () => {
      const site = newTestId() as SiteId;
      await ctx.store.bot.saveSettings({ _id: site, mode: 'always', threshold: 3, updatedAt: 1 });
      await ctx.store.bot.saveSettings({ _id: site, mode: 'no-agent', threshold: 2, updatedAt: 2 });
      expect(await ctx.store.bot.settings(site)).toEqual({ _id: site, mode: 'no-agent', threshold: 2, updatedAt: 2 });
      await ctx.store.bot.countUnanswered({ _id: `${site}:a`, siteId: site, text: 'gift wrap?', lastAt: 1 });
      await ctx.store.bot.countUnanswered({ _id: `${site}:a`, siteId: site, text: 'gift wrap?', lastAt: 2 });
      await ctx.store.bot.countUnanswered({ _id: `${site}:b`, siteId: site, text: 'stores in Paris?', lastAt: 3 });
      expect((await ctx.store.bot.unanswered(site, 10)).map((d) => [d.text, d.count])).toEqual([['gift wrap?', 2], ['stores in Paris?', 1]]);
    });

    it('came back within 72 h: exact counts over confirmed and assumed bot resolutions, per shopper', async () => {
      const site = newTestId() as SiteId;
      const H = 3600_000;
      const t0 = 1_000 * H;
      let n = 0;
      const conversation = async (visitorId: string, createdAt: number) => {
        const id = `${visitorId}-c${++n}` as ConversationId;
        const doc = newConversationDoc({ _id: id, siteId: site, visitorId: visitorId as VisitorId, priority: 0, now: createdAt });
        // Closed ones free the shopper's open slot (the unique openKey).
        await ctx.store.conversations.create({ ...doc, openKey: id });
        return id;
      };
      const botAt = async (id: ConversationId, at: number, answered = true) => {
        await ctx.store.bot.noteQuestion(id, site, 'q', at);
        if (answered) await ctx.store.bot.noteAnswer(id, 'An article');
      };
      const visitor = (name: string) => `${site}-${name}`;

      // 1. Confirmed at t0+1h; back 71 h later: counts.
      const a = await conversation(visitor('a'), t0);
      await botAt(a, t0);
      await ctx.store.bot.confirm(a, true, t0 + H);
      await conversation(visitor('a'), t0 + 72 * H);
      // 2. Assumed (silent); back 73 h after the start: too late.
      const b = await conversation(visitor('b'), t0);
      await botAt(b, t0);
      await conversation(visitor('b'), t0 + 73 * H);
      // 3. Assumed; back 2 h later: counts.
      const c = await conversation(visitor('c'), t0);
      await botAt(c, t0);
      await conversation(visitor('c'), t0 + 2 * H);
      // 4. Confirmed; never back; another shopper's conversation meanwhile changes nothing.
      const d = await conversation(visitor('d'), t0);
      await botAt(d, t0);
      await ctx.store.bot.confirm(d, true, t0 + H);
      await conversation(visitor('zz'), t0 + H);
      // 5. Not helped, and 6. handed off: not bot resolutions, though both came back.
      const e = await conversation(visitor('e'), t0);
      await botAt(e, t0);
      await ctx.store.bot.confirm(e, false, t0 + H);
      await conversation(visitor('e'), t0 + 2 * H);
      const f = await conversation(visitor('f'), t0);
      await botAt(f, t0);
      await ctx.store.bot.handoff(f, t0 + H);
      await conversation(visitor('f'), t0 + 2 * H);
      // 7. Came back, but the earlier conversation was before the bot's: not "again".
      await conversation(visitor('g'), t0 - H);
      const g = await conversation(visitor('g'), t0);
      await botAt(g, t0);
      // 8. The bot found no article and the shopper went quiet: not resolved, though back.
      const h = await conversation(visitor('h'), t0);
      await botAt(h, t0, false);
      await conversation(visitor('h'), t0 + H);

      expect(await ctx.store.bot.cameBack(site, 0, 100, 72 * H)).toEqual({ resolved: 5, cameBack: 2 });
      // Only records since `since` count.
      expect(await ctx.store.bot.cameBack(site, t0 + 1, 100, 72 * H)).toEqual({ resolved: 0, cameBack: 0 });
      expect(await ctx.store.bot.cameBack(newTestId() as SiteId, 0, 100, 72 * H)).toEqual({ resolved: 0, cameBack: 0 });
    });

    it('drops answered questions from the unanswered list, only those', async () => {
      const site = newTestId() as SiteId;
      await ctx.store.bot.countUnanswered({ _id: `${site}:a`, siteId: site, text: 'gift wrap?', lastAt: 1 });
      await ctx.store.bot.countUnanswered({ _id: `${site}:b`, siteId: site, text: 'stores in Paris?', lastAt: 2 });
      await ctx.store.bot.dropUnanswered([`${site}:a`, `${site}:nothing`]);
      await ctx.store.bot.dropUnanswered([]);
      expect((await ctx.store.bot.unanswered(site, 10)).map((d) => d.text)).toEqual(['stores in Paris?']);
    });

    it('article candidates: a run replaces the queue, a dismissed one stays dismissed, an answered one leaves', async () => {
      const site = newTestId() as SiteId;
      const candidate = (id: string, count: number) => ({ _id: `${site}:${id}`, siteId: site, question: id, alternatives: [], answer: 'a', count, lastAt: count, dismissed: false });
      await ctx.store.kbCandidates.replace(site, [candidate('x', 1), candidate('y', 3), candidate('z', 2)]);
      expect((await ctx.store.kbCandidates.list(site, 10)).map((d) => d.question)).toEqual(['y', 'z', 'x']);
      expect(await ctx.store.kbCandidates.dismiss(site, `${site}:z`)).toBe(true);
      expect(await ctx.store.kbCandidates.dismiss(newTestId() as SiteId, `${site}:x`)).toBe(false);
      await ctx.store.kbCandidates.dropAnswered([`${site}:x`]);
      expect((await ctx.store.kbCandidates.list(site, 10)).map((d) => d.question)).toEqual(['y']);
      // The next run: y gone, z still dismissed (not revived), w new.
      await ctx.store.kbCandidates.replace(site, [candidate('z', 5), candidate('w', 1)]);
      expect((await ctx.store.kbCandidates.list(site, 10)).map((d) => [d.question, d.count])).toEqual([['w', 1]]);
      expect([...(await ctx.store.kbCandidates.dismissedIds(site))]).toEqual([`${site}:z`]);
    });

    it('reads articles back after a restart', async () => {
      const site = newTestId() as SiteId;
      const a = article({ siteId: site, title: '我的快递到哪了' });
      await ctx.store.articles.create(a);
      await ctx.restart();
      expect(await ctx.store.articles.get(site, a._id)).toEqual(a);
    });
  });
}
