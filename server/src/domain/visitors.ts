import { IDENTITY_REJECTIONS, type SiteId, type VisitorId } from '@counter/shared';
import type { context, identify, visitorSessionBody, z } from '@counter/shared/schemas';
import type { VisitorDoc } from '../store/documents.js';
import { newId, newSecret, sha256 } from './crypto.js';
import { AppError } from './errors.js';
import { newVisitorDoc } from './new-documents.js';
import { originAllowed } from './sites.js';
import type { DomainDeps } from './deps.js';
import type { IdentityFailures } from './identity/failure-report.js';
import { acceptedKeys } from './identity/keys.js';
import { verifyHmacClaim, verifyJwtClaim, type VerifiedIdentity } from './identity/verify-claim.js';

const DAY_MS = 86_400_000;

export interface VisitorSession {
  visitor: VisitorDoc;
  tokenHash: string;
}

/**
 * The profile fields a verified claim sets. A name or email the claim leaves out keeps its
 * value and flag; one it carries is marked signed only when the JWT signed it.
 */
function profileOf(identity: VerifiedIdentity): Partial<VisitorDoc> & { tier: VisitorDoc['tier'] } {
  const patch: Partial<VisitorDoc> & { tier: VisitorDoc['tier'] } = { tier: identity.tier };
  if (identity.name) Object.assign(patch, { name: identity.name.value, nameVerified: identity.name.signed });
  if (identity.email) Object.assign(patch, { email: identity.email.value, emailVerified: identity.email.signed });
  return patch;
}

export class VisitorService {
  constructor(
    private readonly deps: Pick<DomainDeps, 'store' | 'clock' | 'events' | 'onError' | 'lock'> & { identityFailures: IdentityFailures },
  ) {}

