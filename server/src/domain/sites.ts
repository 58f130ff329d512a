import type { IdentityCheckReport, Site, SiteId, SiteSummary } from '@counter/shared';
import type { createSiteBody, orders, updateSiteBody, z } from '@counter/shared/schemas';
import type { SiteDoc, StoredOrderProvider } from '../store/documents.js';
import { newId, newSecret } from './crypto.js';

type OrderProviderInput = z.output<typeof orders.orderProviderInput>;
import { administers, siteScope, type Actor } from './access.js';
import { AppError, forbidden } from './errors.js';
import { newSiteDoc } from './new-documents.js';
import { siteView } from './views.js';
import type { DomainDeps } from './deps.js';
import type { IdentityFailures } from './identity/failure-report.js';

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
  constructor(
    private readonly deps: Pick<DomainDeps, 'store' | 'clock'> & { identitySecretGraceMs: number; identityFailures: IdentityFailures },
  ) {}

  private view = (doc: SiteDoc): Site => siteView(doc, this.deps.clock.now());

  async get(id: SiteId): Promise<SiteDoc> {
    const site = await this.deps.store.sites.byId(id);
    if (!site) throw new AppError('site_not_found');
    return site;
  }

  /**
   * The widget started a session from one of the site's origins (the getting-started
   * checklist ticks): recorded once, so later sessions cost a read they already made.
   */
  async widgetSeen(site: SiteDoc): Promise<void> {
    if (site.widgetSeenAt === undefined || site.widgetSeenAt === null) await this.deps.store.sites.widgetSeen(site._id, this.deps.clock.now());
  }

  listDocs(): Promise<SiteDoc[]> {
    return this.deps.store.sites.list();
  }

  async list(): Promise<Site[]> {
    return (await this.deps.store.sites.list()).map(this.view);
  }

  /** The sites a person works for (the owner: all), named only. */
  async summariesFor(actor: Actor): Promise<SiteSummary[]> {
    const scope = siteScope(actor);
    return (await this.deps.store.sites.list()).filter((s) => scope === null || scope.includes(s._id)).map((s) => ({ id: s._id, name: s.name }));
  }

  /** The sites an admin administers (the owner: all). */
  async listFor(actor: Actor): Promise<Site[]> {
    const scope = siteScope(actor);
    return (await this.deps.store.sites.list()).filter((s) => scope === null || administers(actor, s._id)).map(this.view);
  }

  /** Only the owner adds sites; an admin runs the sites they were given. */
  async createAs(actor: Actor, input: z.output<typeof createSiteBody>): Promise<Site> {
    if (actor.role !== 'owner') throw new AppError('forbidden', { message: 'Only the owner adds sites.' });
    return this.create(input);
  }

  async updateAs(actor: Actor, id: SiteId, input: z.output<typeof updateSiteBody>): Promise<Site> {
    this.mustAdminister(actor, id);
    return this.update(id, input);
  }

  /** The admin page's notice: failed identity checks of the site in the last 24 h. */
  async identityChecksAs(actor: Actor, id: SiteId): Promise<IdentityCheckReport> {
    this.mustAdminister(actor, id);
    await this.get(id);
    return this.deps.identityFailures.report(id);
  }

  /** Public for the site's other settings (site-look.ts). */
  mustAdminister(actor: Actor, id: SiteId): void {
    if (administers(actor, id)) return;
    // Another site's admin learns nothing about it, not even that it exists.
    if (!actor.siteIds.includes(id)) throw new AppError('site_not_found');
    throw forbidden();
  }

  async create(input: z.output<typeof createSiteBody>): Promise<Site> {
    const allowedOrigins = [...new Set(input.allowedOrigins.map(normalizeOrigin))];
    const doc = newSiteDoc({ ...input, allowedOrigins, _id: newId<SiteId>(), now: this.deps.clock.now() });
    await this.deps.store.sites.create(doc);
    return this.view(doc);
  }

  async update(id: SiteId, input: z.output<typeof updateSiteBody>): Promise<Site> {
    const { rotateIdentitySecret, endIdentitySecretGrace, allowedOrigins, orderProvider, ...rest } = input;
    const patch: Partial<SiteDoc> = { ...rest };
    if (orderProvider) patch.orderProvider = storedProvider(orderProvider, (await this.get(id)).orderProvider ?? null);
    if (allowedOrigins) patch.allowedOrigins = [...new Set(allowedOrigins.map(normalizeOrigin))];
    if (endIdentitySecretGrace) patch.previousIdentitySecret = null;
    const rotated = rotateIdentitySecret ? await this.rotation(id, endIdentitySecretGrace === true) : null;
    const updated = await this.deps.store.sites.update(id, { ...patch, ...rotated?.patch }, rotated?.replaces);
    if (!updated) {
      // Two rotations at once: the later one would drop the secret the first just handed out.
      if (rotated && (await this.deps.store.sites.byId(id))) throw new AppError('conflict', { message: 'The secret was just rotated; reload.' });
      throw new AppError('site_not_found');
    }
    return this.view(updated);
  }

  /**
   * A new secret; the current one stays accepted for the grace period so that pages signed a
   * moment ago (and shops mid-deploy) keep verifying. A secret older than that is dropped.
   */
  private async rotation(id: SiteId, endGrace: boolean) {
    const site = await this.get(id);
    const graceMs = endGrace ? 0 : this.deps.identitySecretGraceMs;
    const patch: Pick<SiteDoc, 'identitySecret' | 'previousIdentitySecret'> = {
      identitySecret: newSecret(),
      previousIdentitySecret: graceMs > 0 ? { secret: site.identitySecret, until: this.deps.clock.now() + graceMs } : null,
    };
    return { patch, replaces: site.identitySecret };
  }
}
