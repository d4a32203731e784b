// 审计记录: the event history behind a campaign (who issued what, when), and the activities behind its figures.

import { api } from '../api.js';
import { activityOf, progressOf } from '../model.js';
import { h, clear, num, dateTime, errorPanel, metricLabel, unitLabeller } from '../util.js';

const EVENT_NAMES = {
  CampaignLaunched: '发起活动', CampaignRevised: '修改活动', CampaignExtended: '活动延期', CampaignClosed: '结束活动',
  CampaignCancelled: '取消活动', UnitEnrolled: '单位报到', UnitWithdrawn: '单位退出', ActivityRecorded: '填报活动',
  ActivityCorrected: '更正活动', ActivityRetracted: '撤回活动', UnitRegistered: '登记单位', UnitRenamed: '单位改名',
  UnitDeactivated: '停用单位',
};

const ROLES = { COORDINATOR: '协调员', UNIT: '填报单位', LEADER: '领导', ADMIN: '管理员', ANONYMOUS: '未登录' };

export async function render(app, [id], query) {
  const tab = query.tab || 'events';
  // the filters list only the campaign's own units (its hierarchy as the reader sees it), named apart where names repeat
  let campaignUnits = [];
  try {
    const flat = (nodes, parentId) => nodes.flatMap((n) => [{ id: n.unitId, name: n.name, parentId }, ...flat(n.children, n.unitId)]);
    campaignUnits = flat(progressOf(await api.progress(id)).hierarchy, null);
  } catch (e) { /* names are a nicety; ids still show */ }
  const label = unitLabeller(campaignUnits);
  const unitNames = new Map(campaignUnits.map((u) => [u.id, label(u)]));
  const body = h('div', {});
  app.appendChild(h('section', {},
    h('div', { class: 'page-head' }, h('h1', {}, '审计记录'), h('a', { class: 'btn small', href: `#/campaigns/${encodeURIComponent(id)}` }, '返回看板')),
    h('div', { class: 'tabs' },
      h('a', { class: `tab${tab === 'events' ? ' active' : ''}`, href: `#/campaigns/${encodeURIComponent(id)}/history` }, '事件记录'),
      h('a', { class: `tab${tab === 'activities' ? ' active' : ''}`, href: `#/campaigns/${encodeURIComponent(id)}/history?tab=activities` }, '活动明细')),
    body));
  if (tab === 'activities') await activities(body, id, query, unitNames);
  else await events(body, id, query, unitNames);
}

const unitOptions = (unitNames, selected) => [h('option', { value: '' }, '全部单位'),
  [...unitNames.entries()].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'))
    .map(([uid, name]) => h('option', { value: uid, selected: uid === selected }, name))];

/**
 * 事件记录: newest first, filtered by unit, event type, operator and date; paged by cursor (the server reads from
 * where the last page ended, never an offset over everything). `cursors` keeps the pages seen, for 较新.
 */
async function events(body, id, query, unitNames) {
  const size = 50;
  const form = h('form', { class: 'filters panel', id: 'history-filter' },
    h('label', {}, '单位 ', h('select', { name: 'unitId' }, unitOptions(unitNames, query.unitId))),
    h('label', {}, '事件 ', h('select', { name: 'type' }, h('option', { value: '' }, '全部事件'),
      Object.entries(EVENT_NAMES).map(([type, name]) => h('option', { value: type, selected: type === query.type }, name)))),
    h('label', {}, '操作人 ', h('input', { name: 'user', value: query.user || '', size: '10', placeholder: '账号' })),
    h('label', {}, '从 ', h('input', { type: 'date', name: 'from', value: query.from || '' })),
    h('label', {}, '到 ', h('input', { type: 'date', name: 'to', value: query.to || '' })),
    h('button', { class: 'btn small', type: 'submit', id: 'history-apply' }, '筛选'));
  const out = h('div', {});
  body.append(form, out);
  const cursors = [null];
  const load = async () => {
    const f = Object.fromEntries(new FormData(form).entries());
    const before = cursors[cursors.length - 1];
    let data;
    try {
      data = await api.history(id, { order: 'newest', size, before, unitId: f.unitId, type: f.type, user: f.user, from: f.from, to: f.to });
    } catch (err) {
      clear(out).appendChild(errorPanel(err, load));
      return;
    }
    clear(out);
    const list = data.items;
    const filtered = Object.values(f).some((v) => v);
    const older = () => { cursors.push(data.nextBefore); load(); };
    const newer = () => { cursors.pop(); load(); };
    const pager = h('div', { class: 'form-actions pager' },
      h('span', { class: 'muted', id: 'history-count' }, filtered ? `最新的在前，第 ${cursors.length} 页` : `共 ${data.total} 个事件，最新的在前，第 ${cursors.length} 页`),
      cursors.length > 1 ? [h('button', { class: 'btn small', id: 'history-first', type: 'button', onclick: () => { cursors.length = 1; load(); } }, '最新'),
        h('button', { class: 'btn small', id: 'history-prev', type: 'button', onclick: newer }, '较新')] : null,
      data.nextBefore ? h('button', { class: 'btn small', id: 'history-next', type: 'button', onclick: older }, '较早') : null);
    out.appendChild(pager);
    if (!list.length) {
      out.appendChild(h('p', { class: 'muted', id: 'history-empty' }, data.nextBefore ? '这一段没有符合条件的事件，可点“较早”继续查找。'
        : filtered ? '没有符合条件的事件。' : '暂无事件。'));
      return;
    }
    out.appendChild(h('div', { class: 'panel table-wrap' }, h('table', { class: 'table', id: 'history-table' },
      h('thead', {}, h('tr', {}, ['#', '时间', '事件', '操作人', '内容'].map((t) => h('th', {}, t)))),
      h('tbody', {}, list.map((e) => {
        const role = ROLES[e.role] || e.role;
        return h('tr', { 'data-n': e.n },
          h('td', {}, e.n),
          h('td', { class: 'nowrap' }, dateTime(e.at)),
          h('td', {}, h('span', { class: 'tag' }, EVENT_NAMES[e.type] || e.type)),
          h('td', { class: 'operator' }, operator(e.user), role ? h('div', { class: 'muted small' }, role) : null),
          h('td', {}, summary(e.type, e.payload, unitNames)));
      })))));
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); cursors.length = 1; load(); });
  await load();
}

