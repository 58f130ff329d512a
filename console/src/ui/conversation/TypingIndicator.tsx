import { conversationText } from '../../i18n/conversation.js';

export function TypingIndicator({ active }: { active: boolean }) {
  return (
    <div class="typing" aria-live="polite">
      {active && (
        <span class="typing-on">
          <span class="typing-dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          {conversationText().typing}
        </span>
      )}
    </div>
  );
}
