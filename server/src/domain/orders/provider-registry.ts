/**
 * One cached provider per site, rebuilt when the site's provider settings change (so an
 * edited URL or secret takes effect on the next call, and the old cache is dropped).
 */
import type { SiteId } from '@counter/shared';
import type { SiteDoc, StoredOrderProvider } from '../../store/documents.js';
import type { Clock } from '../clock.js';
import { sha256 } from '../crypto.js';
import { CachedOrderProvider } from './cached-provider.js';
import type { OrderProvider } from './provider.js';

/** Builds an adapter from stored settings; injected so the domain knows no adapter. */
export type ProviderFactory = (settings: StoredOrderProvider) => OrderProvider;

export interface RegistryOptions {
  create: ProviderFactory;
  clock: Clock;
  cacheTtlMs: number;
  onError: (err: unknown) => void;
}

export class ProviderRegistry {
  private readonly bySite = new Map<SiteId, { fingerprint: string; provider: CachedOrderProvider }>();

  constructor(private readonly options: RegistryOptions) {}

  /** null: the site has no order provider. */
  forSite(site: SiteDoc): OrderProvider | null {
    const settings = site.orderProvider ?? null;
    const current = this.bySite.get(site._id);
    if (!settings) {
      if (current) this.drop(site._id);
      return null;
    }
    const fingerprint = sha256(`${settings.kind}\n${settings.url}\n${settings.secret}`);
    if (current?.fingerprint === fingerprint) return current.provider;
    if (current) this.drop(site._id);
    const provider = new CachedOrderProvider(this.options.create(settings), {
      ttlMs: this.options.cacheTtlMs,
      maxEntries: 2000,
      clock: this.options.clock,
    });
    this.bySite.set(site._id, { fingerprint, provider });
    return provider;
  }

  async close(): Promise<void> {
    await Promise.all([...this.bySite.keys()].map((id) => this.drop(id)));
  }

  private drop(siteId: SiteId): Promise<void> {
    const entry = this.bySite.get(siteId);
    this.bySite.delete(siteId);
    return entry ? entry.provider.close().catch(this.options.onError) : Promise.resolve();
  }
}
