// 我的活动: a unit account's start page. The campaigns its units (its own, and for a 实践所 its 实践站) are enrolled
// in or may join — its district's and the city-wide ones — each with the campaign's progress, each unit's own
// totals and one button: 报到 (then straight to the form) or 填报.

import { api } from '../api.js';
import { campaignOf, enrolledIn, participationTotals } from '../model.js';
import { h, clear, num, pacingBadge, statusLabel, errorPanel, busy, toast } from '../util.js';
import { actingUnits } from '../session.js';
import { progressBar } from './overview.js';

const eligible = (c, u) => u.active && (!c.district || c.district === u.district)
  && (!c.eligibleUnitTypes.length || c.eligibleUnitTypes.includes(u.type));

export async function render(app) {
  const units = actingUnits();
  const list = h('div', { class: 'cards', id: 'my-campaigns' }, h('p', { class: 'loading' }, '加载中…'));
  app.appendChild(h('section', {},
    h('div', { class: 'page-head' }, h('h1', {}, '我的活动')),
    h('p', { class: 'muted' }, units.length > 1
      ? `本单位及下属 ${units.length - 1} 个单位可报到或已报到的活动。`
      : '本单位可报到或已报到的活动。'),
    list));
  let campaigns;
  let participation;
  try {
    [campaigns, participation] = await Promise.all([api.listCampaigns({}),
      Promise.all(units.map((u) => api.unitParticipation(u.unitId)))]);
  } catch (err) {
    clear(list).appendChild(errorPanel(err, () => location.reload()));
    return;
  }
  campaigns = campaigns.map(campaignOf);
  const rows = (c) => units.map((u, i) => ({ unit: u, enrolled: enrolledIn(participation[i], c.id),
    totals: participationTotals(participation[i], c.id) }))
    .filter((r) => r.enrolled || (c.status === 'ACTIVE' && eligible(c, r.unit)));
  const mine = campaigns.map((c) => ({ c, rows: rows(c) })).filter((x) => x.rows.length)
    .sort((a, b) => (a.c.status === 'ACTIVE' ? 0 : 1) - (b.c.status === 'ACTIVE' ? 0 : 1)
      || String(a.c.endDate).localeCompare(String(b.c.endDate)));
  clear(list);
  if (!mine.length) {
    list.appendChild(h('div', { class: 'panel empty', id: 'no-campaigns' }, '目前没有本单位可以报到的活动。'));
    return;
  }
  mine.forEach(({ c, rows: r }) => list.appendChild(card(c, r)));
}

function card(c, rows) {
  const active = c.status === 'ACTIVE';
  return h('article', { class: 'card campaign-card', 'data-campaign-id': c.id },
    h('div', { class: 'card-head' },
      h('a', { class: 'card-title', href: `#/campaigns/${encodeURIComponent(c.id)}` }, c.title),
      active ? pacingBadge(c.pacing) : h('span', { class: `badge status-${c.status}` }, statusLabel(c.status))),
    h('div', { class: 'card-meta' },
      h('span', { class: 'tag' }, c.district || '全市'),
      h('span', {}, `${c.startDate} 至 ${c.endDate}`),
      active && c.daysLeft != null ? h('span', {}, c.daysLeft > 0 ? `剩余 ${c.daysLeft} 天` : '今天截止') : null),
    h('div', { class: 'metrics' }, c.metrics.filter((m) => m.target != null && m.key === 'sessions')
      .map((m) => progressBar(m, active ? c.expected : null))),
    h('ul', { class: 'mine-units' }, rows.map((r) => unitRow(c, r))));
}

function unitRow(c, { unit, enrolled, totals }) {
  const report = `#/report?campaign=${encodeURIComponent(c.id)}&unit=${encodeURIComponent(unit.unitId)}`;
  let action = null;
  if (c.status === 'ACTIVE' && enrolled) {
    action = h('a', { class: 'btn small primary', href: report, 'data-action': 'record' }, '填报');
  } else if (c.status === 'ACTIVE') {
    action = h('button', { class: 'btn small primary', type: 'button', 'data-action': 'enrol' }, '报到');
    action.addEventListener('click', async () => {
      try {
        await busy(action, () => api.enroll(c.id, unit.unitId));
        toast(`${unit.name} 已报到`);
        location.hash = report;
      } catch (err) {
        toast(`报到失败：${err.detail}`, 'error');
      }
    });
  }
  return h('li', { class: 'mine-unit', 'data-unit-id': unit.unitId },
    h('span', { class: 'unit-name' }, unit.name),
    enrolled ? h('span', { class: 'badge ok' }, '已报到') : h('span', { class: 'badge muted' }, '未报到'),
    action,
    enrolled ? h('span', { class: 'unit-totals' },
      `已填报 ${totals.activities} 条 · ${num(totals.sessions)} 场次 · ${num(totals.participations)} 人次 · ${num(totals.serviceHours)} 小时`)
      : null);
}
