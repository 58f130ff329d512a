/**
 * The conversation's topic (issue 14 item 2): any staff member who sees it picks one of the
 * site's topics. The server routes a waiting conversation again by it and notes the change in
 * the history; the new topic comes back as a conversation update. A lazy part: sites without
 * topics cost the inbox nothing, and the first chunk carries none of it.
 */
import type { Conversation } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { createHttpClient } from '../../api/http-client.js';
import { topicsText } from '../../i18n/topics.js';

const http = createHttpClient((input, init) => fetch(input, init));
/** Per site for the session: the list changes rarely and every conversation of a site shares it. */
const lists = new Map<string, Promise<string[]>>();
const topicsOf = (siteId: string) => {
  let list = lists.get(siteId);
  if (!list) {
    list = http.request<{ topics: string[] }>('GET', `/api/v1/sites/${encodeURIComponent(siteId)}/topics`).then((r) => (r.ok ? r.data.topics : []));
    // A failed read is tried again on the next conversation rather than kept.
    void list.then((topics) => topics.length || lists.delete(siteId));
    lists.set(siteId, list);
  }
  return list;
};

export function TopicPicker({ conversation }: { conversation: Conversation }) {
  const t = topicsText();
  const [topics, setTopics] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null | undefined>(undefined);
  const current = pending !== undefined ? pending : (conversation.topic ?? null);

  useEffect(() => {
    let live = true;
    void topicsOf(conversation.siteId).then((list) => live && setTopics(list));
    return () => {
      live = false;
    };
  }, [conversation.siteId]);
  // The server's answer (a conversation update) replaces what was picked meanwhile.
  useEffect(() => setPending(undefined), [conversation.topic]);
  if (!topics.length && !conversation.topic) return null;

  async function change(value: string) {
    const topic = value || null;
    setPending(topic);
    const r = await http.request<{ topic: string | null }>('PUT', `/api/v1/conversations/${encodeURIComponent(conversation.id)}/topic`, { topic });
    setError(r.ok ? null : t.failed(r.error.message));
    if (!r.ok) setPending(undefined);
  }

  const options = current && !topics.includes(current) ? [...topics, current] : topics;
  return (
    <span class="topic-picker">
      <select aria-label={t.label} name="conversation-topic" value={current ?? ''} onChange={(e) => void change(e.currentTarget.value)}>
        <option value="">{t.none}</option>
        {options.map((topic) => (
          <option key={topic} value={topic}>
            {topic}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" class="error small">
          {error}
        </span>
      )}
    </span>
  );
}
