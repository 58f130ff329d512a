/** The leave-a-message form's strings: they load with its lazy chunk (see catalogue.ts). */
import type { Strings } from './catalogue';

export const LEAVE_MESSAGE = {
  leaveIntro: ['Leave a message and we will reply by email.', '请留言，我们会通过邮件回复您。'],
  email: ['Email', '邮箱'],
  name: ['Name (optional)', '姓名（选填）'],
  leaveSend: ['Send message', '提交留言'],
  leaveFailed: ['Your message could not be sent. Please try again.', '留言未能发送，请重试。'],
  // ---- offline email (issue 17): without SMTP the form promises no email ----
  left: ['Thanks! We will reply to {email}.', '谢谢！我们会回复到 {email}。'],
  leftHere: ['Thanks! We will answer here.', '谢谢！我们会在这里回复您。'],
  leaveIntroHere: [
    'Leave a message and we will answer here: open this chat again to read the reply.',
    '请留言，我们会在这里回复：稍后再次打开此聊天窗口即可查看。',
  ],
} satisfies Strings;
