/**
 * The "My orders" button, for sites with an order provider. A chunk of its own, loaded after
 * the first render; the order views behind it load on its first click.
 */
import { useState } from 'preact/hooks';
import { ORDERS_ENTRY } from '../../../i18n/orders-entry';
import { lazy } from '../lazy';
import { useText } from '../use-chat';
import { adoptStyles } from './adopt-styles';

adoptStyles(
  '.orders-bar{margin:0;padding:2px 12px;text-align:end;border-bottom:1px solid #d0d7de}' +
    '.orders-bar button{border:0;background:none;color:#1d4ed8;font-weight:600;padding:6px 4px}',
);

/** No Vite preload helper: the order views have no CSS file or shared chunk to preload (see ../App.tsx). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const __vitePreload = (load: () => Promise<unknown>) => load();
const Orders = lazy(() => import('./Orders').then((m) => m.Orders));

export function OrdersEntry() {
  const t = useText(ORDERS_ENTRY);
  const [open, setOpen] = useState(false);
  return (
    <>
      <p class="orders-bar">
        <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
          {t('myOrders')}
        </button>
      </p>
      {open && <Orders onClose={() => setOpen(false)} />}
    </>
  );
}
