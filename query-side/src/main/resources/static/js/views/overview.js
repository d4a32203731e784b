// 活动总览: every campaign with theme, period, days left, progress per target, pacing badge, filters.

import { api } from '../api.js';
import { campaignOf } from '../model.js';
import { h, clear, num, pacingBadge, statusLabel, DISTRICTS, THEMES, select, errorPanel, PACING } from '../util.js';

const filters = { status: '', district: '', theme: '' };

export async function render(app) {
  const list = h('div', { class: 'cards', id: 'campaign-list' }, h('p', { class: 'loading' }, '加载中…'));
  const statusSel = select('status', [['', '全部状态'], ['ACTIVE', '进行中'], ['CLOSED', '已结束'], ['CANCELLED', '已取消']], filters.status);
  const districtSel = select('district', [['', '全部区域'], ['CITY', '全市'], ...DISTRICTS.map((d) => [d, d])], filters.district);
  const themeInput = h('input', { name: 'theme', list: 'theme-list', placeholder: '主题（如 爱国卫生）', value: filters.theme });
  const apply = () => {
    filters.status = statusSel.value;
    filters.district = districtSel.value;
    filters.theme = themeInput.value.trim();
    load(list);
  };
  statusSel.addEventListener('change', apply);
  districtSel.addEventListener('change', apply);
  themeInput.addEventListener('change', apply);

  app.appendChild(h('section', {},
    h('div', { class: 'page-head' },
      h('h1', {}, '活动总览'),
      h('a', { class: 'btn primary', href: '#/campaigns/new' }, '＋ 发起活动')),
    h('div', { class: 'filters', id: 'filters' },
      h('label', {}, '状态 ', statusSel),
      h('label', {}, '区域 ', districtSel),
      h('label', {}, '主题 ', themeInput,
        h('datalist', { id: 'theme-list' }, THEMES.map((t) => h('option', { value: t })))),
      h('button', { class: 'btn small', onclick: () => { statusSel.value = ''; districtSel.value = ''; themeInput.value = ''; apply(); } }, '清除筛选')),
    list));
  await load(list);
}

async function load(list) {
  let data;
  try {
    // status and district are exact choices the server filters on; the theme box matches any part of the theme
    // or title, so that filter stays here
    const query = { status: filters.status };
    if (filters.district && filters.district !== 'CITY') query.district = filters.district;
    data = await api.listCampaigns(query);
  } catch (err) {
    clear(list).appendChild(errorPanel(err, () => load(list)));
    return;
  }
  let campaigns = data.map(campaignOf);
  // the server has no filter for city-wide campaigns (no district)
  if (filters.district === 'CITY') campaigns = campaigns.filter((c) => !c.district);
  if (filters.theme) campaigns = campaigns.filter((c) => (c.theme + c.title).includes(filters.theme));
  campaigns.sort((a, b) => (a.status === 'ACTIVE' ? 0 : 1) - (b.status === 'ACTIVE' ? 0 : 1)
    || String(b.startDate).localeCompare(String(a.startDate)));
  clear(list);
  if (!campaigns.length) {
    list.appendChild(h('div', { class: 'panel empty' }, '暂无符合条件的活动。', h('a', { href: '#/campaigns/new' }, '发起一个活动')));
    return;
  }
  campaigns.forEach((c) => list.appendChild(card(c)));
}

export function progressBar(m, expected) {
  const p = m.percent == null ? 0 : m.percent;
  const cls = m.pacing ? PACING[m.pacing].cls : '';
  return h('div', { class: 'metric', 'data-metric': m.key },
    h('div', { class: 'metric-head' },
      h('span', { class: 'metric-label' }, m.label),
      h('span', { class: 'metric-value' },
        h('b', { class: 'metric-total' }, num(m.total)),
        m.target != null ? [' / ', num(m.target), ' ', m.unit] : [' ', m.unit, '（未设目标）'],
        m.percent != null && m.target != null ? h('span', { class: 'pct' }, ` ${num(m.percent, 1)}%`) : null)),
    m.target != null
      ? h('div', { class: 'bar', title: `完成 ${num(p, 1)}%，应完成 ${num(expected, 1)}%` },
        h('div', { class: `fill ${cls}`, style: { width: `${Math.min(p, 100)}%` } }),
        expected != null ? h('div', { class: 'expected-mark', style: { left: `${Math.min(expected, 100)}%` } }) : null)
      : null);
}

function card(c) {
  const daysText = c.status !== 'ACTIVE' ? statusLabel(c.status)
    : c.daysLeft != null ? (c.daysLeft > 0 ? `剩余 ${c.daysLeft} 天` : '今天截止') : '';
  return h('article', { class: 'card campaign-card', 'data-campaign-id': c.id },
    h('div', { class: 'card-head' },
      h('a', { class: 'card-title', href: `#/campaigns/${encodeURIComponent(c.id)}` }, c.title),
      c.status === 'ACTIVE' ? pacingBadge(c.pacing) : h('span', { class: `badge status-${c.status}` }, statusLabel(c.status))),
    h('div', { class: 'card-meta' },
      c.theme ? h('a', { class: 'tag theme-link', href: `#/themes/${encodeURIComponent(c.theme)}`, title: '各区同主题活动的全市进度' }, c.theme) : null,
      h('span', { class: 'tag' }, c.district || '全市'),
      h('span', {}, `${c.startDate || ''} 至 ${c.endDate || ''}`),
      h('span', { class: 'days-left' }, daysText),
      c.enrolledUnits != null ? h('span', {}, `已报到 ${num(c.enrolledUnits, 0)} 家`) : null),
    h('div', { class: 'metrics' }, c.metrics.filter((m) => m.target != null)
      .map((m) => progressBar(m, c.status === 'ACTIVE' ? c.expected : null)),
      c.metrics.some((m) => m.target != null) ? null : h('p', { class: 'muted' }, '未设定目标')),
    c.expected != null && c.status === 'ACTIVE'
      ? h('div', { class: 'expected-note' }, h('span', { class: 'expected-swatch' }), ` 竖线为按时间应完成进度 ${num(c.expected, 1)}%`) : null,
    h('div', { class: 'card-actions' },
      h('a', { class: 'btn small primary', href: `#/campaigns/${encodeURIComponent(c.id)}` }, '活动看板'),
      h('a', { class: 'btn small', href: `#/report?campaign=${encodeURIComponent(c.id)}` }, '报到与填报'),
      h('a', { class: 'btn small', href: `#/campaigns/${encodeURIComponent(c.id)}/history` }, '审计记录')));
}
