/**
 * Canned replies related to a shopper's message, for agent assist (issue 13): replies sharing
 * words (Latin, 3+ letters) or character pairs (Chinese) with it, most shared first. A few
 * dozen replies per site: a scan beats shipping a search index to the console.
 */
import type { CannedReply } from '@counter/shared';

const HAN = /\p{Script=Han}+/gu;

function terms(text: string): Set<string> {
  const lower = text.normalize('NFKC').toLowerCase();
  const out = new Set(lower.match(/[\p{L}\p{N}]{3,}/gu)?.filter((w) => !HAN.test(w)) ?? []);
  HAN.lastIndex = 0;
  for (const run of lower.match(HAN) ?? []) for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  return out;
}

export function relatedCanned(replies: readonly CannedReply[], message: string, limit = 2): CannedReply[] {
  const wanted = terms(message);
  if (wanted.size === 0) return [];
  return replies
    .map((reply) => {
      const have = terms(`${reply.shortcut} ${reply.title} ${reply.text}`);
      let shared = 0;
      for (const term of wanted) if (have.has(term)) shared++;
      return { reply, shared };
    })
    .filter((r) => r.shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, limit)
    .map((r) => r.reply);
}
