/**
 * The shopper's returns (a lazy chunk, loaded from an order's detail or a return's event in
 * the chat): each return's timeline read from the server, so it is the same after a reload
 * and on another device, and "Return or refund" on a delivered order.
 */
import type { ReturnRequestView, ShopperOrder } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import type { OrdersApi } from '../../session/orders';
import { adoptStyles } from '../orders/adopt-styles';
import { useChat, useSession } from '../use-chat';
import { ReturnForm } from './ReturnForm';
import { ReturnTimeline } from './ReturnTimeline';
import css from './returns.css?inline';
import { returnsText } from './returns-text';

adoptStyles(css);

/** In an order's detail: its returns, and the button that starts one. */
export function OrderReturns({ api, order }: { api: OrdersApi; order: ShopperOrder }) {
  const x = returnsText(useChat((s) => s.locale));
  const [mine, setMine] = useState<ReturnRequestView[]>([]);
  const [filing, setFiling] = useState(false);
  useEffect(() => {
    api.myReturns().then((all) => setMine(all.filter((r) => r.orderId === order.id)), () => setMine([]));
  }, [api, order.id]);
  return (
    <>
      {mine.length > 0 && <strong>{x.t('yourReturns')}</strong>}
      {mine.map((r) => (
        <ReturnTimeline key={r.id} request={r} x={x} />
      ))}
      {filing ? (
        <ReturnForm
          api={api}
          order={order}
          x={x}
          onCancel={() => setFiling(false)}
          onFiled={(r) => {
            setFiling(false);
            setMine((m) => [r, ...m.filter((o) => o.id !== r.id)]);
          }}
        />
      ) : (
        order.status === 'delivered' && (
          <button type="button" class="btn alt" onClick={() => setFiling(true)}>
            {x.t('start')}
          </button>
        )
      )}
    </>
  );
}

/** Under a return's event in the chat: where it stands now, asked again whenever the chat moves on. */
export function ReturnEventCard({ id }: { id: string }) {
  const x = returnsText(useChat((s) => s.locale));
  const session = useSession();
  const seen = useChat((s) => s.messages.length);
  const [request, setRequest] = useState<ReturnRequestView | null>(null);
  useEffect(() => {
    void session
      .orders()
      .then((api) => api.myReturns())
      .then((all) => setRequest(all.find((r) => r.id === id) ?? null), () => {});
  }, [id, seen]);
  return request ? <ReturnTimeline request={request} x={x} /> : null;
}
