/**
 * Runs tasks with the same key one after another (in this process), different keys in
 * parallel. Conversation writes go through it: a node then never races itself on one
 * conversation document, which matters on stores whose updates are not atomic (FerretDB v1).
 * Never call `run` for a key from inside a task holding the same key.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => {});
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}

/**
 * The lock key for an agent's document. Agents' documents are written from several places
 * (status, console presence, routing); on a store whose updates are not atomic (FerretDB v1)
 * two of those at once could lose one's change, e.g. an agent's "online" overwritten by the
 * presence bookkeeping of the socket that sent it.
 */
export const agentKey = (agentId: string): string => `agent:${agentId}`;
