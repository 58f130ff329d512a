/**
 * Orders as each audience receives them, in one place (as views.ts does for chats):
 * - staff: everything, but the street, postal code and phones masked until revealed;
 * - shoppers: no street, phone, customer id or email at all (a guest lookup must not turn
 *   an order number and an email into a home address).
 */
import type { Address, AgentOrder, Customer, MaskedAddress, Order, OrderCard, ShopperOrder } from '@counter/shared';

const BULLETS = '••••';

/** "+86 138 0013 8000" -> "•••• 8000": enough to confirm with the caller, not to dial. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\D/g, '');
  return digits.length > 4 ? `${BULLETS} ${digits.slice(-4)}` : BULLETS;
}

const maskText = (value: string | null) => (value ? BULLETS : value);

export function maskAddress(address: Address): MaskedAddress {
  return {
    ...address,
    line1: maskText(address.line1),
    line2: maskText(address.line2),
    postalCode: maskText(address.postalCode),
    phone: maskPhone(address.phone),
    masked: true,
  };
}

export function agentOrderView(order: Order): AgentOrder {
  return { ...order, shippingAddress: order.shippingAddress ? maskAddress(order.shippingAddress) : null };
}

export function agentCustomerView(customer: Customer): Customer {
  return { ...customer, phone: maskPhone(customer.phone) };
}

export function shopperOrderView(order: Order): ShopperOrder {
  const { shippingAddress, customerId: _c, email: _e, ...rest } = order;
  return { ...rest, shipTo: shippingAddress ? { city: shippingAddress.city, country: shippingAddress.country } : null };
}

export function orderCardView(order: Order): OrderCard {
  return {
    orderId: order.id,
    number: order.number,
    status: order.status,
    currency: order.currency,
    total: order.total,
    itemCount: order.itemCount,
    preview: order.preview,
    placedAt: order.placedAt,
  };
}
