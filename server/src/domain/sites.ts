import type { Site, SiteId } from '@counter/shared';
import type { createSiteBody, updateSiteBody, z } from '@counter/shared/schemas';
import type { SiteDoc } from '../store/documents.js';
import { newId, newSecret } from './crypto.js';
import { AppError } from './errors.js';
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

  async create(input: z.output<typeof createSiteBody>): Promise<Site> {
    const doc: SiteDoc = {
      _id: newId<SiteId>(),
      name: input.name,
      allowedOrigins: [...new Set(input.allowedOrigins.map(normalizeOrigin))],
      identitySecret: newSecret(),
      greeting: input.greeting,
      businessHours: input.businessHours,
      defaultLocale: input.defaultLocale,
      createdAt: this.deps.clock.now(),
    };
    await this.deps.store.sites.create(doc);
    return siteView(doc);
  }

  async update(id: SiteId, input: z.output<typeof updateSiteBody>): Promise<Site> {
    const { rotateIdentitySecret, allowedOrigins, ...rest } = input;
    const patch: Partial<SiteDoc> = { ...rest };
    if (allowedOrigins) patch.allowedOrigins = [...new Set(allowedOrigins.map(normalizeOrigin))];
    if (rotateIdentitySecret) patch.identitySecret = newSecret();
    const updated = await this.deps.store.sites.update(id, patch);
    if (!updated) throw new AppError('site_not_found');
    return siteView(updated);
  }
}
