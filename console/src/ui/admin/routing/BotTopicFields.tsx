/**
 * The bot as a topic source (issue 14 item 2), on the Routing form: the topic of order
 * questions and, per topic, the words (KB tags or words of a question) that set it.
 */
import type { RoutingSettings, TopicKeywords } from '@counter/shared';
import { topicsText } from '../../../i18n/topics.js';

/** "Returns: refund, 退货" per line; lines without a colon or words are left out. */
export const parseKeywords = (text: string): TopicKeywords[] =>
  text
    .split('\n')
    .map((line) => {
      const at = line.indexOf(':') >= 0 ? line.indexOf(':') : line.indexOf('：');
      if (at < 0) return null;
      const keywords = line.slice(at + 1).split(/[,，]/).map((w) => w.trim()).filter(Boolean);
      return keywords.length ? { topic: line.slice(0, at).trim(), keywords } : null;
    })
    .filter((k): k is TopicKeywords => k !== null);

const formatKeywords = (list: TopicKeywords[] = []) => list.map((k) => `${k.topic}: ${k.keywords.join(', ')}`).join('\n');

export function BotTopicFields({ settings, set }: { settings: RoutingSettings; set: (patch: Partial<RoutingSettings>) => void }) {
  const t = topicsText();
  return (
    <div class="form-row">
      <label class="field field-narrow">
        <span>{t.orderTopic}</span>
        <select name="routing-order-topic" value={settings.orderTopic ?? ''} onChange={(e) => set({ orderTopic: e.currentTarget.value || null })}>
          <option value="">{t.none}</option>
          {settings.topics.map((topic) => (
            <option key={topic} value={topic}>{topic}</option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t.keywords}</span>
        <textarea
          name="routing-topic-keywords"
          rows={3}
          defaultValue={formatKeywords(settings.topicKeywords)}
          onChange={(e) => set({ topicKeywords: parseKeywords(e.currentTarget.value) })}
        />
        <small class="muted">{t.keywordsHint}</small>
      </label>
    </div>
  );
}
