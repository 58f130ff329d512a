/**
 * Article candidates from resolved human conversations (issue 13 leftovers). Bounded work:
 * the site's most recent RECENT conversations a person resolved, one question each; run by a
 * timer (plugins/kb-mining.ts) or on an admin's request, never while a shopper waits. Nothing
 * is published: a candidate only prefills the article editor for a person to review.
 */
import type { ArticleCandidate, SiteId } from '@counter/shared';
import type { CandidateDoc } from '../../store/documents.js';
import { supervises, type Actor } from '../access.js';
import type { DomainDeps } from '../deps.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { KeyedLock } from '../keyed-lock.js';
import { BOT_OFF } from './bot-service.js';
import type { KbService } from './kb-service.js';
import { firstAnswered, groupPairs, type Pair } from './mine-conversations.js';
import { unansweredKey } from './unanswered-key.js';

/** Conversations read per site and run. */
export const RECENT = 200;
/** Messages read per conversation: the question and its answer come early. */
const MESSAGES = 40;
/** Candidates kept per site. */
const KEPT = 50;

type MiningDeps = Pick<DomainDeps, 'store' | 'onError'> & { kb: KbService; lock: KeyedLock };

const view = ({ _id, question, alternatives, answer, count, lastAt }: CandidateDoc): ArticleCandidate => ({ id: _id, question, alternatives, answer, count, lastAt });

export class MiningService {
  constructor(private readonly deps: MiningDeps) {}

  async list(actor: Actor, siteId: SiteId): Promise<ArticleCandidate[]> {
    if (!supervises(actor, siteId)) throw forbidden();
    return (await this.deps.store.kbCandidates.list(siteId, KEPT)).map(view);
  }

  /** An admin asks for fresh candidates now; answers when the (bounded) run is done. */
  async mineAs(actor: Actor, siteId: SiteId): Promise<ArticleCandidate[]> {
    if (!supervises(actor, siteId)) throw forbidden();
    if (!(await this.deps.store.sites.byId(siteId))) throw new AppError('site_not_found');
    await this.mine(siteId);
    return this.list(actor, siteId);
  }

  async dismiss(actor: Actor, siteId: SiteId, id: string): Promise<void> {
    if (!supervises(actor, siteId)) throw forbidden();
    if (!(await this.deps.store.kbCandidates.dismiss(siteId, id))) throw notFound();
  }

  /** Every site, one after another (the timer). */
  async mineAll(): Promise<void> {
    for (const site of await this.deps.store.sites.list()) await this.mine(site._id);
  }

  /** One run per site at a time on this node; another node's run writes the same result. */
  mine(siteId: SiteId): Promise<void> {
    return this.deps.lock.run(`kb-mining:${siteId}`, () => this.run(siteId));
  }

  private async run(siteId: SiteId): Promise<void> {
    const { store, kb } = this.deps;
    const pairs: Pair[] = [];
    for (const conversation of await store.kbCandidates.resolvedByPeople(siteId, RECENT)) {
      const pair = firstAnswered((await store.messages.after(conversation._id, 0, MESSAGES, false)).messages);
      if (pair) pairs.push(pair);
    }
    const threshold = (await store.bot.settings(siteId))?.threshold ?? BOT_OFF.threshold;
    const dismissed = await store.kbCandidates.dismissedIds(siteId);
    const docs: CandidateDoc[] = [];
    for (const group of groupPairs(pairs)) {
      if (docs.length >= KEPT) break;
      const id = unansweredKey(siteId, group.question);
      // What the knowledge base answers already (as confidently as the bot needs) is no candidate.
      const [best] = kb.search(siteId, group.question, 1);
      if (dismissed.has(id) || (best && best.score >= threshold)) continue;
      const { question, alternatives, answer, count, lastAt } = group;
      docs.push({ _id: id, siteId, question, alternatives, answer: answer.slice(0, 2000), count, lastAt, dismissed: false });
    }
    await store.kbCandidates.replace(siteId, docs);
  }
}
