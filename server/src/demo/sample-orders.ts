/**
 * The demo storefront's orders: two customers and a handful of orders in every state a
 * shopper asks about (on its way, delivered, waiting for payment, cancelled). Dates are
 * relative to now so the demo always looks current.
 */
import type { Customer, Order } from '@counter/shared';

export const DEMO_CUSTOMERS: Customer[] = [
  { id: 'demo-customer-1', email: 'mei@example.com', name: 'Mei Lin', phone: '+86 138 0013 8000' },
  { id: 'demo-customer-2', email: 'alex@example.com', name: 'Alex Doe', phone: '+1 415 555 0134' },
];

const DAY = 86_400_000;
const HOUR = 3_600_000;

const trail = { id: 'trail-2', title: 'Trail Runner 2', image: null };
const knit = { id: 'city-knit', title: 'City Knit Sneaker', image: null };

function line(id: string, p: { id: string; title: string }, variant: string, quantity: number, unitPrice: number) {
  return { id, productId: p.id, sku: `${p.id}-${variant.replace(/\W+/g, '').toLowerCase()}`, title: p.title, variant, quantity, unitPrice, total: unitPrice * quantity, image: null };
}

export function demoOrders(now: number): Order[] {
  const meiAddress = {
    name: 'Mei Lin', line1: '88 Century Avenue, Apt 1203', line2: null, city: 'Shanghai', region: 'Shanghai',
    postalCode: '200120', country: 'CN', phone: '+86 138 0013 8000',
  };
  const alexAddress = {
    name: 'Alex Doe', line1: '500 Howard Street', line2: 'Floor 3', city: 'San Francisco', region: 'CA',
    postalCode: '94105', country: 'US', phone: '+1 415 555 0134',
  };
  const base = { paymentState: 'paid' as const, currency: 'USD' };
  return [
    {
      ...base, id: 'ord_1042', number: '1042', customerId: 'demo-customer-1', email: 'mei@example.com',
      placedAt: now - 3 * DAY, status: 'shipped', total: 15350, itemCount: 2, preview: trail.title,
      lines: [line('l1', trail, 'Ocean / 38', 1, 8900), line('l2', knit, 'Sand / 38', 1, 6450)],
      totals: { subtotal: 15350, shipping: 0, tax: 0, discount: 0, total: 15350 },
      shippingAddress: meiAddress,
      fulfilments: [{
        id: 'f1', status: 'in_transit', carrier: 'SF Express', trackingCode: 'SF1234567890123', trackingUrl: null, lineIds: ['l1', 'l2'],
        events: [
          { at: now - 2 * DAY - 20 * HOUR, status: 'shipped', description: 'Picked up by carrier', location: 'Hangzhou' },
          { at: now - 2 * DAY, status: 'in_transit', description: 'Departed sorting centre', location: 'Hangzhou' },
          { at: now - 6 * HOUR, status: 'in_transit', description: 'Arrived at local depot', location: 'Shanghai Pudong' },
        ],
      }],
      nextActions: ['return_request', 'voucher'],
    },
    {
      ...base, id: 'ord_1017', number: '1017', customerId: 'demo-customer-1', email: 'mei@example.com',
      placedAt: now - 40 * DAY, status: 'delivered', total: 6450, itemCount: 1, preview: knit.title,
      lines: [line('l1', knit, 'Sand / 38', 1, 6450)],
      totals: { subtotal: 6450, shipping: 0, tax: 0, discount: 0, total: 6450 },
      shippingAddress: meiAddress,
      fulfilments: [{
        id: 'f1', status: 'delivered', carrier: 'SF Express', trackingCode: 'SF9876543210987', trackingUrl: null, lineIds: ['l1'],
        events: [
          { at: now - 39 * DAY, status: 'shipped', description: 'Picked up by carrier', location: 'Hangzhou' },
          { at: now - 37 * DAY, status: 'delivered', description: 'Delivered, signed by the customer', location: 'Shanghai' },
        ],
      }],
      nextActions: ['return_request', 'refund', 'voucher'],
    },
    {
      id: 'ord_1051', number: '1051', customerId: 'demo-customer-1', email: 'mei@example.com', currency: 'USD',
      placedAt: now - 2 * HOUR, status: 'placed', paymentState: 'pending', total: 8900, itemCount: 1, preview: trail.title,
      lines: [line('l1', trail, 'Ocean / 39', 1, 8900)],
      totals: { subtotal: 8900, shipping: 0, tax: 0, discount: 0, total: 8900 },
      shippingAddress: meiAddress, fulfilments: [], nextActions: ['cancel'],
    },
    {
      ...base, id: 'ord_2003', number: '2003', customerId: 'demo-customer-2', email: 'alex@example.com',
      placedAt: now - 5 * DAY, status: 'processing', total: 18800, itemCount: 2, preview: trail.title,
      lines: [line('l1', trail, 'Ocean / 44', 2, 8900)],
      totals: { subtotal: 17800, shipping: 1000, tax: 0, discount: 0, total: 18800 },
      shippingAddress: alexAddress, fulfilments: [], nextActions: ['cancel', 'refund'],
    },
  ];
}
