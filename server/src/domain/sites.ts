import type { Site, SiteId } from '@counter/shared';
import type { createSiteBody, orders, updateSiteBody, z } from '@counter/shared/schemas';

type OrderProviderInput = z.output<typeof orders.orderProviderInput>;
import type { SiteDoc, StoredOrderProvider } from '../store/documents.js';
import { newId, newSecret } from './crypto.js';
import { administers, siteScope, type Actor } from './access.js';
import { AppError, forbidden } from './errors.js';
import { siteView } from './views.js';
import type { DomainDeps } from './deps.js';

/** Browsers send origins lowercase, without a default port; admins may type them otherwise. */
export function normalizeOrigin(origin: string): string {
  return new URL(origin).origin;
}

/** An empty list lets any site embed the widget (shown as a warning in the admin pages). */
export function originAllowed(site: Pick<SiteDoc, 'allowedOrigins'>, origin: string): boolean {
  return site.allowedOrigins.length === 0 || site.allowedOrigins.includes(origin);
}

/**
 * The provider settings to store. The secret is write-only: an edit without one keeps the
 * stored secret, but only for the same kind and URL, so changing where orders come from never
 * sends the old shop's secret to a new address.
 */
function storedProvider(input: OrderProviderInput, current: StoredOrderProvider | null): StoredOrderProvider | null {
  if (input.kind === 'none') return null;
  const kept = current && current.kind === input.kind && current.url === input.url ? current.secret : null;
  const secret = input.secret ?? kept;
  if (!secret) {
    throw new AppError('validation_failed', {
      issues: [{ path: 'orderProvider.secret', message: 'a secret is required for a new provider address' }],
    });
  }
  return { kind: input.kind, url: input.url, secret };
}

export class SiteService {
  constructor(private readonly deps: Pick<DomainDeps, 'store' | 'clock'>) {}

  async get(id: SiteId): Promise<SiteDoc> {
    const site = await this.deps.store.sites.byId(id);
    if (!site) throw new AppError('site_not_found');
    return site;
  }

  listDocs(): Promise<SiteDoc[]> {
    return this.deps.store.sites.list();
  }

  async list(): Promise<Site[]> {
    return (await this.deps.store.sites.list()).map(siteView);
  }

  /** The sites an admin administers (the owner: all). */
  async listFor(actor: Actor): Promise<Site[]> {
    const scope = siteScope(actor);
    return (await this.deps.store.sites.list()).filter((s) => scope === null || administers(actor, s._id)).map(siteView);
  }

  /** Only the owner adds sites; an admin runs the sites they were given. */
  async createAs(actor: Actor, input: z.output<typeof createSiteBody>): Promise<Site> {
    if (actor.role !== 'owner') throw new AppError('forbidden', { message: 'Only the owner adds sites.' });
    return this.create(input);
  }

  async updateAs(actor: Actor, id: SiteId, input: z.output<typeof updateSiteBody>): Promise<Site> {
    if (!administers(actor, id)) {
      // Another site's admin learns nothing about it, not even that it exists.
      if (!actor.siteIds.includes(id)) throw new AppError('site_not_found');
      throw forbidden();
    }
    return this.update(id, input);
  }

  async create(input: z.output<typeof createSiteBody>): Promise<Site> {
    const doc: SiteDoc = {
      _id: newId<SiteId>(),
      name: input.name,
      allowedOrigins: [...new Set(input.allowedOrigins.map(normalizeOrigin))],
      identitySecret: newSecret(),
      greeting: input.greeting,
      businessHours: input.businessHours,
      defaultLocale: input.defaultLocale,
      orderProvider: null,
      createdAt: this.deps.clock.now(),
    };
    await this.deps.store.sites.create(doc);
    return siteView(doc);
  }

  async update(id: SiteId, input: z.output<typeof updateSiteBody>): Promise<Site> {
    const { rotateIdentitySecret, allowedOrigins, orderProvider, ...rest } = input;
    const patch: Partial<SiteDoc> = { ...rest };
    if (orderProvider) patch.orderProvider = storedProvider(orderProvider, (await this.get(id)).orderProvider ?? null);
    if (allowedOrigins) patch.allowedOrigins = [...new Set(allowedOrigins.map(normalizeOrigin))];
    if (rotateIdentitySecret) patch.identitySecret = newSecret();
    const updated = await this.deps.store.sites.update(id, patch);
    if (!updated) throw new AppError('site_not_found');
    return siteView(updated);
  }
}
