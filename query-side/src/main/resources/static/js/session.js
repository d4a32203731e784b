// Who is signed in (GET /api/me) and what the UI offers them. The server is the authority: `permissions` are what
// its authorization rules allow this account, and the UI only hides what would be refused (a unit account records
// for its own unit and the units below it, a district reader sees its district).

import { api } from './api.js';
import { h, clear } from './util.js';

const ROLE_LABELS = { ADMIN: '系统管理员', COORDINATOR: '协调员', UNIT: '单位', LEADER: '领导', MONITOR: '监控' };

let me = null;

/** Loads the signed-in account once (before the first screen is drawn). */
export async function load() {
  me = await api.me();
  return me;
}

export const current = () => me;

/** Whether the server's rules let this account do `permission` (a name of GET /api/me's `permissions`). */
export const can = (permission) => !!me && me.permissions.includes(permission);

/** A unit account: bound to its unit, it reports for that unit and the units below it. */
export const isUnitAccount = () => !!me && me.role === 'UNIT' && !!me.unit;

/** The units this account records for (its own first), as the server listed them. */
export const actingUnits = () => (me ? me.actsFor : []);

export const roleLabel = (role) => ROLE_LABELS[role] || role;

/** The permission each menu entry (data-nav) needs; 我的活动 needs a unit. */
const NAV_NEEDS = {
  launch: () => can('LAUNCH_CAMPAIGN'),
  units: () => can('READ'),
  report: () => can('RECORD_ACTIVITIES'),
  mine: () => isUnitAccount(),
  briefings: () => can('READ_BRIEFINGS'),
  admin: () => can('ADMINISTER'),
  service: () => can('READ'),
};

/** The screens an account without the permission cannot use (the link is hidden; a typed address says so). */
const ROUTE_NEEDS = [
  [/^\/campaigns\/new$/, 'LAUNCH_CAMPAIGN'],
  [/^\/campaigns\/[^/]+\/edit$/, 'MANAGE_CAMPAIGNS'],
  [/^\/report$/, 'RECORD_ACTIVITIES'],
  [/^\/briefings$/, 'READ_BRIEFINGS'],
  [/^\/admin$/, 'ADMINISTER'],
  [/^\/service\/new$/, 'SERVICE_ORDERS'],
];

/** Whether the account may open the screen at `path`. */
export function mayOpen(path) {
  const rule = ROUTE_NEEDS.find(([re]) => re.test(path));
  return !rule || can(rule[1]);
}

/** The start page: a unit account's own campaigns, everyone else's overview. */
export const landing = () => (isUnitAccount() ? '/mine' : '/');

/** Hides the menu entries the account cannot use and shows who is signed in, with 退出登录. */
export function decorate() {
  document.querySelectorAll('[data-nav]').forEach((a) => {
    const needs = NAV_NEEDS[a.dataset.nav];
    a.hidden = !!needs && !needs();
  });
  const box = document.getElementById('whoami');
  if (!box || !me) return;
  const where = me.unit ? me.unit.name : me.district || '全市';
  const logout = h('button', { class: 'logout', id: 'logout', type: 'button' }, '退出登录');
  logout.addEventListener('click', async () => {
    logout.disabled = true;
    try {
      await api.logout();
    } finally {
      location.href = '/login.html?logout';
    }
  });
  clear(box).append(
    h('span', { class: 'who', id: 'whoami-name' }, me.username),
    h('span', { class: 'who-role', id: 'whoami-role' }, roleLabel(me.role)),
    h('span', { class: 'who-where', id: 'whoami-where' }, where),
    logout);
}

/** A panel for a screen the account may not open. */
export function forbiddenPanel() {
  return h('div', { class: 'panel', id: 'forbidden' }, h('h2', {}, '当前账号无权使用此功能'),
    h('p', { class: 'muted' }, `您以“${roleLabel(me ? me.role : '')}”身份登录，此页面的操作不对该角色开放。`),
    h('a', { href: '#' + landing() }, '返回首页'));
}
