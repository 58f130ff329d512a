/** A site's response targets (issue 14, item 4): admins edit them; every member of the site reads them (badges). */
import { DEFAULT_TARGETS, type ResponseTargets, type SiteId } from '@counter/shared';
import type { SiteDoc } from '../../store/documents.js';
import type { Store } from '../../store/store.js';
import type { EventSink } from '../events.js';
import { inSite, type Actor } from '../access.js';
import { AppError } from '../errors.js';
import type { SiteService } from '../sites.js';

/** Sites stored before targets existed, or never edited, have the defaults. */
export const targetsOf = (site: Pick<SiteDoc, 'targets'> | null | undefined): ResponseTargets => site?.targets ?? DEFAULT_TARGETS;

export class TargetSettings {
  constructor(private readonly deps: { store: Store; sites: Pick<SiteService, 'mustAdminister'>; events: EventSink }) {}

  async getAs(actor: Actor, id: SiteId): Promise<ResponseTargets> {
    this.deps.sites.mustAdminister(actor, id);
    const site = await this.deps.store.sites.byId(id);
    if (!site) throw new AppError('site_not_found');
    return targetsOf(site);
  }

  async setAs(actor: Actor, id: SiteId, targets: ResponseTargets): Promise<ResponseTargets> {
    this.deps.sites.mustAdminister(actor, id);
    const updated = await this.deps.store.sites.update(id, { targets });
    if (!updated) throw new AppError('site_not_found');
    // Open consoles count down with the new targets at once, not after a reload.
    this.deps.events.publish({ type: 'target.settings', siteId: id, targets: targetsOf(updated) });
    return targetsOf(updated);
  }

  /** The targets of every site the actor works for: what their console's badges count down. */
  async forMember(actor: Actor): Promise<{ siteId: SiteId; targets: ResponseTargets }[]> {
    const sites = await this.deps.store.sites.list();
    return sites.filter((s) => inSite(actor, s._id)).map((s) => ({ siteId: s._id, targets: targetsOf(s) }));
  }
}
