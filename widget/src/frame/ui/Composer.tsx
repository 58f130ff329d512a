/**
 * Where the shopper writes. Enter sends, Shift+Enter breaks the line, and an Enter that
 * confirms an input-method composition (pinyin!) never sends half a word. 16 px text, so
 * phones do not zoom in on focus.
 */
import { LIMITS } from '@counter/shared';
import { Icon } from './Icon';
import { attach } from './attach/attach-entry';
import { useAutofocus, useSession, useText } from './use-chat';

export function Composer() {
  const t = useText();
  const session = useSession();
  const autofocus = useAutofocus<HTMLTextAreaElement>();

  const submit = (event: Event) => {
    event.preventDefault();
    const box = autofocus.current!;
    session.send(box.value);
    box.value = '';
  };

  return (
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
      <button class="send" aria-label={t('send')}>
        <Icon name="send" />
      </button>
    </form>
  );
}
