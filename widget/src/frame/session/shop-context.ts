/**
 * What the shopper is looking at (page, product, cart), for the agent. Sent on every
 * connection and on every change; the server validates it, and if product or cart fail,
 * the page still counts.
 */
import type { ShopContext } from '../../bridge';
import type { Core } from './core';

export function createShopContext(core: Core) {
  const { state, live } = core;
  const context: ShopContext = { ...core.deps.context };

  async function send({ page, product, cart }: ShopContext, withLocale: boolean): Promise<void> {
    const t = live();
    if (!t) return;
    const base = { ...(withLocale && { locale: state().locale }), ...(page && { page }) };
    try {
      const ack = await t.request('visitor:context', {
        ...base,
        ...(product !== undefined && { product }),
        ...(cart !== undefined && { cart }),
      });
      if (!ack.ok && page) await t.request('visitor:context', base);
    } catch {
      // Handled by the next connection, which sends it again (a nicety for agents).
    }
  }

  return {
    /** Everything known, with the locale: on each connection. */
    resend: () => void send(context, true),
    set(next: ShopContext) {
      Object.assign(context, next);
      void send(next, false);
    },
  };
}
