/**
 * What a conversation is worth to routing (issue 14 item 2): the shopper's cart as their page
 * last reported it (setContext): its total, else the sum of its priced lines. Null without a
 * cart. One currency per shop is assumed (the rule's minimum is in the shop's currency).
 */
import type { CartContext } from '@counter/shared';

export function cartValue(cart: CartContext | null | undefined): number | null {
  if (!cart) return null;
  if (cart.total !== undefined) return cart.total;
  const priced = cart.items.filter((i) => i.price !== undefined);
  return priced.length ? priced.reduce((sum, i) => sum + i.price! * i.quantity, 0) : null;
}
