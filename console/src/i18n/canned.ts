/** The Canned replies page and its form. */
import { consoleLocale, type ConsoleLocale } from './locale.js';

export const en = {
  title: 'Canned replies',
  introBefore: 'Shared by the whole team. Type ',
  introMiddle: ' and the shortcut in the composer to insert one. Variables: ',
  introAfter: '— unknown values fall back to a neutral word (“there”), or to your own: ',
  newReply: 'New reply',
  addReply: 'Add reply',
  none: 'No canned replies yet.',
  save: 'Save',
  edit: 'Edit',
  deleteConfirm: 'Delete?',
  delete: 'Delete',
  shortcut: 'Shortcut',
  replyTitle: 'Title',
  text: 'Text',
  placeholder: 'Hi {{visitor.name}}, orders ship within 24 hours…',
  cancel: 'Cancel',
};

export const zh: typeof en = {
  title: '快捷回复',
  introBefore: '全团队共用。在输入框中输入 ',
  introMiddle: ' 加快捷词即可插入。变量：',
  introAfter: '— 未知的值会用中性词代替，也可以自己指定：',
  newReply: '新建回复',
  addReply: '添加回复',
  none: '暂无快捷回复。',
  save: '保存',
  edit: '编辑',
  deleteConfirm: '确定删除？',
  delete: '删除',
  shortcut: '快捷词',
  replyTitle: '标题',
  text: '内容',
  placeholder: '{{visitor.name}} 您好，订单会在 24 小时内发货…',
  cancel: '取消',
};

export const cannedText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
