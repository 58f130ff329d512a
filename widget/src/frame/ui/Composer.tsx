/**
 * Where the shopper writes. Enter sends, Shift+Enter breaks the line, and an Enter that
 * confirms an input-method composition (pinyin!) never sends half a word. 16 px text, so
 * phones do not zoom in on focus.
 */
import { LIMITS } from '@counter/shared';
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import type { EmojiPicker as Picker } from './EmojiPicker';
import { Icon } from './Icon';
import { attach } from './attach/attach-entry';
import { useAutofocus, useSession, useText } from './use-chat';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
const __vitePreload = (load: () => Promise<unknown>) => load();

export function Composer() {
  const t = useText();
  const session = useSession();
  const autofocus = useAutofocus<HTMLTextAreaElement>();
  // The picker's code loads on the first click of its button (a lazy chunk).
  const [EmojiPicker, setPicker] = useState<ComponentType<Parameters<typeof Picker>[0]> | null>(null);
  const [picking, setPicking] = useState(false);
  const togglePicker = () => {
    if (!EmojiPicker) void import('./EmojiPicker').then((m) => setPicker(() => m.EmojiPicker));
    setPicking(!picking);
  };
  const closePicker = () => {
    setPicking(false);
    autofocus.current!.focus();
  };
  const pick = (emoji: string) => {
    const box = autofocus.current!;
    box.setRangeText(emoji, box.selectionStart, box.selectionEnd, 'end');
    session.typing(true);
    closePicker();
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const box = autofocus.current!;
    session.send(box.value);
    box.value = '';
  };

  return (
    <>
    {picking && EmojiPicker && <EmojiPicker onPick={pick} onClose={closePicker} />}
    <form class="composer" onSubmit={submit}>
      <label class="send attach" title={t('attach')}>
        <input type="file" class="sr" aria-label={t('attach')} accept="image/*,.pdf" multiple onChange={(e) => (attach(session, e.currentTarget.files), (e.currentTarget.value = ""))} />
        +
      </label>
      <textarea
        ref={autofocus}
        rows={1}
        aria-label={t('message')}
        placeholder={t('placeholder')}
        maxLength={LIMITS.messageLength}
        onInput={(e) => session.typing(!!e.currentTarget.value.trim())}
        onKeyDown={(e) => e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229 && submit(e)}
        onBlur={() => session.typing(false)}
        onPaste={(e) => attach(session, e.clipboardData?.files)}
      />
      <button type="button" class="emo" aria-label={t('emoji')} aria-expanded={picking} onClick={togglePicker}>
        😊
      </button>
      <button class="send" aria-label={t('send')}>
        <Icon name="send" />
      </button>
    </form>
    </>
  );
}
