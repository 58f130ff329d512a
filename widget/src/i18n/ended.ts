/** The ended conversation's strings (rating, new chat): they load with its lazy chunk (see catalogue.ts). */
import type { Strings } from './catalogue';

export const ENDED = {
  ended: ['This conversation has ended.', '本次会话已结束。'],
  rate: ['How was our service?', '您对本次服务满意吗？'],
  stars: ['{n} of 5', '{n} 星（满分 5 星）'],
  comment: ['Comment (optional)', '评价（选填）'],
  rateSend: ['Send rating', '提交评价'],
  rated: ['Thanks for your feedback!', '感谢您的评价！'],
  newChat: ['Start a new conversation', '开始新的会话'],
  // ---- offline email (issue 17): the transcript by email ----
  transcript: ['Email me this conversation', '通过邮件发送对话记录'],
  transcriptTo: ['Your email', '您的邮箱'],
  transcriptSend: ['Email it', '发送邮件'],
  transcriptSent: ['Sent. Check your inbox.', '已发送，请查收邮件。'],
  transcriptLimited: ['Too many requests. Try again later.', '请求过于频繁，请稍后再试。'],
  transcriptFailed: ['Could not send it. Try again.', '发送失败，请重试。'],
} satisfies Strings;
