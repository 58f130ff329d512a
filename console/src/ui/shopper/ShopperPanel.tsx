/**
 * Who the shopper is and what they are doing: identity, the page and product in front of
 * them, their cart, where they have been, and earlier conversations. All of it comes from
 * the shopper's browser or the shop, so all of it is shown as text.
 */
import type { ConversationId } from '@counter/shared';
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

const LOCALES: Record<string, string> = { en: 'English', zh: '中文 (Chinese)' };

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
              <span class="shopper-name">{label}</span> <VisitorBadges verified={v.verified} tier={v.tier} />
            </div>
            {v.email && <div class="muted shopper-email">{v.email}</div>}
          </div>
        </div>
        <dl class="facts">
          <dt>Identity</dt>
          <dd>{v.verified ? `Verified customer${v.externalId ? ` #${v.externalId}` : ''}` : 'Not verified (anonymous or self-declared)'}</dd>
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
          <ProductCard product={v.product} />
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
      </section>
    </aside>
  );
}
