import { randomBytes } from 'node:crypto';
import type { AgentId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { FailureDoc, SessionDoc } from '../documents.js';

export interface SessionRepository {
  create(session: SessionDoc): Promise<void>;
  byHash(hash: string): Promise<SessionDoc | null>;
  delete(hash: string): Promise<boolean>;
  /** Deletes every session of the agent but `keep`; returns the deleted ids. */
  deleteForAgent(agentId: AgentId, keep?: string): Promise<string[]>;
  /** Deletes sessions that ended before `now` (one never used again is otherwise kept). */
  deleteExpired(now: number): Promise<number>;
}

export async function sessionRepository(db: Database): Promise<SessionRepository> {
  const sessions = await db.collection<SessionDoc>('sessions', [
    { name: 'agent', keys: { agentId: 1 } },
    { name: 'expires', keys: { expiresAt: 1 } },
  ]);
  return {
    create: (session) => sessions.insertOne(session),
    byHash: (hash) => sessions.findOne({ _id: hash }),
    delete: async (hash) => (await sessions.deleteOne({ _id: hash })) === 1,
    async deleteForAgent(agentId, keep) {
      const filter = keep ? { agentId, _id: { $ne: keep } } : { agentId };
      const doomed = await sessions.find(filter, { projection: { _id: 1 } });
      await sessions.deleteMany(filter);
      return doomed.map((s) => s._id);
    },
    deleteExpired: (now) => sessions.deleteMany({ expiresAt: { $lte: now } }),
  };
}

export interface ThrottleRepository {
  /** Records one failure for the key; returns the failures within the window, this one included. */
  fail(key: string, at: number, windowMs: number): Promise<number>;
  failures(key: string, at: number, windowMs: number): Promise<number>;
  /** The failures within the window and when the last one was (null: none). */
  recent(key: string, at: number, windowMs: number): Promise<{ count: number; last: number | null }>;
  clear(key: string): Promise<void>;
  /** Forgets failures older than `cutoff`. */
  prune(cutoff: number): Promise<void>;
}

export async function throttleRepository(db: Database): Promise<ThrottleRepository> {
  const failures = await db.collection<FailureDoc>('failures', [
    { name: 'key_at', keys: { key: 1, at: 1 } },
    // prune() deletes by age alone.
    { name: 'at', keys: { at: 1 } },
  ]);
  const count = (key: string, at: number, windowMs: number) => failures.count({ key, at: { $gt: at - windowMs } });
  return {
    async fail(key, at, windowMs) {
      await failures.insertOne({ _id: randomBytes(12).toString('base64url'), key, at });
      return count(key, at, windowMs);
    },
    failures: count,
    async recent(key, at, windowMs) {
      const [n, last] = await Promise.all([count(key, at, windowMs), failures.findOne({ key }, { sort: { at: -1 } })]);
      return { count: n, last: n ? (last?.at ?? null) : null };
    },
    clear: async (key) => {
      await failures.deleteMany({ key });
    },
    prune: async (cutoff) => {
      await failures.deleteMany({ at: { $lte: cutoff } });
    },
  };
}
