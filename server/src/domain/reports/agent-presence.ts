/**
 * Time online / away and concurrent load per agent (issue 15 leftovers), from the presence
 * history (store/repositories/presence-history.ts), joined into the report's agent rows.
 *
 * Definitions: online (away) time is the part of the agent's online (away) stretches inside
 * [from, to), an open stretch counting until now. Concurrent load is sampled: the open chats
 * of each online agent every sample tick (plugins/presence-history.ts), averaged over the
 * samples of the online stretches that overlap the range (a stretch's samples are not split at
 * the range's edges); the peak is the highest sample. There is no assignment history to replay.
 */
import type { AgentFigures, AgentId, SiteId } from '@counter/shared';
import type { PresenceIntervalDoc } from '../../store/documents.js';
import type { Store } from '../../store/store.js';

export interface AgentPresence {
  onlineMs: number;
  awayMs: number;
  concurrentLoad: number | null;
  concurrentPeak: number | null;
}

/** Sums the stretches per agent, clipped to [from, to); open stretches end at `now`. */
export function presenceFigures(intervals: PresenceIntervalDoc[], from: number, to: number, now: number): Map<AgentId, AgentPresence> {
  const acc = new Map<AgentId, { onlineMs: number; awayMs: number; samples: number; sum: number; peak: number }>();
  for (const iv of intervals) {
    const end = Math.min(to, iv.to ?? now);
    const ms = Math.max(0, end - Math.max(from, iv.from));
    const a = acc.get(iv.agentId) ?? { onlineMs: 0, awayMs: 0, samples: 0, sum: 0, peak: 0 };
    if (iv.state === 'online') {
      a.onlineMs += ms;
      a.samples += iv.loadSamples;
      a.sum += iv.loadSum;
      a.peak = Math.max(a.peak, iv.loadPeak);
    } else {
      a.awayMs += ms;
    }
    acc.set(iv.agentId, a);
  }
  return new Map(
    [...acc].map(([id, a]) => [
      id,
      { onlineMs: a.onlineMs, awayMs: a.awayMs, concurrentLoad: a.samples ? a.sum / a.samples : null, concurrentPeak: a.samples ? a.peak : null },
    ]),
  );
}

const emptyRow = (agentId: AgentId, name: string): AgentFigures => ({
  agentId,
  name,
  handled: 0,
  concurrentLoad: null,
  concurrentPeak: null,
  frt: { count: 0, p50: null, p90: null, avg: null },
  csat: { rated: 0, satisfied: 0, share: null },
  onlineMs: 0,
  awayMs: 0,
});

/**
 * The report's agent rows with presence filled in; staff of the sites who were online or away
 * in the range but handled nothing get a row too (time online with no chats is a figure).
 */
export async function joinPresence(
  store: Store,
  siteIds: readonly SiteId[] | null,
  range: { from: number; to: number; now: number },
  rows: AgentFigures[],
): Promise<AgentFigures[]> {
  const staff = (await store.agents.list()).filter((a) => siteIds === null || a.siteIds.some((s) => siteIds.includes(s)));
  const names = new Map(staff.map((a) => [a._id, a.name]));
  const ids = [...new Set([...staff.map((a) => a._id), ...rows.map((r) => r.agentId as AgentId)])];
  const presence = presenceFigures(await store.presenceHistory.overlapping(ids, range.from, range.to), range.from, range.to, range.now);
  const byId = new Map(rows.map((r) => [r.agentId, r]));
  for (const id of presence.keys()) if (!byId.has(id)) byId.set(id, emptyRow(id, names.get(id) ?? id));
  return [...byId.values()].map((r) => {
    const p = presence.get(r.agentId as AgentId);
    return p ? { ...r, ...p } : { ...r, concurrentPeak: r.concurrentPeak ?? null };
  });
}
