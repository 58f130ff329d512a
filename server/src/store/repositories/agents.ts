import type { AgentId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { AgentDoc } from '../documents.js';

export type AgentPatch = Partial<
  Pick<
    AgentDoc,
    'name' | 'role' | 'siteIds' | 'active' | 'passwordHash' | 'status' | 'capacity' | 'disconnectedAt' | 'lastAssignedAt' | 'avatar' | 'prefs'
  >
>;

export interface AgentRepository {
  /** Throws DuplicateKeyError when the email is taken. */
  create(agent: AgentDoc): Promise<void>;
  byId(id: AgentId): Promise<AgentDoc | null>;
  byEmail(email: string): Promise<AgentDoc | null>;
  list(): Promise<AgentDoc[]>;
  count(): Promise<number>;
  update(id: AgentId, patch: AgentPatch, at: number): Promise<AgentDoc | null>;
  /** Active agents whose chosen status is online (connection is checked separately). */
  online(): Promise<AgentDoc[]>;
  /** Active agents whose last console closed before `cutoff`. */
  disconnectedBefore(cutoff: number): Promise<AgentDoc[]>;
}

export async function agentRepository(db: Database): Promise<AgentRepository> {
  const agents = await db.collection<AgentDoc>('agents', [
    { name: 'email', keys: { email: 1 }, unique: true },
    { name: 'status', keys: { status: 1, active: 1 } },
  ]);
  return {
    create: (agent) => agents.insertOne(agent),
    byId: (id) => agents.findOne({ _id: id }),
    byEmail: (email) => agents.findOne({ email }),
    list: () => agents.find({}, { sort: { createdAt: 1 } }),
    count: () => agents.count({}),
    update: (id, patch, at) => agents.findOneAndUpdate({ _id: id }, { $set: { ...patch, updatedAt: at } }),
    online: () => agents.find({ status: 'online', active: true }),
    disconnectedBefore: (cutoff) => agents.find({ disconnectedAt: { $ne: null, $lte: cutoff } }),
  };
}