  /**
   * A visitor token for this browser: the one it holds if still valid, else a new visitor.
   * The page's origin must be one the site allows. `beforeNew` runs before a new visitor is
   * created and may refuse (the route's per-address bound on new visitors).
   */
  async session(
    input: z.output<typeof visitorSessionBody>,
    { beforeNew }: { beforeNew?: () => Promise<void> } = {},
  ): Promise<{ visitor: VisitorDoc; token: string }> {
    const site = await this.deps.store.sites.byId(input.siteId);
    if (!site) throw new AppError('site_not_found');
    if (!originAllowed(site, input.pageOrigin)) throw new AppError('origin_not_allowed');
    if (input.token) {
      // Only a token that is not valid here starts over; a store that failed to read it is
      // an error, never a silent new visitor who has lost their conversations.
      const known = await this.authenticate(site._id, input.token).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'unauthorized') return null;
        throw err;
      });
      if (known) return { visitor: known.visitor, token: input.token };
    }
    await beforeNew?.();
    return this.newVisitor(site._id);
  }

  byId(id: VisitorId): Promise<VisitorDoc | null> {
    return this.deps.store.visitors.byId(id);
  }

  byIds(ids: VisitorId[]): Promise<VisitorDoc[]> {
    return this.deps.store.visitors.byIds([...new Set(ids)]);
  }

  private async newVisitor(siteId: SiteId): Promise<{ visitor: VisitorDoc; token: string }> {
    const now = this.deps.clock.now();
    const visitor = newVisitorDoc({ _id: newId<VisitorId>(), siteId, now });
    await this.deps.store.visitors.create(visitor);
    return { visitor, token: await this.issueToken(visitor) };
  }

  private async issueToken(visitor: VisitorDoc): Promise<string> {
    const token = newSecret();
    await this.deps.store.visitors.addToken({
      _id: sha256(token),
      visitorId: visitor._id,
      siteId: visitor.siteId,
      createdAt: this.deps.clock.now(),
    });
    return token;
  }

  async authenticate(siteId: SiteId, token: string): Promise<VisitorSession> {
    const tokenHash = sha256(token);
    const stored = await this.deps.store.visitors.tokenByHash(tokenHash);
    if (!stored || stored.siteId !== siteId) throw new AppError('unauthorized');
    const visitor = await this.deps.store.visitors.byId(stored.visitorId);
    if (!visitor) throw new AppError('unauthorized');
    // A token in use keeps its visitor from expiring (visitor-expiry.ts); one write a day at most.
    const now = this.deps.clock.now();
    if (visitor.lastSeenAt < now - DAY_MS) await this.deps.store.visitors.touch(visitor._id, now, now - DAY_MS);
    return { visitor, tokenHash };
  }

  /** Logout from the shop: this browser's token stops working. */
  async revoke(tokenHash: string): Promise<void> {
    await this.deps.store.visitors.deleteToken(tokenHash);
  }

  /** Shop logout: the token stops working, and so do sockets already open with it (every node). */
  async logout(tokenHash: string): Promise<void> {
    await this.revoke(tokenHash);
    this.deps.events.publish({ type: 'visitor.session.revoked', tokenHash });
  }

  /**
   * Verifies the shop's claim (plain HMAC or JWT, against the site's current secret and the
   * previous one during its grace period) and links the visitor to the customer. A claim
   * that does not verify changes nothing, is counted for the site's admin page and is
   * refused with `identity_rejected`, whose message tells the merchant why.
   */
  async identify(
    session: VisitorSession,
    input: z.output<typeof identify>,
  ): Promise<{ verified: true; visitor: VisitorDoc; token: string | null }> {
    // Fresh from the store: who this browser is decides whose chats it may see.
    const visitor = (await this.deps.store.visitors.byId(session.visitor._id)) ?? session.visitor;
    const site = await this.deps.store.sites.byId(visitor.siteId);
    if (!site) throw new AppError('site_not_found');
    const now = this.deps.clock.now();
    const keys = acceptedKeys(site, now);
    const check = 'jwt' in input ? await verifyJwtClaim(input, keys, now) : verifyHmacClaim(input, keys);
    if (!check.ok) {
      // The shopper's answer does not wait on (or fail with) the merchant's diagnostics.
      this.deps.identityFailures.record(site._id, check.reason).catch(this.deps.onError);
      throw new AppError('identity_rejected', { message: IDENTITY_REJECTIONS[check.reason] });
    }
    return this.link({ ...session, visitor }, check.identity);
  }

  /**
   * When another visitor already holds that customer id (another browser), this browser
   * switches to it: a new token is returned and the conversations started here move along.
   */
  private async link(
    session: VisitorSession,
    identity: VerifiedIdentity,
  ): Promise<{ verified: true; visitor: VisitorDoc; token: string | null }> {
    const { visitor } = session;
    const profile = profileOf(identity);
    if (visitor.externalId === identity.id) {
      return { verified: true, visitor: await this.updateProfile(visitor, profile), token: null };
    }
    if (visitor.externalId !== null) {
      // Someone else signed in on this browser: start clean, never show them the last one's chats.
      const fresh = await this.newVisitor(visitor.siteId);
      await this.revoke(session.tokenHash);
      const r = await this.link({ visitor: fresh.visitor, tokenHash: sha256(fresh.token) }, identity);
      return { ...r, token: r.token ?? fresh.token };
    }
    const holder = await this.deps.store.visitors.linkIdentity(visitor.siteId, identity.id, visitor._id);
    if (holder === visitor._id) {
      const linked = await this.updateProfile(visitor, { ...profile, externalId: identity.id, verified: true });
      return { verified: true, visitor: linked, token: null };
    }
    const existing = await this.deps.store.visitors.byId(holder);
    if (!existing) throw new AppError('internal');
    await this.deps.store.conversations.moveToVisitor(visitor._id, existing._id);
    await this.revoke(session.tokenHash);
    const token = await this.issueToken(existing);
    return { verified: true, visitor: await this.updateProfile(existing, profile), token };
  }

  private async updateProfile(visitor: VisitorDoc, patch: Partial<VisitorDoc>): Promise<VisitorDoc> {
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== null)) as Partial<VisitorDoc>;
    if (patch.tier === null && visitor.tier !== null) clean.tier = null;
    const updated = (await this.deps.store.visitors.update(visitor._id, clean)) ?? visitor;
    this.deps.events.publish({ type: 'visitor.updated', visitor: updated });
    return updated;
  }

  /** What the shopper is looking at (page, product, cart), from the loader's JS API. */
  async setContext(visitor: VisitorDoc, input: z.output<typeof context>): Promise<VisitorDoc> {
    // One after another per visitor: the trail is read, then written (FerretDB ignores
    // $push with $slice), and a shopper's tabs report pages at the same time.
    return this.deps.lock.run(`visitor:${visitor._id}`, () => this.applyContext(visitor, input));
  }

  private async applyContext(visitor: VisitorDoc, input: z.output<typeof context>): Promise<VisitorDoc> {
    const now = this.deps.clock.now();
    let updated: VisitorDoc | null = visitor;
    if (input.page) updated = await this.deps.store.visitors.visitPage(visitor._id, { ...input.page, at: now });
    const patch: Partial<VisitorDoc> = {};
    if (input.product !== undefined) patch.product = input.product;
    if (input.cart !== undefined) patch.cart = input.cart;
    if (input.locale !== undefined) patch.locale = input.locale;
    if (Object.keys(patch).length) updated = await this.deps.store.visitors.update(visitor._id, { ...patch, lastSeenAt: now });
    const result = updated ?? visitor;
    this.deps.events.publish({ type: 'visitor.updated', visitor: result });
    return result;
  }
}
