/** "Return or refund": lines and quantities, a reason from the shop's list, an optional note and photos. */
import type { ReturnPolicy, ReturnRequestView, ShopperOrder } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import type { OrdersApi } from '../../session/orders';
import { RefusedError } from '../../session/transport';
import { useSession } from '../use-chat';
import type { ReturnsText } from './returns-text';

const uuid = () => crypto.randomUUID();

export function ReturnForm(props: { api: OrdersApi; order: ShopperOrder; x: ReturnsText; onFiled: (r: ReturnRequestView) => void; onCancel: () => void }) {
  const { api, order, x } = props;
  const session = useSession();
  const [policy, setPolicy] = useState<ReturnPolicy | null>(null);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [photos, setPhotos] = useState<{ id: string; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key per opened form: a double click or a retry files once.
  const [key] = useState(uuid);
  useEffect(() => {
    api.returnPolicy().then(setPolicy, () => setError(x.t('failed')));
  }, [api]);

  async function addPhotos(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    try {
      const conversationId = await api.conversationId();
      const attachments = await session.attachments();
      for (const file of Array.from(files).slice(0, 6 - photos.length)) {
        const meta = await attachments.upload(conversationId, { key: uuid(), clientId: uuid(), file }, () => {});
        setPhotos((p) => [...p, { id: meta.id, name: file.name }]);
      }
    } catch {
      setError(x.t('photoFailed'));
    }
    setBusy(false);
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const lines = order.lines.map((l) => ({ lineId: l.id, quantity: qty[l.id] ?? 0 })).filter((l) => l.quantity > 0);
    if (!lines.length) return setError(x.t('none'));
    setBusy(true);
    setError(null);
    try {
      const note = String(data.get('note') ?? '').trim();
      props.onFiled(
        await api.fileReturn({
          conversationId: await api.conversationId(),
          orderId: order.id,
          key,
          lines,
          reasonId: String(data.get('reason')),
          ...(note ? { note } : {}),
          attachmentIds: photos.map((p) => p.id),
        }),
      );
    } catch (err) {
      setError(err instanceof RefusedError && err.code === 'validation_failed' ? x.t('refused') : x.t('failed'));
      setBusy(false);
    }
  }

  return (
    <form class="returns" onSubmit={submit} aria-label={x.t('start')}>
      <fieldset>
        <legend>{x.t('which')}</legend>
        {order.lines.map((l) => (
          <label key={l.id} class="line">
            <span>
              {l.title}
              {l.variant && <span class="muted"> · {l.variant}</span>}
            </span>
            <input
              type="number"
              min={0}
              max={l.quantity}
              value={qty[l.id] ?? 0}
              aria-label={x.t('qty', l.title)}
              onInput={(e) => setQty({ ...qty, [l.id]: Math.max(0, Math.min(l.quantity, Number(e.currentTarget.value) || 0)) })}
            />
          </label>
        ))}
      </fieldset>
      <label>
        {x.t('reason')}
        <select name="reason" required>
          <option value="">{x.t('choose')}</option>
          {policy?.reasons.map((r) => (
            <option key={r.id} value={r.id}>
              {x.reason(r.label)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {x.t('note')}
        <textarea name="note" maxLength={500} rows={2} />
      </label>
      <fieldset>
        <legend>{x.t('photos')}</legend>
        <div class="photos">
          {photos.map((p) => (
            <span key={p.id}>{p.name}</span>
          ))}
        </div>
        <label class="btn alt">
          {busy ? x.t('uploading') : x.t('addPhoto')}
          <input type="file" accept="image/*" multiple hidden disabled={busy} onChange={(e) => void addPhotos(e.currentTarget.files)} />
        </label>
      </fieldset>
      {error && (
        <p class="err" role="alert">
          {error}
        </p>
      )}
      <button class="btn" disabled={busy}>
        {x.t('submit')}
      </button>
      <button type="button" class="btn alt" onClick={props.onCancel}>
        {x.t('cancel')}
      </button>
    </form>
  );
}
