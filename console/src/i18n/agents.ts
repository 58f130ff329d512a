/** The Agents admin page: the team, roles, sites, capacity and accounts. */
import type { AgentStatus } from '@counter/shared';
import { consoleLocale, type ConsoleLocale } from './locale.js';

export const en = {
  title: 'Agents',
  intro:
    'Capacity is how many conversations an agent holds at once; routing never exceeds it. Staff see and receive only the conversations of their sites. Supervisors step into any conversation of their sites; admins also run the sites’ settings and staff; the owner runs the whole server.',
  add: 'Add an agent',
  refresh: 'Refresh',
  columns: { name: 'Name', role: 'Role', sites: 'Sites', capacity: 'Capacity', now: 'Now', account: 'Account' },
  email: 'Email',
  initialPassword: 'Initial password (10+ characters)',
  sitesOfNew: 'Sites of the new agent',
  addAgent: 'Add agent',
  created: (name: string, email: string) => `${name} can now sign in with ${email}.`,
  capacityRule: 'Capacity is a whole number from 0 to 50.',
  you: ' (you)',
  roleOf: (name: string) => `Role of ${name}`,
  everySite: 'Every site',
  sitesOf: (name: string) => `Sites of ${name}`,
  capacityOf: (name: string) => `Capacity of ${name}`,
  status: { online: 'online', away: 'away', offline: 'offline' } satisfies Record<AgentStatus, string>,
  notConnected: 'not connected',
  setPassword: 'Set password',
  newPassword: 'New password',
  newPasswordFor: (name: string) => `New password for ${name}`,
  save: 'Save',
  cancel: 'Cancel',
  deactivateConfirm: 'Deactivate? (signs them out)',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
};

export const zh: typeof en = {
  title: '客服',
  intro:
    '接待量是客服同时可接待的会话数，分配时不会超过。员工只能看到并接收所属站点的会话。主管可以介入所属站点的任何会话；管理员还负责站点设置和人员；所有者管理整个服务器。',
  add: '添加客服',
  refresh: '刷新',
  columns: { name: '姓名', role: '角色', sites: '站点', capacity: '接待量', now: '当前', account: '账号' },
  email: '邮箱',
  initialPassword: '初始密码（至少 10 个字符）',
  sitesOfNew: '新客服的站点',
  addAgent: '添加',
  created: (name, email) => `${name} 现在可以用 ${email} 登录了。`,
  capacityRule: '接待量须为 0 到 50 的整数。',
  you: '（我）',
  roleOf: (name) => `${name} 的角色`,
  everySite: '全部站点',
  sitesOf: (name) => `${name} 的站点`,
  capacityOf: (name) => `${name} 的接待量`,
  status: { online: '在线', away: '离开', offline: '离线' },
  notConnected: '未连接',
  setPassword: '设置密码',
  newPassword: '新密码',
  newPasswordFor: (name) => `${name} 的新密码`,
  save: '保存',
  cancel: '取消',
  deactivateConfirm: '确定停用？（将退出登录）',
  deactivate: '停用',
  reactivate: '重新启用',
};

export const agentsText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
