/**
 * The reply box. Enter sends, Shift+Enter breaks the line, "/shortcut" offers canned
 * replies (expanded with the shopper's and agent's details), Alt+N switches to an internal
 * note. The shopper sees "typing…" while the agent types a reply (never for a note).
 */
import { LIMITS, type CannedReply } from '@counter/shared';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { conversationText } from '../../i18n/conversation.js';
import { expandTemplate, insertCanned, matchCanned, slashTokenAt, type SlashToken } from '../../lib/canned-template.js';
import { canAct } from '../../lib/thread-access.js';
import { createTypingSignal } from '../../lib/typing-signal.js';
import { useStore } from '../../lib/use-store.js';
import type { Thread } from '../../stores/threads-store.js';
import { CannedSuggestions } from './CannedSuggestions.js';
import { AttachButton, PendingUploads } from './AttachControls.js';
import { LazyEmojiPicker } from './lazy-emoji-picker.js';
import { insertEmoji } from '@counter/shared';
import { emojiText } from '../../i18n/emoji.js';

export function Composer({ thread }: { thread: Thread }) {
  const app = useApp();
  const me = useStore(app.stores.session, (s) => s.agent);
  const replies = useStore(app.stores.canned, (s) => s.replies);
  const focusTick = useStore(app.stores.ui, (s) => s.composerFocus);
  const text = useStore(app.stores.ui, (s) => s.drafts[thread.id] ?? '');
  const canReply = canAct(thread, me);
  const [mode, setMode] = useState<'reply' | 'note'>(canReply ? 'reply' : 'note');
  const [token, setToken] = useState<SlashToken | null>(null);
  const [pick, setPick] = useState(0);
  const [tooLong, setTooLong] = useState(false);
  const [picking, setPicking] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const note = mode === 'note' || !canReply;
  const t = conversationText();

  const typing = useMemo(() => createTypingSignal((on) => app.conversations.typing(thread.id, on)), [thread.id]);
  useEffect(() => () => typing.stop(), [typing]);
  useEffect(() => {
    if (focusTick) area.current?.focus();
  }, [focusTick]);
  // Taking, reopening or losing the conversation picks the sensible mode again.
  useEffect(() => setMode(canReply ? 'reply' : 'note'), [canReply]);

  const matches = token ? matchCanned(replies, token.query) : [];
  const setText = (value: string) => app.stores.ui.getState().setDraft(thread.id, value);

  function update(value: string, caret: number) {
    setText(value);
    setTooLong(value.length > LIMITS.messageLength);
    const next = slashTokenAt(value, caret);
    setToken(next);
    if (next?.query !== token?.query) setPick(0);
    if (!note && value.trim() && !next) typing.input();
    if (!value.trim()) typing.stop();
  }

  function choose(reply: CannedReply) {
    if (!token) return;
    const expansion = expandTemplate(reply.text, {
      visitor: thread.visitor ? { name: thread.visitor.name, email: thread.visitor.email } : null,
      agent: { name: me?.name ?? '' },
      product: thread.visitor?.product ?? null,
    });
    const { text: next, caret } = insertCanned(text, token, expansion);
    setText(next);
    setToken(null);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(caret, caret);
    });
  }

  /** The emoji goes where the caret was (the textarea keeps its selection while the picker has focus). */
  function pickEmoji(emoji: string) {
    const box = area.current!;
    const next = insertEmoji(text, box.selectionStart, box.selectionEnd, emoji);
    setPicking(false);
    update(next.text, next.caret);
    requestAnimationFrame(() => {
      box.focus();
      box.setSelectionRange(next.caret, next.caret);
    });
  }

  function send() {
    const value = text.trim();
    if (!value || value.length > LIMITS.messageLength) return;
    void app.sender.send(thread.id, value, note);
    setText('');
    setToken(null);
    typing.stop();
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.altKey && e.code === 'KeyN') {
      e.preventDefault();
      if (canReply) setMode(note ? 'reply' : 'note');
      return;
    }
    if (matches.length) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setPick((p) => (p + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Tab') {
        e.preventDefault();
        choose(matches[Math.min(pick, matches.length - 1)]!);
        return;
      }
      if (e.key === 'Escape') {
        e.stopPropagation();
        setToken(null);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  }

  return (
    <div class={`composer${note ? ' composer-note' : ''}`}>
      <div class="composer-modes" role="tablist" aria-label={t.messageType}>
        <button type="button" role="tab" aria-selected={!note} class={`mode${!note ? ' on' : ''}`} disabled={!canReply} onClick={() => setMode('reply')}>
          {t.reply}
        </button>
        <button type="button" role="tab" aria-selected={note} class={`mode${note ? ' on' : ''}`} onClick={() => setMode('note')}>
          {t.internalNote}
        </button>
        <span class="composer-hint">{note ? t.notesHint : t.replyHint}</span>
      </div>
      <PendingUploads conversationId={thread.id} />
      {picking && (
        <LazyEmojiPicker
          onPick={pickEmoji}
          onClose={() => {
            setPicking(false);
            area.current?.focus();
          }}
        />
      )}
      {matches.length > 0 && <CannedSuggestions replies={matches} active={Math.min(pick, matches.length - 1)} onPick={choose} />}
      <div class="composer-row">
        <textarea
          ref={area}
          class="composer-input"
          aria-label={note ? t.internalNote : t.replyLabel}
          placeholder={note ? t.notePlaceholder : t.replyPlaceholder}
          rows={3}
          value={text}
          onInput={(e) => update(e.currentTarget.value, e.currentTarget.selectionStart ?? e.currentTarget.value.length)}
          onKeyDown={onKeyDown}
          onBlur={() => typing.stop()}
          onPaste={(e) => {
            // A pasted screenshot is a file; pasted text stays text.
            const files = e.clipboardData?.files;
            if (canReply && files?.length) app.attachments.add(thread.id, files);
          }}
        />
        <AttachButton conversationId={thread.id} disabled={!canReply} />
        <button
          type="button"
          class="btn emoji-toggle"
          aria-label={emojiText().emoji}
          aria-expanded={picking}
          onClick={() => setPicking(!picking)}
        >
          😊
        </button>
        <button type="button" class="btn btn-primary send" disabled={!text.trim() || tooLong} onClick={send}>
          {note ? t.addNote : t.send}
        </button>
      </div>
      {tooLong && (
        <p class="form-error" role="alert">
          {t.tooLong(text.length - LIMITS.messageLength)}
        </p>
      )}
    </div>
  );
}
