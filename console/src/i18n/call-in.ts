/** A supervisor's call-in on an away agent's console (issue 15 leftovers), in English and Chinese; the locale follows consoleLocale(). */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  title: 'You are called in',
  body: (by: string, site: string) => `${by} asks you to come online: ${site} is getting busy.`,
  goOnline: 'Go online',
  dismiss: 'Not now',
};

const zh: typeof en = {
  title: '主管召回您上线',
  body: (by, site) => `${by} 请您上线：${site} 的咨询正在增多。`,
  goOnline: '上线',
  dismiss: '稍后',
};

export const callInText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
