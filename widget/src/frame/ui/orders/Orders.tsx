/**
 * "My orders" in the chat (a lazy chunk with its own words and styles): a verified shopper's
 * recent orders, a guest lookup by number + email, each order's status and tracking
 * timeline, and "Send to chat" to put the order in the conversation as a card.
 */
import type { OrderSummary, OrdersState, ShopperOrder } from '@counter/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OrdersApi } from '../../session/orders';
import { RefusedError } from '../../session/transport';
import { useChat, useSession } from '../use-chat';
import '../form-styles';
import { adoptStyles } from './adopt-styles';
import css from './orders.css?inline';
import { ordersText, type OrdersText } from './orders-text';
import { lazy } from '../lazy';

// The return flow and timelines load when an order is opened, not with the list.
const OrderReturns = lazy(() => import('../returns/Returns').then((m) => m.OrderReturns));

adoptStyles(css);

type View = { name: 'list' } | { name: 'order'; order: ShopperOrder };

export function Orders({ onClose }: { onClose: () => void }) {
  const locale = useChat((s) => s.locale);
  const session = useSession();
  const [api, setApi] = useState<OrdersApi | null>(null);
  useEffect(() => {
    void session.orders().then(setApi);
  }, [session]);
  return api ? <Panel api={api} x={ordersText(locale)} onClose={onClose} /> : null;
}

function Panel({ api, x, onClose }: { api: OrdersApi; x: OrdersText; onClose: () => void }) {
  const [view, setView] = useState<View>({ name: 'list' });
  const title = x.t('myOrders');
  const ref = useRef<HTMLElement>(null);
  // Keyboard and screen-reader users land in the panel, on its heading.
  useEffect(() => ref.current?.querySelector('h2')?.focus(), [view.name]);
  return (
    <section class="orders-panel" role="dialog" aria-label={title} ref={ref}>
      <header>
        {view.name === 'order' && (
          <button type="button" onClick={() => setView({ name: 'list' })}>
            ← {x.t('back')}
          </button>
        )}
        <h2 tabIndex={-1}>{view.name === 'order' ? x.t('order', view.order.number) : title}</h2>
        <button type="button" aria-label={x.t('close')} onClick={onClose}>
          ✕
        </button>
      </header>
      <div class="orders-body">
        {view.name === 'list' ? (
          <>
            <List api={api} x={x} show={(order) => setView({ name: 'order', order })} />
            <SendProduct api={api} x={x} onSent={onClose} />
          </>
        ) : (
          <Detail api={api} x={x} order={view.order} onSent={onClose} />
        )}
      </div>
    </section>
  );
}

function List({ api, x, show }: { api: OrdersApi; x: OrdersText; show: (o: ShopperOrder) => void }) {
  const [state, setState] = useState<OrdersState<OrderSummary[]> | null>(null);
  const [error, setError] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setState(null);
    setError(false);
    api.mine().then(setState, () => setError(true));
  }, [attempt]);

  const open = (id: string) => api.get(id).then(show, () => setError(true));
  if (error || state?.state === 'unreachable') {
    return (
      <div role="alert">
        <p>{x.t('unreachable')}</p>
        <button type="button" class="btn alt" onClick={() => setAttempt((n) => n + 1)}>
          {x.t('retry')}
        </button>
      </div>
    );
  }
  if (!state) return <p class="muted">{x.t('loading')}</p>;
  return (
    <>
      {state.state === 'ok' &&
        (state.value.length ? (
          <ul>
            {state.value.map((o) => (
              <li key={o.id}>
                <button type="button" onClick={() => void open(o.id)}>
                  <strong>{x.t('order', o.number)} · {x.status(o.status)}</strong>
                  <span class="muted">
                    {x.date(o.placedAt)} · {o.itemCount === 1 ? x.t('item') : x.t('items', o.itemCount)} · {x.money(o.total, o.currency)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{x.t('none')}</p>
        ))}
      {state.state !== 'ok' && <Lookup api={api} x={x} found={show} />}
    </>
  );
}

function Lookup({ api, x, found }: { api: OrdersApi; x: OrdersText; found: (o: ShopperOrder) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      found(await api.lookup(String(data.get('number')).trim(), String(data.get('email')).trim()));
    } catch (err) {
      const code = err instanceof RefusedError ? err.code : '';
      setError(code === 'not_found' ? x.t('noMatch') : code === 'too_many_attempts' ? x.t('tooMany') : x.t('failed'));
    }
    setBusy(false);
  };
  return (
    <form onSubmit={submit} aria-label={x.t('find')}>
      <strong>{x.t('find')}</strong>
      <p class="muted">{x.t('findIntro')}</p>
      <label>
        {x.t('number')}
        <input name="number" required maxLength={128} autocomplete="off" />
      </label>
      <label>
        {x.t('email')}
        <input name="email" type="email" required maxLength={254} autocomplete="email" />
      </label>
      {error && (
        <p class="err" role="alert">
          {error}
        </p>
      )}
      <button class="btn" disabled={busy}>
        {x.t('lookup')}
      </button>
    </form>
  );
}

function Detail({ api, x, order: o, onSent }: { api: OrdersApi; x: OrdersText; order: ShopperOrder; onSent: () => void }) {
  const [error, setError] = useState(false);
  const send = () => api.sendCard(o.id).then(onSent, () => setError(true));
  return (
    <>
      <p>
        <strong>{x.status(o.status)}</strong> · <span class="muted">{x.date(o.placedAt)}</span>
      </p>
      <div class="orders-lines">
        {o.lines.map((l) => (
          <div key={l.id}>
            <span>
              {l.quantity}× {l.title}
              {l.variant && <span class="muted"> · {l.variant}</span>}
            </span>
            <span>{x.money(l.total, o.currency)}</span>
          </div>
        ))}
        <div>
          <strong>{x.t('total')}</strong>
          <strong>{x.money(o.totals.total, o.currency)}</strong>
        </div>
      </div>
      <strong>{x.t('tracking')}</strong>
      {o.fulfilments.length === 0 && <p class="muted">{x.t('notShipped')}</p>}
      {o.fulfilments.map((f) => (
        <div key={f.id}>
          <p>
            {x.track(f.status)}
            {f.carrier && ` · ${f.carrier}`}
            {f.trackingCode && ` · ${f.trackingCode}`}
          </p>
          <ol class="orders-timeline">
            {[...f.events].reverse().map((e, i) => (
              <li key={i}>
                <span class="muted">{x.time(e.at)}</span> {e.description}
                {e.location && ` · ${e.location}`}
              </li>
            ))}
          </ol>
        </div>
      ))}
      {o.shipTo && (
        <p class="muted">
          {x.t('shipTo')}: {[o.shipTo.city, o.shipTo.country].filter(Boolean).join(', ')}
        </p>
      )}
      {error && (
        <p class="err" role="alert">
          {x.t('failed')}
        </p>
      )}
      <button type="button" class="btn" onClick={() => void send()}>
        {x.t('send')}
      </button>
      <OrderReturns api={api} order={o} />
    </>
  );
}

/** The product the shopper is looking at, into the conversation as a card. */
function SendProduct({ api, x, onSent }: { api: OrdersApi; x: OrdersText; onSent: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const send = () =>
    api.sendProduct().then(onSent, (err: unknown) =>
      setError(err instanceof RefusedError && err.code === 'not_found' ? x.t('noProduct') : x.t('failed')),
    );
  return (
    <>
      <button type="button" class="btn alt" onClick={() => void send()}>
        {x.t('sendProduct')}
      </button>
      {error && (
        <p class="err" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
