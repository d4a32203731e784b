// 主题进度: one theme (爱国卫生月, 学雷锋志愿服务月 …) across every district — the figures of all its campaigns
// against the sum of their targets, a row per district, the districts ranked, and the cumulative series.

import { api } from '../api.js';
import { themeOf } from '../model.js';
import { h, clear, num, pacingBadge, statusLabel, errorPanel, ACTIVITY_METRICS, metricLabel } from '../util.js';
import { progressBar } from './overview.js';

export async function render(app, [theme], query = {}) {
  const period = { from: query.from || '', to: query.to || '' };
  const fromInput = h('input', { type: 'date', name: 'from', id: 'theme-from', value: period.from });
  const toInput = h('input', { type: 'date', name: 'to', id: 'theme-to', value: period.to });
  const body = h('div', { id: 'theme-body' }, h('p', { class: 'loading' }, '加载中…'));
  const chartEl = h('div', { class: 'chart', id: 'chart-theme' });
  let chart = null;

  const apply = () => {
    const qs = new URLSearchParams();
    if (fromInput.value) qs.set('from', fromInput.value);
    if (toInput.value) qs.set('to', toInput.value);
    location.hash = `#/themes/${encodeURIComponent(theme)}` + (qs.toString() ? `?${qs}` : '');
  };
  fromInput.addEventListener('change', apply);
  toInput.addEventListener('change', apply);

  app.appendChild(h('section', {},
    h('div', { class: 'page-head' },
      h('h1', {}, `主题进度：${theme}`),
      h('a', { class: 'btn small', href: '#/' }, '返回活动总览')),
    h('div', { class: 'filters', id: 'theme-filters' },
      h('label', {}, '期间 ', fromInput), h('label', {}, ' 至 ', toInput),
      h('span', { class: 'muted small' }, '（列出期间与之相交的本主题活动；已取消的活动不计）')),
    body));

  let view;
  try {
    view = themeOf(await api.themeProgress(theme, { from: period.from, to: period.to }));
  } catch (err) {
    clear(body).appendChild(errorPanel(err, () => render(clear(app), [theme], query)));
    return undefined;
  }
  clear(body);
  if (!view.campaignCount) {
    body.appendChild(h('div', { class: 'panel empty' }, `期间内没有主题为「${theme}」的活动。`));
    return undefined;
  }
  body.appendChild(h('div', { class: 'panel', id: 'theme-summary' },
    h('div', { class: 'card-head' },
      h('strong', {}, `${view.campaignCount} 个活动 · 报到单位 ${num(view.enrolledUnits, 0)} 家 · 已填报 ${num(view.reportingUnits, 0)} 家`),
      pacingBadge(view.pacing)),
    h('div', { class: 'metrics' }, view.metrics.filter((m) => m.target != null).map((m) => progressBar(m, m.expected)),
      view.metrics.some((m) => m.target != null) ? null : h('p', { class: 'muted' }, '各活动均未设定目标'))));
  body.appendChild(h('div', { class: 'panel' }, h('h2', {}, '各区进度'), districtTable(view)));
  body.appendChild(h('div', { class: 'panel' }, h('h2', {}, '各区排名（按场次完成率）'), rankingTable(view)));
  body.appendChild(h('div', { class: 'panel' }, h('h2', {}, '累计场次'), chartEl));
  if (window.echarts) {
    chart = window.echarts.init(chartEl, null, { renderer: 'canvas' });
    chart.setOption({
      grid: { left: 8, right: 40, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: view.series.map((d) => d.date), boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: `累计${metricLabel('sessions')}`, type: 'line', showSymbol: false,
        data: view.series.map((d) => d.cumulative.sessions), areaStyle: { opacity: 0.08 } }],
    });
  }
  const onResize = () => chart && chart.resize();
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
    if (chart) chart.dispose();
  };
}

function districtTable(view) {
  const sessions = (d) => d.metrics.find((m) => m.key === 'sessions');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'theme-districts' },
    h('thead', {}, h('tr', {}, h('th', {}, '区'), h('th', {}, '活动'), h('th', { class: 'num' }, '报到单位'),
      h('th', { class: 'num' }, '已填报'), ACTIVITY_METRICS.map((m) => h('th', { class: 'num' }, m.label)),
      h('th', { class: 'num' }, '场次完成'), h('th', {}, '进度'))),
    h('tbody', {}, view.districts.map((d) => h('tr', { 'data-district': d.name },
      h('td', {}, d.name),
      h('td', {}, d.campaigns.map((c) => h('div', {},
        h('a', { href: `#/campaigns/${encodeURIComponent(c.campaignId)}` }, c.title),
        c.status !== 'ACTIVE' ? h('span', { class: 'muted small' }, ` ${statusLabel(c.status)}`) : null))),
      h('td', { class: 'num' }, num(d.enrolledUnits, 0)),
      h('td', { class: 'num' }, num(d.reportingUnits, 0)),
      ACTIVITY_METRICS.map((m) => h('td', { class: 'num' }, num(d.metrics.find((x) => x.key === m.key).total))),
      h('td', { class: 'num' }, sessions(d).percent == null ? '未设目标'
        : `${num(sessions(d).percent, 1)}%（应 ${num(sessions(d).expected, 1)}%）`),
      h('td', {}, pacingBadge(d.pacing)))))));
}

function rankingTable(view) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'theme-ranking' },
    h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, '区'), h('th', { class: 'num' }, '场次'),
      h('th', { class: 'num' }, '目标'), h('th', { class: 'num' }, '完成率'), h('th', {}, '进度'))),
    h('tbody', {}, view.ranking.map((r) => h('tr', { 'data-district': r.district },
      h('td', {}, r.rank), h('td', {}, r.district), h('td', { class: 'num' }, num(r.sessions, 0)),
      h('td', { class: 'num' }, r.sessionsTarget == null ? '—' : num(r.sessionsTarget, 0)),
      h('td', { class: 'num' }, r.sessionsPercent == null ? '—' : `${num(r.sessionsPercent, 1)}%`),
      h('td', {}, pacingBadge(r.pacing)))))));
}
