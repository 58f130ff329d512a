/**
 * A node's memory of documents read by id, for repositories read far more often than written
 * (visitor-cache.ts, routing-settings-cache.ts). What keeps it honest:
 *
 * - a write through this node forgets the key (before and after it, and when it fails) and
 *   tells the write listeners (plugins/store-cache-sync.ts passes it to the other nodes);
 * - a read that overlapped any forget is not kept (it may have seen the old document), so the
 *   cache never holds something older than the last write this node knows of;
 * - a time limit bounds what a lost cross-node message could leave behind.
 * Documents kept here are frozen: a caller that changed one would change it for every caller.
 */
export class KeyedCache<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();
  private readonly listeners = new Set<(key: K) => void>();
  /** Bumped by every forget: a read that saw it change may hold an old document. */
  private forgets = 0;

  constructor(
    private readonly options: { max: number; ttlMs: number; now?: () => number; keepMissing: boolean },
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  async get(key: K, load: () => Promise<V | null>): Promise<V | null> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.options.ttlMs) return hit.value;
    const seen = this.forgets;
    const value = await load();
    if (seen !== this.forgets || (value === null && !this.options.keepMissing)) return value;
    this.entries.delete(key);
    this.entries.set(key, { value: (value === null ? null : Object.freeze(value)) as V, at: this.now() });
    if (this.entries.size > this.options.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** Drop a key (a write elsewhere); does not call the write listeners. */
  forget(key: K): void {
    this.forgets++;
    this.entries.delete(key);
  }

  /** A write of these keys through this node: forgotten around it, announced after it. */
  async writing<T>(keys: readonly K[], write: () => Promise<T>): Promise<T> {
    for (const key of keys) this.forget(key);
    try {
      return await write();
    } finally {
      for (const key of keys) {
        this.forget(key);
        for (const listener of this.listeners) listener(key);
      }
    }
  }

  onWrite(listener: (key: K) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
