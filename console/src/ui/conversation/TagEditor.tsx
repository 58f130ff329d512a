/** Topic tags on a conversation (for reporting): lower-case words, at most 10. */
import type { Conversation } from '@counter/shared';
import { LIMITS } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { describeError } from '../../lib/client-error.js';
import { conversationText } from '../../i18n/conversation.js';
import { RowError } from '../common/RowError.js';

const TAG = /^[\p{L}\p{N} _-]+$/u;

export function normalizeTag(raw: string): string | null {
  const tag = raw.trim().toLowerCase();
  return tag && tag.length <= LIMITS.tagLength && TAG.test(tag) ? tag : null;
}

export function TagEditor({ conversation }: { conversation: Conversation }) {
  const app = useApp();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const tags = conversation.tags;
  const t = conversationText();

  async function save(next: string[]) {
    const failure = await app.conversations.setTags(conversation.id, next);
    setError(failure ? describeError(failure) : null);
  }

  function add() {
    const tag = normalizeTag(draft);
    if (!tag) return setError(draft.trim() ? t.tagRule : null);
    setDraft('');
    if (tags.includes(tag)) return;
    if (tags.length >= LIMITS.tagsPerConversation) return setError(t.tooManyTags(LIMITS.tagsPerConversation));
    void save([...tags, tag]);
  }

  return (
    <div class="tags" aria-label={t.tags}>
      {tags.map((tag) => (
        <span class="tag" key={tag}>
          {tag}
          <button type="button" class="tag-x" aria-label={t.removeTag(tag)} onClick={() => void save(tags.filter((other) => other !== tag))}>
            ×
          </button>
        </span>
      ))}
      <input
        class="tag-input"
        placeholder={t.tagPlaceholder}
        aria-label={t.addTag}
        value={draft}
        maxLength={LIMITS.tagLength}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            e.preventDefault();
            add();
          }
        }}
        onBlur={() => draft.trim() && add()}
      />
      <RowError error={error} />
    </div>
  );
}
