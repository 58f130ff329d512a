/**
 * Who the shopper is and what they are doing: identity, the page and product in front of
 * them, their cart, where they have been, and earlier conversations. All of it comes from
 * the shopper's browser or the shop, so all of it is shown as text.
 */
import type { ConversationId, VisitorProfile } from '@counter/shared';
import { useApp } from '../../app/app-context.js';
import { useStore } from '../../lib/use-store.js';
import { visitorLabel } from '../../lib/visitor-label.js';
import { Avatar } from '../common/Avatar.js';
import { VisitorBadges } from '../common/VisitorBadges.js';
import { Rating } from '../conversation/Rating.js';
import { CartList } from './CartList.js';
import { PageTrail } from './PageTrail.js';
import { PreviousConversations } from './PreviousConversations.js';
import { ProductCard } from './ProductCard.js';
import { SafeLink } from '../common/SafeLink.js';
import { OrdersSection } from '../orders/OrdersSection.js';
import { historyText } from '../../i18n/history.js';
import { routeHref } from '../../stores/route-store.js';

const LOCALES: Record<string, string> = { en: 'English', zh: '中文 (Chinese)' };

/** What of the shopper the shop signed: the id always, name and email only with a JWT. */
function identityText(v: VisitorProfile): string {
  if (!v.verified) return 'Not verified (anonymous or self-declared)';
  const customer = `Verified customer${v.externalId ? ` #${v.externalId}` : ''}`;
  const unsigned = [v.name && !v.nameVerified ? 'name' : null, v.email && !v.emailVerified ? 'email' : null].filter(Boolean);
  return unsigned.length ? `${customer}; ${unsigned.join(' and ')} not signed by the shop` : customer;
}

export function ShopperPanel({ id }: { id: ConversationId }) {
  const app = useApp();
  const thread = useStore(app.stores.threads, (s) => s.threads[id]);
  const v = thread?.visitor;
  const c = thread?.conversation;
  if (!v || !c) return <aside class="shopper" aria-label="Shopper" />;
  const label = visitorLabel(v);

  return (
    <aside class="shopper" aria-label="Shopper">
      <button type="button" class="btn btn-small panel-close" onClick={() => app.stores.ui.getState().togglePanel()}>
        Close
      </button>
      <section class="card who">
        <div class="who-head">
          <Avatar label={label} seed={v.id} />
          <div>
            <div class="who-name">
              <span class="shopper-name">{label}</span> <VisitorBadges visitor={v} />
            </div>
            {v.email && (
              <div class="muted shopper-email">
                <span>{v.email}</span>{' '}
                {v.verified && v.emailVerified ? (
                  <span class="mark-verified-email" title="Signed by the shop" aria-label="verified email">
                    ✓
                  </span>
                ) : (
                  <span class="small">(not verified)</span>
                )}
              </div>
            )}
          </div>
        </div>
        <dl class="facts">
          <dt>Identity</dt>
          <dd>{identityText(v)}</dd>
          {v.locale && (
            <>
              <dt>Language</dt>
              <dd>{LOCALES[v.locale] ?? v.locale}</dd>
            </>
          )}
          {c.contactEmail && (
            <>
              <dt>Left an email</dt>
              <dd>{c.contactEmail}</dd>
            </>
          )}
        </dl>
        {c.rating && (
          <div class="who-rating">
            <Rating rating={c.rating} />
          </div>
        )}
      </section>

      <section class="card">
        <h3>Now viewing</h3>
        {v.currentPage ? (
          <SafeLink class="page-link" href={v.currentPage.url}>
            {v.currentPage.title || v.currentPage.url}
          </SafeLink>
        ) : (
          <p class="muted">Unknown</p>
        )}
      </section>

      <OrdersSection conversationId={c.id} />

      {v.product && (
        <section class="card">
          <h3>Product</h3>
          <ProductCard product={v.product} conversationId={id} />
        </section>
      )}

      {v.cart && (
        <section class="card">
          <h3>Cart</h3>
          <CartList cart={v.cart} />
        </section>
      )}

      {v.trail.length > 0 && (
        <section class="card">
          <h3>Pages visited</h3>
          <PageTrail trail={v.trail} />
        </section>
      )}

      <section class="card">
        <h3>Earlier conversations</h3>
        <PreviousConversations previous={thread.previous} />
        <a class="all-conversations" href={routeHref({ name: 'history', visitorId: v.id })}>
          {historyText().allConversations}
        </a>
      </section>
    </aside>
  );
}
