/**
 * "What can we help with?" (issue 14 item 2): the site's topics as buttons in a new chat, a
 * chunk loaded after the first render. The composer stays below it: a shopper who skips or
 * just types is never blocked, and the picker goes once a topic is chosen or a message sent.
 */
import { useState } from 'preact/hooks';
import { TOPICS } from '../../../i18n/topics';
import { adoptStyles } from '../orders/adopt-styles';
import { useChat, useSession, useText } from '../use-chat';

adoptStyles(
  '.topics{padding:6px 12px;border-top:1px solid #d0d7de}.topics h3{font-size:13px;margin:4px 0;color:#57606a}' +
    '.topics div{display:flex;flex-wrap:wrap;gap:6px}.topics button{padding:6px 12px;border:1px solid #1d4ed8;border-radius:16px;background:#fff;color:#1d4ed8}' +
    '.topics button.skip{border-color:transparent;color:#57606a;text-decoration:underline}',
);

export function TopicPicker() {
  const t = useText(TOPICS);
  const session = useSession();
  const topics = useChat((s) => s.topics);
  // Chosen (also before a reload: the conversation carries it) or already talking: nothing to ask.
  const settled = useChat((s) => !!s.conversation?.topic || !!s.conversation?.lastSeq || s.messages.length > 0);
  const [skipped, setSkipped] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!topics?.length || settled || skipped) return null;
  const choose = (topic: string) => {
    setBusy(true);
    // Refused or offline: the buttons come back and the composer works as ever.
    session.topic(topic).catch(() => undefined).finally(() => setBusy(false));
  };
  return (
    <section class="topics" aria-label={t('ask')}>
      <h3>{t('ask')}</h3>
      <div>
        {topics.map((topic) => (
          <button type="button" disabled={busy} onClick={() => choose(topic)}>
            {topic}
          </button>
        ))}
        <button type="button" class="skip" onClick={() => setSkipped(true)}>
          {t('skip')}
        </button>
      </div>
    </section>
  );
}
