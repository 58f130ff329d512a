import type { CannedReply } from '@counter/shared';
import { conversationText } from '../../i18n/conversation.js';

export function CannedSuggestions({ replies, active, onPick }: { replies: CannedReply[]; active: number; onPick: (r: CannedReply) => void }) {
  return (
    <ul class="canned-pop" role="listbox" aria-label={conversationText().cannedReplies}>
      {replies.map((r, i) => (
        <li
          key={r.id}
          role="option"
          aria-selected={i === active}
          class={`canned-opt${i === active ? ' on' : ''}`}
          // mousedown, not click: the textarea must keep focus.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(r);
          }}
        >
          <span class="canned-short">/{r.shortcut}</span>
          <span class="canned-title">{r.title}</span>
          <span class="canned-text">{r.text}</span>
        </li>
      ))}
    </ul>
  );
}