const operator = (user) => (!user ? '—' : user === 'anonymous' ? '匿名' : user);

function summary(type, p, unitNames) {
  const unit = (id) => unitNames.get(id) || id;
  const fig = (f) => (f ? ['sessions', 'participations', 'serviceHours', 'beneficiaries']
    .map((k) => `${metricLabel(k)} ${num(f[k])}`).join('，') : '');
  switch (type) {
    case 'CampaignLaunched': return `${p.title}（${p.district || '全市'}，${p.startDate} 至 ${p.endDate}）`;
    case 'CampaignRevised': return `${p.title || ''} 目标：${targets(p.targets)}`;
    case 'CampaignExtended': return `结束日期 ${p.previousEndDate || ''} → ${p.endDate}`;
    case 'CampaignCancelled': return `原因：${p.reason || ''}`;
    case 'UnitEnrolled': case 'UnitWithdrawn': return unit(p.unitId);
    case 'ActivityRecorded': return `${unit(p.unitId)} · ${p.date} · ${p.title}：${fig(p.figures)}`;
    case 'ActivityCorrected': return `${unit(p.unitId)} · ${p.date} · ${p.title}：${fig(p.figures)}（原 ${fig(p.previousFigures)}）原因：${p.reason || ''}`;
    case 'ActivityRetracted': return `${unit(p.unitId)} · ${p.date}：${fig(p.figures)} 原因：${p.reason || ''}`;
    default: return h('code', { class: 'small' }, JSON.stringify(p));
  }
}

function targets(t) {
  if (!t) return '';
  return Object.entries(t).filter(([, v]) => v != null).map(([k, v]) => `${metricLabel(k)} ${num(v)}`).join('，') || '无';
}

async function activities(body, id, query, unitNames) {
  const form = h('form', { class: 'filters panel', id: 'activity-filter' },
    h('label', {}, '单位 ', h('select', { name: 'unitId' }, unitOptions(unitNames, query.unitId))),
    h('label', {}, '从 ', h('input', { type: 'date', name: 'from', value: query.from || '' })),
    h('label', {}, '到 ', h('input', { type: 'date', name: 'to', value: query.to || '' })),
    h('label', {}, '类别 ', h('input', { name: 'category', value: query.category || '', size: '8' })),
    h('button', { class: 'btn small', type: 'submit' }, '筛选'));
  const out = h('div', {});
  let page = 0;
  const size = 50;
  const load = async () => {
    const f = Object.fromEntries(new FormData(form).entries());
    clear(out);
    let data;
    try {
      data = await api.activities(id, { unitId: f.unitId, from: f.from, to: f.to, category: f.category, includeRetracted: true, page, size });
    } catch (err) {
      out.appendChild(errorPanel(err, load));
      return;
    }
    const rows = data.items.map(activityOf);
    const { total, hasMore } = data;
    out.appendChild(h('div', { class: 'panel table-wrap' },
      h('p', { class: 'muted' }, `共 ${total} 条，第 ${page + 1} 页`),
      h('table', { class: 'table sticky-second', id: 'activities-table' },
        h('thead', {}, h('tr', {}, ['日期', '单位', '活动', '场次', '人次', '时长', '受益', '更正记录'].map((t) => h('th', {}, t)))),
        h('tbody', {}, rows.map((a) => h('tr', { class: a.retracted ? 'retracted' : '' },
          h('td', { class: 'nowrap' }, a.date),
          h('td', {}, unitNames.get(a.unitId) || a.unitId),
          h('td', {}, a.title, a.retracted ? h('span', { class: 'badge muted' }, '已撤回') : null,
            h('div', { class: 'muted small' }, [a.category, a.site].filter(Boolean).join(' · '))),
          h('td', { class: 'num' }, num(a.sessions)), h('td', { class: 'num' }, num(a.participations)),
          h('td', { class: 'num' }, num(a.serviceHours)), h('td', { class: 'num' }, num(a.beneficiaries)),
          h('td', { class: 'small corrections' }, a.correctionHistory.map((c) => h('div', {}, `${dateTime(c.at)} ${operator(c.by)}：${c.reason}`))))))),
      h('div', { class: 'form-actions' },
        page > 0 ? h('button', { class: 'btn small', type: 'button', onclick: () => { page--; load(); } }, '上一页') : null,
        hasMore ? h('button', { class: 'btn small', type: 'button', onclick: () => { page++; load(); } }, '下一页') : null)));
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); page = 0; load(); });
  body.append(form, out);
  await load();
}
