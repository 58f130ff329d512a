import type { OrderProvider } from '../domain/orders/provider.js';
import type { StoredOrderProvider } from '../store/documents.js';
import { HttpOrderProvider } from './http-provider.js';

/** Stored settings -> the adapter that speaks to that kind of shop. */
export function providerFactory(options: { timeoutMs: number }) {
  return (settings: StoredOrderProvider): OrderProvider => {
    switch (settings.kind) {
      case 'http':
        return new HttpOrderProvider({ url: settings.url, secret: settings.secret, timeoutMs: options.timeoutMs });
      case 'vendure':
        // Not built yet: every call answers "unreachable" with the reason, never "no orders".
        return unavailable('the Vendure adapter is not available in this build');
    }
  };
}

function unavailable(reason: string): OrderProvider {
  const result = async () => ({ kind: 'unreachable' as const, reason });
  return { findCustomer: result, listOrders: result, getOrder: result, verifyGuest: result };
}
