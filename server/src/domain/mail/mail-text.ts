/** The words of the mails Counter sends a shopper, in their language, and how they are laid out. */
import type { MessageDoc } from '../../store/documents.js';

const en = {
  repliesSubject: (site: string) => `New reply from ${site}`,
  repliesIntro: (site: string) => `${site} replied to your message:`,
  transcriptSubject: (site: string) => `Your conversation with ${site}`,
  transcriptIntro: (site: string) => `Here is your conversation with ${site}.`,
  you: 'You',
  agent: 'Support',
  open: 'Open the conversation',
  until: (date: string) => `This link works until ${date}. Reply in the chat on the shop's site.`,
};

const zh: typeof en = {
  repliesSubject: (site) => `${site} 回复了您`,
  repliesIntro: (site) => `${site} 回复了您的留言：`,
  transcriptSubject: (site) => `您与 ${site} 的对话记录`,
  transcriptIntro: (site) => `以下是您与 ${site} 的对话记录。`,
  you: '您',
  agent: '客服',
  open: '查看对话',
  until: (date) => `此链接有效期至 ${date}。如需回复，请在商店网站的聊天窗口中留言。`,
};

export type MailLocale = 'en' | 'zh';
export const mailText = (locale: MailLocale) => (locale === 'zh' ? zh : en);

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface MailBody {
  subject: string;
  text: string;
  html: string;
}

/** A mail listing messages, with the link back; `kind` picks the subject and opening line. */
export function composeMail(input: {
  kind: 'replies' | 'transcript';
  locale: MailLocale;
  siteName: string;
  messages: MessageDoc[];
  link: string;
  linkExpiresAt: number;
}): MailBody {
  const t = mailText(input.locale);
  const subject = input.kind === 'replies' ? t.repliesSubject(input.siteName) : t.transcriptSubject(input.siteName);
  const intro = input.kind === 'replies' ? t.repliesIntro(input.siteName) : t.transcriptIntro(input.siteName);
  const until = t.until(new Date(input.linkExpiresAt).toISOString().slice(0, 10));
  const who = (m: MessageDoc) => (m.author === 'visitor' ? t.you : (m.authorName ?? t.agent));
  const text = [intro, '', ...input.messages.map((m) => `${who(m)}: ${m.text}`), '', `${t.open}: ${input.link}`, until].join('\n');
  const rows = input.messages
    .map(
      (m) =>
        `<tr><td style="padding:6px 10px;color:#555;vertical-align:top;white-space:nowrap"><b>${escapeHtml(who(m))}</b></td>` +
        `<td style="padding:6px 10px;white-space:pre-wrap">${escapeHtml(m.text)}</td></tr>`,
    )
    .join('');
  const html =
    `<!doctype html><html lang="${input.locale === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:system-ui,-apple-system,'Segoe UI',Roboto,'PingFang SC','Microsoft YaHei',sans-serif,'Apple Color Emoji','Segoe UI Emoji','Noto Color Emoji';color:#222;max-width:560px;margin:24px auto">` +
    `<p>${escapeHtml(intro)}</p><table style="border-collapse:collapse;width:100%;background:#f6f7f9;border-radius:8px">${rows}</table>` +
    `<p><a href="${escapeHtml(input.link)}" style="display:inline-block;background:#2557d6;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(t.open)}</a></p>` +
    `<p style="color:#777;font-size:12px">${escapeHtml(until)}</p></body></html>`;
  return { subject, text, html };
}
