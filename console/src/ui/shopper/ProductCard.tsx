import type { ConversationId, ProductContext } from '@counter/shared';
import { money } from '../../lib/time-format.js';
import { SafeLink } from '../common/SafeLink.js';

/**
 * The product's picture comes through our server (`product-image`), never from the URL the
 * shopper gave: loading that would tell the shopper when, and from which network, an agent
 * looks (the console's CSP allows images from this server only). A picture the server
 * refuses or cannot fetch leaves the card without one.
 */
export function productImageUrl(conversationId: ConversationId): string {
  return `/api/v1/conversations/${encodeURIComponent(conversationId)}/product-image`;
}

export function ProductCard({ product, conversationId }: { product: ProductContext; conversationId: ConversationId }) {
  return (
    <div class="product">
      {product.image && (
        <img
          class="product-img"
          src={productImageUrl(conversationId)}
          alt=""
          loading="lazy"
          onError={(event) => (event.currentTarget.hidden = true)}
        />
      )}
      <div>
        <SafeLink class="product-title" href={product.url}>
          {product.title}
        </SafeLink>
        {product.price !== undefined && <div class="product-price">{money(product.price, product.currency)}</div>}
        {product.id && <div class="muted small">SKU {product.id}</div>}
      </div>
    </div>
  );
}
