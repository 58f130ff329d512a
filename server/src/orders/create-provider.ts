import type { OrderProvider } from '../domain/orders/provider.js';
import type { StoredOrderProvider } from '../store/documents.js';
import { HttpOrderProvider } from './http-provider.js';
import { VendureOrderProvider } from './vendure-provider.js';

/** Stored settings -> the adapter that speaks to that kind of shop. */
export function providerFactory(options: { timeoutMs: number }) {
  return (settings: StoredOrderProvider): OrderProvider => {
    switch (settings.kind) {
      case 'http':
        return new HttpOrderProvider({ url: settings.url, secret: settings.secret, timeoutMs: options.timeoutMs });
      case 'vendure':
        return new VendureOrderProvider({ url: settings.url, token: settings.secret, timeoutMs: options.timeoutMs });
    }
  };
}
