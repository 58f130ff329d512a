import type { CartContext } from '@counter/shared';
import { money } from '../../lib/time-format.js';
import { shopperText } from '../../i18n/shopper.js';

export function CartList({ cart }: { cart: CartContext }) {
  if (!cart.items.length) return <p class="muted">{shopperText().empty}</p>;
  const count = cart.items.reduce((n, i) => n + i.quantity, 0);
  return (
    <>
      <ul class="cart">
        {cart.items.map((item, i) => (
          <li key={`${item.id ?? ''}-${i}`}>
            <span class="cart-qty">{item.quantity}×</span>
            <span class="cart-title">{item.title}</span>
            {item.price !== undefined && <span class="cart-price">{money(item.price * item.quantity, cart.currency)}</span>}
          </li>
        ))}
      </ul>
      <div class="cart-total">
        <span>
          {count} {count === 1 ? 'item' : 'items'}
        </span>
        {cart.total !== undefined && <strong>{money(cart.total, cart.currency)}</strong>}
      </div>
    </>
  );
}
