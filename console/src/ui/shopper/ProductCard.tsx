import type { ProductContext } from '@counter/shared';
import { safeHref } from '../../lib/linkify.js';
import { money } from '../../lib/time-format.js';
import { SafeLink } from '../common/SafeLink.js';

export function ProductCard({ product }: { product: ProductContext }) {
  // Only https images: no mixed content, nothing but an image request to a shop's CDN.
  const image = safeHref(product.image)?.startsWith('https:') ? product.image : null;
  return (
    <div class="product">
      {image && <img class="product-img" src={image} alt="" loading="lazy" referrerPolicy="no-referrer" />}
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
