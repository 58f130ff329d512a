/** Nobody online, or outside business hours: an email and a message, answered later. */
import { LIMITS } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useAutofocus, useSession, useText } from './use-chat';
import { useWords } from './use-words';

/** This form's words ship with it, not in the first render's catalogue. */
const WORDS = {
  leaveIntro: ['Leave a message and we will reply by email.', '请留言，我们会通过邮件回复您。'],
  email: ['Email', '邮箱'],
  name: ['Name (optional)', '姓名（选填）'],
  leaveSend: ['Send message', '提交留言'],
  leaveFailed: ['Your message could not be sent. Please try again.', '留言未能发送，请重试。'],
} satisfies Record<string, [string, string]>;

export function LeaveMessage() {
  const t = useText();
  const w = useWords(WORDS);
  const session = useSession();
  const autofocus = useAutofocus<HTMLInputElement>();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: string) => String(form.get(name));
    setBusy(true);
    setFailed(!(await session.leaveMessage({ email: field('email'), name: field('name'), text: field('text') })));
    setBusy(false);
  };

  return (
    <form class="card" onSubmit={submit}>
      <p class="note">{w('leaveIntro')}</p>
      <label>
        {w('email')}
        <input ref={autofocus} name="email" type="email" required autoComplete="email" maxLength={254} />
      </label>
      <label>
        {w('name')}
        <input name="name" autoComplete="name" maxLength={100} />
      </label>
      <label>
        {t('message')}
        <textarea name="text" required rows={3} maxLength={LIMITS.messageLength} />
      </label>
      {failed && (
        <p class="fail" role="alert">
          {w('leaveFailed')}
        </p>
      )}
      <button class="btn" disabled={busy}>
        {w('leaveSend')}
      </button>
    </form>
  );
}
