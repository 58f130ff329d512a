/**
 * The merchant's look and proactive rules per site (issue 17, items 1 and 4): what admins
 * edit, and the small public subset the server bakes into the site's loader
 * (`widget.js?site=ID`), so the launcher is drawn themed with no extra request.
 */
import { DEFAULT_LOOK, DEFAULT_PROACTIVE, inkOn, type SiteId, type SiteLookSettings } from '@counter/shared';
import type { look as lookSchemas, z } from '@counter/shared/schemas';
import type { SiteDoc } from '../store/documents.js';
import type { DomainDeps } from './deps.js';
import type { Actor } from './access.js';
import { AppError } from './errors.js';
import type { SiteService } from './sites.js';

/**
 * What the loader reads, keyed like the `data-*` attributes of the script tag so that one
 * spread lets the page's attributes win (widget/src/loader/index.ts). `r`: the rules, `h`:
 * the cap in hours; only when the site has rules (they make the loader add the early chunk).
 * No text colour: the loader's CSS picks it from the colour (the same rule as inkOn), so a
 * data-color the server never saw gets one too.
 */
export interface LoaderLook {
  color: string;
  side: string;
  x: number;
  y: number;
  en?: string;
  zh?: string;
  r?: SiteLookSettings['proactive']['rules'];
  h?: number;
}

export const settingsOf = (doc: SiteDoc): SiteLookSettings => ({
  look: { ...DEFAULT_LOOK, ...doc.look },
  proactive: doc.proactive ?? DEFAULT_PROACTIVE,
});

export function loaderLook(doc: SiteDoc): LoaderLook {
  const { look, proactive } = settingsOf(doc);
  const out: LoaderLook = { color: look.color, side: look.side, x: look.x, y: look.y };
  if (look.label.en) out.en = look.label.en;
  if (look.label.zh) out.zh = look.label.zh;
  if (proactive.rules.length) Object.assign(out, { r: proactive.rules, h: proactive.capHours });
  return out;
}

/** What the chat window shows of the look: its header in the brand colour, text readable on it. */
export function chatLook(doc: SiteDoc): { color: string; ink: string; showAgent: boolean } {
  const { look } = settingsOf(doc);
  return { color: look.color, ink: inkOn(look.color), showAgent: look.showAgent };
}

export class SiteLookService {
  constructor(private readonly deps: Pick<DomainDeps, 'store'> & { sites: Pick<SiteService, 'mustAdminister'> }) {}

  private async doc(id: SiteId): Promise<SiteDoc> {
    const site = await this.deps.store.sites.byId(id);
    if (!site) throw new AppError('site_not_found');
    return site;
  }

  async getAs(actor: Actor, id: SiteId): Promise<SiteLookSettings> {
    this.deps.sites.mustAdminister(actor, id);
    return settingsOf(await this.doc(id));
  }

  async setAs(actor: Actor, id: SiteId, input: z.output<typeof lookSchemas.siteLookBody>): Promise<SiteLookSettings> {
    this.deps.sites.mustAdminister(actor, id);
    const updated = await this.deps.store.sites.update(id, { look: input.look, proactive: input.proactive });
    if (!updated) throw new AppError('site_not_found');
    return settingsOf(updated);
  }

  /** For the loader route: null for an unknown site (the page still gets a working launcher). */
  async forLoader(id: SiteId): Promise<LoaderLook | null> {
    const site = await this.deps.store.sites.byId(id);
    return site ? loaderLook(site) : null;
  }
}
