import type { DomainDeps } from './deps.js';

const CACHE_MS = 30_000;
/** Until there is history, assume five minutes per conversation. */
const DEFAULT_HANDLE_SECONDS = 300;

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Recent service figures for queue estimates and the widget's "typically replies in". */
export class ServiceStats {
  private cached: { at: number; handleSeconds: number; replySeconds: number | null } | null = null;
  /** One refresh at a time: a burst of shopper connections must not each run the queries. */
  private refreshing: Promise<{ handleSeconds: number; replySeconds: number | null }> | null = null;

  constructor(private readonly deps: Pick<DomainDeps, 'store' | 'clock'>) {}

  private refresh() {
    if (this.cached && this.deps.clock.now() - this.cached.at < CACHE_MS) return Promise.resolve(this.cached);
    this.refreshing ??= this.compute().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async compute() {
    const now = this.deps.clock.now();
    const resolved = await this.deps.store.conversations.recentlyResolved(30);
    const handled = resolved
      .filter((c) => c.assignedAt !== null && c.resolvedAt !== null)
      .map((c) => (c.resolvedAt! - c.assignedAt!) / 1000);
    const answered = await this.deps.store.conversations.recentlyAnswered(50);
    const replies = answered.map((c) => Math.max(0, (c.firstResponseAt! - c.requestedAt!) / 1000));
    const mean = handled.length ? handled.reduce((a, b) => a + b, 0) / handled.length : DEFAULT_HANDLE_SECONDS;
    const reply = median(replies);
    this.cached = {
      at: now,
      handleSeconds: Math.max(30, mean),
      replySeconds: reply === null ? null : Math.round(reply),
    };
    return this.cached;
  }

  /** Mean handling time (assignment to resolution) of recent conversations, seconds. */
  async handleSeconds(): Promise<number> {
    return (await this.refresh()).handleSeconds;
  }

  /** Median first-response time of recent conversations, seconds; null without data. */
  async typicalReplySeconds(): Promise<number | null> {
    return (await this.refresh()).replySeconds;
  }
}
