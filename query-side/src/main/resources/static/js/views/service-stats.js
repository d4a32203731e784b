// 服务统计 for leaders and coordinators: orders by state per district and by category, median times of each step,
// completion rate, ratings per provider and per category, and the demand no menu project serves — charts (ECharts)
// and tables, filters by district, category and period, and the Excel export of the same figures.

import { api } from '../api.js';
import { h, clear, errorPanel, num } from '../util.js';
import { current } from '../session.js';
import { STATES, STATE_ORDER, STEP_LABELS, subnav, categoriesOr, categoryFilter, districtFilter } from './service-common.js';

const STATE_COLORS = {
  PLACED: '#f5b041', APPROVED: '#e59866', REJECTED: '#aab7b8', DISPATCHED: '#5dade2', ACCEPTED: '#2471a3',
  COMPLETED: '#52be80', RATED: '#1e8449', CANCELLED: '#d5dbdb',
};

const pct = (x) => (x == null ? '—' : `${num(x * 100, 1)}%`);
const score = (x) => (x == null ? '—' : num(x, 2));
// the server rounds to 0.1 hour: a step done within minutes reads as such, not as "0 小时"
const hours = (x) => (x == null ? '—' : x < 0.1 ? '不足 0.1 小时' : `${num(x, 1)} 小时`);

