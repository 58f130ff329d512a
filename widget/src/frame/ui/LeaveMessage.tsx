/** Nobody online, or outside business hours: an email and a message, answered later. */
import { LIMITS } from '@counter/shared';
import { useState } from 'preact/hooks';
import { CHAT } from '../../i18n/catalogue';
import { LEAVE_MESSAGE } from '../../i18n/leave-message';
import { useAutofocus, useChat, useSession, useText } from './use-chat';

/** The form's own strings, and the chat's "Message" label. */
const STRINGS = { ...CHAT, ...LEAVE_MESSAGE };

/** Without SMTP nothing is mailed (issue 17): the thanks then promises no email. */
export function LeftNote() {
  const t = useText(LEAVE_MESSAGE);
  const email = useChat((s) => s.leftEmail);
  const mail = useChat((s) => s.mail);
  return <p class="note">{mail ? t('left', { email: email! }) : t('leftHere')}</p>;
}

export function LeaveMessage() {
  const t = useText(STRINGS);
  const session = useSession();
  const autofocus = useAutofocus<HTMLInputElement>();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const mail = useChat((s) => s.mail);

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
      <p class="note">{t(mail ? 'leaveIntro' : 'leaveIntroHere')}</p>
      <label>
        {t('email')}
        <input ref={autofocus} name="email" type="email" required autoComplete="email" maxLength={254} />
      </label>
      <label>
        {t('name')}
        <input name="name" autoComplete="name" maxLength={100} />
      </label>
      <label>
        {t('message')}
        <textarea name="text" required rows={3} maxLength={LIMITS.messageLength} />
      </label>
      {failed && (
        <p class="fail" role="alert">
          {t('leaveFailed')}
        </p>
      )}
      <button class="btn" disabled={busy}>
        {t('leaveSend')}
      </button>
    </form>
  );
}
