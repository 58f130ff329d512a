/**
 * The call-in itself: a banner with "Go online", and a desktop notification when the console is
 * in a background tab (the notifier only shows it where the agent allowed notifications).
 */
import type { CallIn } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { callInText } from '../../i18n/call-in.js';

export function CallInBanner({ call, onClose }: { call: CallIn; onClose: () => void }) {
  const app = useApp();
  const t = callInText();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!app.isHidden()) return;
    app.notify({ title: t.title, body: t.body(call.by, call.siteName), tag: `call-in:${call.siteId}`, onClick: () => window.focus() });
  }, [call]);

  async function goOnline() {
    setBusy(true);
    const failure = await app.setStatus('online');
    setBusy(false);
    if (!failure) onClose();
  }

  return (
    <div class="banner banner-warn call-in" role="alert">
      <strong>{t.title}</strong> {t.body(call.by, call.siteName)}{' '}
      <button type="button" class="btn btn-primary btn-small" disabled={busy} onClick={() => void goOnline()}>
        {t.goOnline}
      </button>{' '}
      <button type="button" class="btn btn-quiet btn-small" onClick={onClose}>
        {t.dismiss}
      </button>
    </div>
  );
}
