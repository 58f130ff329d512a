/**
 * Who the shopper is and what they are doing: identity, the page and product in front of
 * them, their cart, where they have been, and earlier conversations. All of it comes from
 * the shopper's browser or the shop, so all of it is shown as text.
 */
import type { ConversationId, VisitorProfile } from '@counter/shared';
import { useApp } from '../../app/app-context.js';
import { shopperText } from '../../i18n/shopper.js';
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
import { historyLinksText } from '../../i18n/history-links.js';
import { routeHref } from '../../stores/route-store.js';

/** What of the shopper the shop signed: the id always, name and email only with a JWT. */
function identityText(v: VisitorProfile, t = shopperText()): string {
  if (!v.verified) return t.notVerified;
  const customer = t.verifiedCustomer(v.externalId ?? null);
  const unsigned = [v.name && !v.nameVerified ? ('name' as const) : null, v.email && !v.emailVerified ? ('email' as const) : null].filter((f) => f !== null);
  return unsigned.length ? t.unsigned(customer, unsigned) : customer;
}

export function ShopperPanel({ id }: { id: ConversationId }) {
  const app = useApp();
  const thread = useStore(app.stores.threads, (s) => s.threads[id]);
  const v = thread?.visitor;
  const c = thread?.conversation;
  const t = shopperText();
  if (!v || !c) return <aside class="shopper" aria-label={t.panel} />;
  const label = visitorLabel(v);

  return (
    <aside class="shopper" aria-label={t.panel}>
      <button type="button" class="btn btn-small panel-close" onClick={() => app.stores.ui.getState().togglePanel()}>
        {t.close}
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
                  <span class="mark-verified-email" title={t.signedByShop} aria-label={t.verifiedEmail}>
                    ✓
                  </span>
                ) : (
                  <span class="small">{t.emailNotVerified}</span>
                )}
              </div>
            )}
          </div>
        </div>
        <dl class="facts">
          <dt>{t.identity}</dt>
          <dd>{identityText(v)}</dd>
          {v.locale && (
            <>
              <dt>{t.language}</dt>
              <dd>{t.languages[v.locale] ?? v.locale}</dd>
            </>
          )}
          {c.contactEmail && (
            <>
              <dt>{t.leftEmail}</dt>
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
        <h3>{t.nowViewing}</h3>
        {v.currentPage ? (
          <SafeLink class="page-link" href={v.currentPage.url}>
            {v.currentPage.title || v.currentPage.url}
          </SafeLink>
        ) : (
          <p class="muted">{t.unknown}</p>
        )}
      </section>

      <OrdersSection conversationId={c.id} />

      {v.product && (
        <section class="card">
          <h3>{t.product}</h3>
          <ProductCard product={v.product} conversationId={id} />
        </section>
      )}

      {v.cart && (
        <section class="card">
          <h3>{t.cart}</h3>
          <CartList cart={v.cart} />
        </section>
      )}

      {v.trail.length > 0 && (
        <section class="card">
          <h3>{t.pagesVisited}</h3>
          <PageTrail trail={v.trail} />
        </section>
      )}

      <section class="card">
        <h3>{t.earlier}</h3>
        <PreviousConversations previous={thread.previous} />
        <a class="all-conversations" href={routeHref({ name: 'history', visitorId: v.id })}>
          {historyLinksText().allConversations}
        </a>
      </section>
    </aside>
  );
}