export async function render(app, params, query) {
  const charts = [];
  const chart = (el) => {
    if (!window.echarts) return null;
    const c = window.echarts.init(el, null, { renderer: 'canvas' });
    charts.push(c);
    return c;
  };
  const categories = await categoriesOr(app);
  if (!categories) return;
  const scoped = current().district;
  const districtSel = districtFilter(query.district || '', 'stats-district');
  const categorySel = categoryFilter(categories, query.category || '', 'stats-category');
  const fromInput = h('input', { type: 'date', id: 'stats-from', value: query.from || '', 'aria-label': '点单日期起' });
  const toInput = h('input', { type: 'date', id: 'stats-to', value: query.to || '', 'aria-label': '点单日期止' });
  const exportLink = h('a', { class: 'btn small', id: 'stats-xlsx', download: '' }, '导出 Excel');
  const ordersLink = h('a', { class: 'btn small', id: 'stats-orders-xlsx', download: '' }, '导出订单明细');
  const kpis = h('div', { class: 'kpis', id: 'service-kpis' });
  const stateEl = h('div', { class: 'chart', id: 'chart-service-states' });
  const categoryEl = h('div', { class: 'chart', id: 'chart-service-categories' });
  const medians = h('div', { id: 'service-medians' });
  const providers = h('div', { class: 'table-wrap', id: 'service-providers' });
  const categoryTable = h('div', { class: 'table-wrap', id: 'service-category-table' });
  const unserved = h('div', { id: 'service-unserved' });
  const note = h('p', { class: 'muted small', id: 'stats-note' });

  app.appendChild(h('section', { class: 'service' },
    h('div', { class: 'page-head' }, h('h1', {}, '服务统计')),
    subnav('stats'),
    h('div', { class: 'filters' }, scoped ? h('span', { class: 'tag' }, scoped) : districtSel, categorySel,
      h('label', {}, '点单日期 ', fromInput, ' 至 ', toInput), h('span', { class: 'spacer' }), exportLink, ordersLink),
    note,
    kpis,
    h('div', { class: 'grid' },
      h('div', { class: 'panel wide' }, h('h2', {}, '各区订单状态'), stateEl),
      h('div', { class: 'panel' }, h('h2', {}, '各类别订单与评分'), categoryEl),
      h('div', { class: 'panel' }, h('h2', {}, '各环节用时（中位数）'), medians),
      h('div', { class: 'panel wide' }, h('h2', {}, '服务单位'), providers),
      h('div', { class: 'panel' }, h('h2', {}, '各类别'), categoryTable),
      h('div', { class: 'panel' }, h('h2', {}, '菜单未覆盖的群众需求'), unserved))));
  const stateChart = chart(stateEl);
  const categoryChart = chart(categoryEl);
  if (!window.echarts) [stateEl, categoryEl].forEach((el) => el.appendChild(h('p', { class: 'muted' }, '图表组件未能加载。')));

  const filters = () => ({ district: scoped ? null : districtSel.value || null, category: categorySel.value || null,
    from: fromInput.value || null, to: toInput.value || null });

  async function load() {
    const f = filters();
    exportLink.href = api.serviceExport('stats', 'xlsx', f);
    ordersLink.href = api.serviceExport('orders', 'xlsx', f);
    let s;
    try {
      s = await api.serviceStats(f);
    } catch (err) {
      clear(kpis).appendChild(errorPanel(err, load));
      return;
    }
    note.textContent = `统计截至 ${s.asOf.slice(0, 10)}${s.truncated ? '；订单过多，仅统计了最近的部分，请缩小范围' : ''}。完成率 = 已结项 ÷（订单数 − 驳回 − 取消）。`;
    const kpi = (id, label, value) => h('div', { class: 'kpi', id }, h('span', { class: 'kpi-label' }, label), h('span', { class: 'kpi-value' }, value));
    clear(kpis).append(
      kpi('kpi-orders', '订单数', num(s.orders)),
      kpi('kpi-completed', '已结项', num(s.completed)),
      kpi('kpi-rate', '完成率', pct(s.completionRate)),
      kpi('kpi-rating', '平均评分', s.averageRating == null ? '—' : `${score(s.averageRating)} / 5`),
      kpi('kpi-overdue', '逾期', num(s.overdue)));
    drawStates(s);
    drawCategories(s);
    clear(medians).appendChild(h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, h('th', {}, '环节'), h('th', { class: 'num' }, '中位数'), h('th', { class: 'num' }, '订单数'))),
      h('tbody', {}, s.medians.map((m) => h('tr', { 'data-step': m.step },
        h('td', {}, STEP_LABELS[m.step]), h('td', { class: 'num' }, hours(m.hours)), h('td', { class: 'num' }, num(m.samples)))))));
    clear(providers).appendChild(s.byProvider.length ? h('table', { class: 'table', id: 'provider-table' },
      h('thead', {}, h('tr', {}, ['服务单位', '所属区', '派单', '接单', '退单', '结项', '平均评分', '评价数']
        .map((t, i) => h('th', { class: i > 1 ? 'num' : null }, t)))),
      h('tbody', {}, s.byProvider.map((p) => h('tr', { 'data-unit-id': p.unitId },
        h('td', {}, p.name || p.unitId), h('td', {}, p.district || ''),
        [p.dispatched, p.accepted, p.declined, p.completed].map((x) => h('td', { class: 'num' }, num(x))),
        h('td', { class: 'num' }, score(p.averageRating)), h('td', { class: 'num' }, num(p.ratings))))))
      : h('p', { class: 'muted' }, '暂无派单。'));
    clear(categoryTable).appendChild(s.byCategory.length ? h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['类别', '订单', '群众需求', '完成率', '平均评分'].map((t, i) => h('th', { class: i ? 'num' : null }, t)))),
      h('tbody', {}, s.byCategory.map((c) => h('tr', {}, h('td', {}, c.category), h('td', { class: 'num' }, num(c.orders)),
        h('td', { class: 'num' }, num(c.freeRequests)), h('td', { class: 'num' }, pct(c.completionRate)),
        h('td', { class: 'num' }, score(c.averageRating))))))
      : h('p', { class: 'muted' }, '暂无订单。'));
    clear(unserved).appendChild(s.unservedDemand.length ? h('ul', { class: 'silent-list' }, s.unservedDemand.map((d) => h('li', {},
      h('strong', {}, d.category), h('span', { class: 'muted small' }, d.districts.join('、')),
      h('span', { class: 'badge lag' }, `${d.freeRequests} 条需求`))))
      : h('p', { class: 'muted' }, '群众需求均有菜单项目覆盖。'));
    charts.forEach((c) => c.resize());
  }

  function drawStates(s) {
    if (!stateChart) return;
    const districts = s.byDistrict.map((d) => d.district);
    stateEl.style.height = `${Math.max(200, 44 * districts.length + 90)}px`;
    stateChart.resize();
    stateChart.setOption({
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: districts, inverse: true },
      series: STATE_ORDER.map((st) => ({
        name: STATES[st].label, type: 'bar', stack: 'orders', barMaxWidth: 28, itemStyle: { color: STATE_COLORS[st] },
        data: s.byDistrict.map((d) => (d.byState.find((x) => x.state === st) || { count: 0 }).count),
      })).filter((series) => series.data.some((x) => x > 0)),
    }, true);
  }

  function drawCategories(s) {
    if (!categoryChart) return;
    const rows = s.byCategory;
    categoryEl.style.height = `${Math.max(200, 40 * rows.length + 80)}px`;
    categoryChart.resize();
    categoryChart.setOption({
      grid: { left: 8, right: 40, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      xAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 5, show: false }],
      yAxis: { type: 'category', data: rows.map((c) => c.category), inverse: true },
      series: [
        { name: '订单', type: 'bar', barMaxWidth: 22, itemStyle: { color: '#d35400' }, data: rows.map((c) => c.orders),
          label: { show: true, position: 'right' } },
        { name: '平均评分', type: 'scatter', xAxisIndex: 1, symbolSize: 12, itemStyle: { color: '#2471a3' },
          data: rows.map((c) => c.averageRating) },
      ],
    }, true);
  }

  [districtSel, categorySel, fromInput, toInput].forEach((el) => el.addEventListener('change', load));
  const onResize = () => charts.forEach((c) => c.resize());
  window.addEventListener('resize', onResize);
  await load();
  return () => {
    window.removeEventListener('resize', onResize);
    charts.forEach((c) => c.dispose());
  };
}
