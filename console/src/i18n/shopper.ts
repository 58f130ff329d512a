/** The shopper panel beside a conversation. */
import { consoleLocale, type ConsoleLocale } from './locale.js';

export const en = {
  panel: 'Shopper',
  close: 'Close',
  notVerified: 'Not verified (anonymous or self-declared)',
  verifiedCustomer: (id: string | null) => `Verified customer${id ? ` #${id}` : ''}`,
  unsigned: (customer: string, fields: ('name' | 'email')[]) => `${customer}; ${fields.join(' and ')} not signed by the shop`,
  signedByShop: 'Signed by the shop',
  verifiedEmail: 'verified email',
  emailNotVerified: '(not verified)',
  identity: 'Identity',
  language: 'Language',
  languages: { en: 'English', zh: '中文 (Chinese)' } as Record<string, string>,
  leftEmail: 'Left an email',
  nowViewing: 'Now viewing',
  unknown: 'Unknown',
  product: 'Product',
  cart: 'Cart',
  pagesVisited: 'Pages visited',
  earlier: 'Earlier conversations',
  noneEarlier: 'None: this is their first.',
  status: { resolved: 'Resolved', waiting: 'Waiting', open: 'Open' },
  empty: 'Empty',
};

export const zh: typeof en = {
  panel: '顾客',
  close: '关闭',
  notVerified: '未验证（匿名或自行填写）',
  verifiedCustomer: (id) => `已验证顾客${id ? ` #${id}` : ''}`,
  unsigned: (customer, fields) => `${customer}；${fields.map((f) => (f === 'name' ? '姓名' : '邮箱')).join('和')}未经店铺签名`,
  signedByShop: '经店铺签名',
  verifiedEmail: '已验证邮箱',
  emailNotVerified: '（未验证）',
  identity: '身份',
  language: '语言',
  languages: { en: 'English（英语）', zh: '中文' },
  leftEmail: '留下的邮箱',
  nowViewing: '正在浏览',
  unknown: '未知',
  product: '商品',
  cart: '购物车',
  pagesVisited: '浏览记录',
  earlier: '历史会话',
  noneEarlier: '无：这是第一次会话。',
  status: { resolved: '已解决', waiting: '排队中', open: '进行中' },
  empty: '空',
};

export const shopperText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
