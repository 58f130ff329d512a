/**
 * Connection trouble, or the shopper's place in the queue and the expected wait, updated
 * live. A role="status" region: screen readers hear each change without losing focus.
 */
import { formatWait } from '../../i18n/text';
import { useChat, useText } from './use-chat';

export function StatusBar() {
  const t = useText();
  const locale = useChat((s) => s.locale);
  const connection = useChat((s) => s.connection);
  const queue = useChat((s) => (s.conversation?.status === 'waiting' ? s.queue : null));
  let line = '';
  if (connection === 'connecting') line = t('connecting');
  else if (connection === 'offline') line = t('offline');
  else if (queue) {
    line = t('queue', { n: queue.position });
    if (queue.etaSeconds !== null) line += ` · ${t('wait', { t: formatWait(locale, queue.etaSeconds) })}`;
  }
  return (
    <p class="status" role="status">
      {line}
    </p>
  );
}
