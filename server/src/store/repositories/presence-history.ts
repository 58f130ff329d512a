/**
 * Presence history (issue 15 leftovers): each agent's online and away stretches, for the
 * reports' time online / away and concurrent load. Written when the effective state changes
 * (status, first socket opened, last socket closed, a dead node's sockets swept); the open
 * stretch is sampled for load by a timer (there is no assignment history to replay).
 */
import type { AgentId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { PresenceIntervalDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';

export type PresenceState = 'online' | 'away' | 'offline';

export interface PresenceHistoryRepository {
  /**
   * The agent's effective state from `at`: closes the open stretch if its state differs and
   * opens one for online/away. Repeating the current state changes nothing.
   */
  change(agentId: AgentId, state: PresenceState, at: number): Promise<void>;
  /**
   * Closes the open stretches of these agents (all when null) where they were last seen: after a
   * crash or a dead node, the time between its last sample and now was not presence.
   */
  closeAtLastSeen(agentIds: AgentId[] | null): Promise<void>;
  /** One sample: the online agents' open chats (also marks them seen); away agents only seen. */
  sample(onlineLoads: Map<AgentId, number>, awayIds: AgentId[], at: number): Promise<void>;
  /** Open agents' ids and states (the sampler's list). */
  open(): Promise<{ agentId: AgentId; state: 'online' | 'away' }[]>;
  /** Stretches of these agents overlapping [from, to) (open ones included). */
  overlapping(agentIds: AgentId[], from: number, to: number): Promise<PresenceIntervalDoc[]>;
}

export async function presenceHistoryRepository(db: Database): Promise<PresenceHistoryRepository> {
  const intervals = await db.collection<PresenceIntervalDoc>('presence_intervals', [
    { name: 'open_key', keys: { openKey: 1 }, unique: true },
    { name: 'agent_from', keys: { agentId: 1, from: 1 } },
    // The open stretches (`to: null`) after a restart and for the sampler.
    { name: 'to', keys: { to: 1 } },
  ]);

  const close = (doc: PresenceIntervalDoc, at: number) =>
    // Filtered on openKey: of two nodes closing the same stretch, the second matches nothing.
    intervals.updateOne({ _id: doc._id, openKey: doc.agentId }, { $set: { to: Math.max(doc.from, at), openKey: doc._id } });

  return {
    async change(agentId, state, at) {
      // Twice at most: a stretch another node opened between our read and our insert is closed
      // (or kept, when it has our state) on the second pass.
      for (let attempt = 0; attempt < 3; attempt++) {
        const current = await intervals.findOne({ openKey: agentId });
        if (current?.state === state) return;
        if (current) await close(current, at);
        if (state === 'offline') return;
        const doc: PresenceIntervalDoc = {
          _id: `${agentId}:${at}:${attempt}`,
          openKey: agentId,
          agentId,
          state,
          from: at,
          to: null,
          seenAt: at,
          loadSamples: 0,
          loadSum: 0,
          loadPeak: 0,
        };
        try {
          await intervals.insertOne(doc);
          return;
        } catch (err) {
          if (!(err instanceof DuplicateKeyError)) throw err;
        }
      }
    },
    async closeAtLastSeen(agentIds) {
      if (agentIds?.length === 0) return;
      const filter = agentIds === null ? { to: null } : { openKey: { $in: agentIds } };
      for (const doc of await intervals.find(filter)) {
        if (doc.openKey === doc.agentId) await close(doc, doc.seenAt);
      }
    },
    async sample(onlineLoads, awayIds, at) {
      for (const [agentId, load] of onlineLoads) {
        await intervals.updateOne(
          { openKey: agentId, state: 'online' },
          { $inc: { loadSamples: 1, loadSum: load }, $max: { loadPeak: load }, $set: { seenAt: at } },
        );
      }
      if (awayIds.length) await intervals.updateMany({ openKey: { $in: awayIds } }, { $set: { seenAt: at } });
    },
    async open() {
      const docs = await intervals.find({ to: null }, { projection: { agentId: 1, state: 1, openKey: 1 } });
      return docs.filter((d) => d.openKey === d.agentId).map((d) => ({ agentId: d.agentId, state: d.state }));
    },
    async overlapping(agentIds, from, to) {
      if (!agentIds.length) return [];
      return intervals.find(
        { agentId: { $in: agentIds }, from: { $lt: to }, $or: [{ to: null }, { to: { $gt: from } }] },
        { sort: { from: 1 } },
      );
    },
  };
}
