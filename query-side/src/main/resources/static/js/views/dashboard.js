// 活动看板: a campaign's dashboard. Cumulative progress vs target with the expected-progress line, bars by
// district and by unit type, drill-down 中心 → 所 → 站, leaderboard, silent units, an as-of date picker, and
// live updates over server-sent events.

import { api, eventually } from '../api.js';
import { progressOf } from '../model.js';
import {
  h, clear, num, pacingBadge, statusLabel, today, addDays, daysBetween, errorPanel, ACTIVITY_METRICS, metricLabel,
  dateTime, fill, busy, toast,
} from '../util.js';
import { progressBar } from './overview.js';
import { can, isUnitAccount } from '../session.js';

const COLORS = { actual: '#c0392b', expected: '#7f8c8d', target: '#2c3e50', bar: '#d35400', bar2: '#2980b9' };

export async function render(app, [id]) {
  const state = { id, asOf: null, silentDays: 7, metric: 'sessions', drill: [], progress: null, live: 'connecting',
    rank: 'top', rankN: 20, sortBy: null, sortAsc: false, notEnrolled: null };
  const charts = [];
  const chart = (el) => {
    if (!window.echarts) return null;
    const c = window.echarts.init(el, null, { renderer: 'canvas' });
    charts.push(c);
    return c;
  };

  const head = h('div', { class: 'dash-head', id: 'dash-head' });
  const asOfInput = h('input', { type: 'date', id: 'asof', name: 'asOf', max: today() });
  const liveBadge = h('span', { class: 'live', id: 'live-status' }, '连接中…');
  const asOfNote = h('span', { class: 'asof-note', id: 'asof-note' });
  // 截至日期 counts activities dated up to the day as known now; 按当时所知 shows what the system knew that evening
  const knownAtBox = h('input', { type: 'checkbox', id: 'asof-known', name: 'knownAt' });
  const metricSel = h('select', { id: 'metric-select', 'aria-label': '指标' },
    ACTIVITY_METRICS.map((m) => h('option', { value: m.key }, m.label)));
  const silentDaysInput = h('input', { type: 'number', min: '1', max: '365', value: '7', id: 'silent-days', class: 'narrow' });
  const kpis = h('div', { class: 'kpis', id: 'kpis' });
  const cumEl = h('div', { class: 'chart', id: 'chart-cumulative' });
  const districtEl = h('div', { class: 'chart', id: 'chart-district' });
  const typeEl = h('div', { class: 'chart', id: 'chart-unittype' });
  const drillEl = h('div', { class: 'chart', id: 'chart-hierarchy' });
  const crumbs = h('div', { class: 'crumbs', id: 'drill-crumbs' });
  const drillTable = h('div', { id: 'drill-table' });
  const leaderboard = h('div', { id: 'leaderboard' });
  const silent = h('div', { id: 'silent-units' });
  const notEnrolled = h('div', { id: 'not-enrolled' });
  // the ranking: its first N, its last N (the units furthest behind), or all of it
  const rankN = h('input', { type: 'number', min: '1', max: '1000', value: '20', id: 'rank-n', class: 'narrow', 'aria-label': '名次数 N' });
  const rankTabs = h('div', { class: 'rank-tabs', role: 'group', 'aria-label': '排行范围' },
    [['top', '前'], ['bottom', '后'], ['all', '全部']].map(([key, label]) => h('button', {
      type: 'button', class: 'btn small', 'data-rank': key, 'data-label': label,
      onclick: () => { state.rank = key; drawLeaderboard(); },
    }, key === 'all' ? label : `${label}20名`)), h('label', { class: 'small' }, ' N = ', rankN));
  rankN.addEventListener('change', () => {
    const n = Math.floor(Number(rankN.value));
    if (n >= 1) { state.rankN = n; drawLeaderboard(); }
  });
  const banner = h('div', { class: 'banner', id: 'dash-banner', hidden: true });

  app.appendChild(h('section', { class: 'dashboard' },
    head,
    banner,
    h('div', { class: 'toolbar' },
      h('label', {}, '截至日期 ', asOfInput),
      h('label', { class: 'small', title: '只计当日结束时已录入系统的活动与更正' }, knownAtBox, ' 按当时所知'),
      h('button', { class: 'btn small', id: 'asof-live', onclick: () => { asOfInput.value = ''; setAsOf(null); } }, '回到实时'),
      asOfNote,
      h('span', { class: 'spacer' }),
      liveBadge),
    kpis,
    h('div', { class: 'grid' },
      h('div', { class: 'panel wide' },
        h('div', { class: 'panel-head' }, h('h2', {}, '累计进度与目标'), h('label', {}, '指标 ', metricSel)),
        cumEl),
      h('div', { class: 'panel' }, h('h2', {}, '按区域'), districtEl),
      h('div', { class: 'panel' }, h('h2', {}, '按单位类型'), typeEl),
      h('div', { class: 'panel wide' }, h('h2', {}, '层级下钻 中心 → 所 → 站'), crumbs, drillEl, drillTable),
      h('div', { class: 'panel' },
        h('div', { class: 'panel-head' }, h('h2', {}, '沉默单位'), h('label', {}, '近 ', silentDaysInput, ' 天无活动')),
        silent),
      h('div', { class: 'panel' }, h('h2', {}, '未报到单位'), notEnrolled),
      h('div', { class: 'panel wide' }, h('div', { class: 'panel-head' }, h('h2', {}, '单位排行'), rankTabs), leaderboard))));

  const cumChart = chart(cumEl);
  const districtChart = chart(districtEl);
  const typeChart = chart(typeEl);
  const drillChart = chart(drillEl);
  if (!window.echarts) {
    [cumEl, districtEl, typeEl, drillEl].forEach((el) => el.appendChild(h('p', { class: 'muted' }, '图表组件未能加载。')));
  }
  drillChart && drillChart.on('click', (p) => {
    const node = currentLevel()[p.dataIndex];
    if (node && node.children.length) { state.drilledByUser = true; state.drill.push(node); drawDrill(); }
  });

  async function load() {
    try {
      const params = { silentDays: state.silentDays, top: 1000 };
      if (state.asOf) params.asOf = state.asOf;
      if (state.asOf && knownAtBox.checked) params.knownAt = state.asOf;
      // the first view may be asked for right after the launch: wait for the read model to know the campaign
      const data = state.progress ? await api.progress(id, params) : await eventually(() => api.progress(id, params));
      apply(data);
      // after the progress: whether 批量报到 is offered depends on the campaign's status
      if (!state.asOf) loadNotEnrolled();
    } catch (err) {
      if (state.asOf && err.status === 404 && state.progress) {
        // before the campaign was launched there was nothing: show that state, and the server's words for it
        setProgress(zeroed(state.progress, state.asOf));
        banner.hidden = false;
        banner.className = 'banner warn asof';
        banner.textContent = err.detail;
      } else if (!state.progress) {
        clear(app).appendChild(errorPanel(err, load));
      } else {
        banner.hidden = false;
        banner.className = 'banner error';
        banner.textContent = `刷新失败：${err.detail}`;
      }
    }
  }

  function apply(data) {
    setProgress(progressOf(data));
  }
  function setProgress(progress) {
    state.progress = progress;
    const roots = state.progress.hierarchy;
    if (!state.drilledByUser && !state.drill.length && roots.length === 1 && roots[0].children.length) {
      // one root (a district's 实践中心): start one level down, at its 实践所
      state.drill = [roots[0]];
    } else {
      // keep the user's drill path on the fresh figures
      let level = state.progress.hierarchy;
      const path = [];
      for (const n of state.drill) {
        const found = level.find((x) => x.unitId === n.unitId);
        if (!found) break;
        path.push(found);
        level = found.children;
      }
      state.drill = path;
    }
    draw();
  }

  function setAsOf(value) {
    state.asOf = value || null;
    asOfNote.textContent = !state.asOf ? ''
      : knownAtBox.checked ? `正在查看 ${state.asOf} 日终时系统所知的状态（实时更新已暂停）`
        : `正在查看活动日期截至 ${state.asOf} 的累计（含其后补录与更正；实时更新已暂停）`;
    load();
  }
  asOfInput.addEventListener('change', () => setAsOf(asOfInput.value));
  knownAtBox.addEventListener('change', () => { if (state.asOf) setAsOf(state.asOf); });
  metricSel.addEventListener('change', () => { state.metric = metricSel.value; drawCharts(); });
  silentDaysInput.addEventListener('change', () => {
    const n = Number(silentDaysInput.value);
    if (n >= 1) { state.silentDays = n; load(); }
  });

  function draw() {
    const p = state.progress;
    fill(clear(head),
      h('div', { class: 'page-head' },
        h('h1', { id: 'dash-title' }, p.title),
        p.zeroed ? h('span', { class: 'badge muted' }, '尚未发起')
          : p.status === 'ACTIVE' ? pacingBadge(p.pacing) : h('span', { class: `badge status-${p.status}` }, statusLabel(p.status))),
      h('div', { class: 'card-meta' },
        p.theme ? h('span', { class: 'tag' }, p.theme) : null,
        h('span', { class: 'tag' }, p.district || '全市'),
        h('span', {}, `${p.startDate} 至 ${p.endDate}`),
        p.status === 'ACTIVE' && p.daysLeft != null ? h('span', {}, `剩余 ${p.daysLeft} 天`) : null,
        // a closed or cancelled campaign is not paced any more: it shows where it ended
        p.status === 'ACTIVE' && p.expected != null ? h('span', {}, `应完成进度 ${num(p.expected, 1)}%`) : null,
        p.status !== 'ACTIVE' && !p.zeroed ? h('span', { id: 'final-state' }, `${statusLabel(p.status)}，最终完成：`
          + (p.metrics.filter((m) => m.target != null && m.percent != null)
            .map((m) => `${m.label} ${num(m.percent, 1)}%`).join('，') || '未设目标')) : null),
      p.description ? h('p', { class: 'desc' }, p.description) : null,
      h('div', { class: 'card-actions' },
        can('RECORD_ACTIVITIES') && p.status === 'ACTIVE'
          ? h('a', { class: 'btn small', href: `#/report?campaign=${encodeURIComponent(id)}` }, '报到与填报') : null,
        h('a', { class: 'btn small', href: `#/campaigns/${encodeURIComponent(id)}/history` }, '审计记录'),
        p.status === 'ACTIVE' && can('MANAGE_CAMPAIGNS') ? [
          h('a', { class: 'btn small', href: `#/campaigns/${encodeURIComponent(id)}/edit?tab=revise` }, '修改'),
          h('a', { class: 'btn small', href: `#/campaigns/${encodeURIComponent(id)}/edit?tab=extend` }, '延期'),
          h('a', { class: 'btn small', href: `#/campaigns/${encodeURIComponent(id)}/edit?tab=close` }, '结束'),
        ] : null));
    if (p.rebuilding) {
      banner.hidden = false;
      banner.className = 'banner warn';
      banner.textContent = '视图正在重建中，数字可能尚不完整。';
    } else if (!p.zeroed) {
      banner.hidden = true;
      banner.className = 'banner';
    }
    clear(kpis);
    for (const m of p.metrics) {
      kpis.appendChild(h('div', { class: 'kpi', id: `kpi-${m.key}`, 'data-metric': m.key },
        h('div', { class: 'kpi-label' }, m.label, m.pacing && p.status === 'ACTIVE' ? [' ', pacingBadge(m.pacing)] : null),
        h('div', { class: 'kpi-value' }, h('span', { class: 'metric-total' }, num(m.total)),
          h('small', {}, m.target != null ? ` / ${num(m.target)} ${m.unit}` : ` ${m.unit}`)),
        m.target != null ? progressBar({ ...m, label: '' }, p.status === 'ACTIVE' ? p.expected : null) : null,
        h('a', { class: 'kpi-link', href: `#/campaigns/${encodeURIComponent(id)}/history?tab=activities` }, '查看明细 ›')));
    }
    drawCharts();
    drawLeaderboard();
    drawSilent();
  }

  function drawCharts() {
    const p = state.progress;
    if (!p || !window.echarts) return;
    drawCumulative(p);
    const metric = state.metric;
    const label = metricLabel(metric);
    const barOpt = (rows, color) => ({
      grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: label, minInterval: metric === 'serviceHours' ? 0.5 : 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisLabel: { width: 110, overflow: 'truncate' } },
      series: [{ type: 'bar', name: label, barMaxWidth: 32, data: rows.map((r) => r.totals[metric] || 0), itemStyle: { color },
        label: { show: true, position: 'right' } }],
    });
    const byD = [...p.byDistrict].sort((a, b) => (b.totals[metric] || 0) - (a.totals[metric] || 0));
    districtChart.setOption(barOpt(byD, COLORS.bar), true);
    setHeight(districtEl, byD.length);
    const byT = [...p.byUnitType].sort((a, b) => (b.totals[metric] || 0) - (a.totals[metric] || 0));
    typeChart.setOption(barOpt(byT, COLORS.bar2), true);
    setHeight(typeEl, byT.length);
    if (!byD.length) districtChart.setOption(emptyOption('暂无数据'), true);
    if (!byT.length) typeChart.setOption(emptyOption('暂无数据'), true);
    drawDrill();
    charts.forEach((c) => c.resize());
  }

  function setHeight(el, rows) {
    el.style.height = `${Math.max(180, 36 * rows + 60)}px`;
  }

  function drawCumulative(p) {
    const metric = state.metric;
    const { target } = p.metrics.find((x) => x.key === metric);
    const dates = [];
    const n = Math.min(daysBetween(p.startDate, p.endDate), 800);
    for (let i = 0; i <= n; i++) dates.push(addDays(p.startDate, i));
    // the server's series runs from the first day to today (or the as-of day); the days after stay empty
    const byDate = new Map(p.series.map((s) => [s.date, s.cumulative[metric]]));
    const actual = dates.map((d) => (byDate.has(d) ? byDate.get(d) : null));
    const total = dates.length - 1;
    const expected = target != null ? dates.map((d, i) => Math.round((target * (i + 1)) / (total + 1) * 10) / 10) : [];
    const series = [
      { name: `实际累计${metricLabel(metric)}`, type: 'line', data: actual, showSymbol: false, smooth: false,
        lineStyle: { width: 3, color: COLORS.actual }, itemStyle: { color: COLORS.actual }, areaStyle: { opacity: 0.08 },
        markLine: target != null ? { symbol: 'none', lineStyle: { color: COLORS.target, type: 'solid' },
          label: { formatter: `目标 ${num(target)}`, position: 'insideEndTop' }, data: [{ yAxis: target }] } : undefined },
    ];
    if (target != null && p.status === 'ACTIVE' && !p.zeroed) {
      series.push({ name: '应完成进度', type: 'line', data: expected, showSymbol: false,
        lineStyle: { type: 'dashed', width: 2, color: COLORS.expected }, itemStyle: { color: COLORS.expected } });
    }
    cumChart.setOption({
      grid: { left: 8, right: 40, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: dates, boundaryGap: false },
      yAxis: { type: 'value', minInterval: metric === 'serviceHours' ? 0.5 : 1,
        max: target != null ? (v) => niceCeil(Math.max(v.max, target) * 1.05) : undefined,
        axisLabel: { formatter: (v) => num(v, 0) } },
      series,
    }, true);
  }

  function currentLevel() {
    const p = state.progress;
    if (!p) return [];
    return state.drill.length ? state.drill[state.drill.length - 1].children : p.hierarchy;
  }

  function drawDrill() {
    const metric = state.metric;
    const level = currentLevel();
    fill(clear(crumbs),
      h('a', { href: 'javascript:void 0', onclick: () => { state.drilledByUser = true; state.drill = []; drawDrill(); } }, '全部'),
      state.drill.map((n, i) => [' › ', h('a', { href: 'javascript:void 0', onclick: () => { state.drilledByUser = true; state.drill = state.drill.slice(0, i + 1); drawDrill(); } }, n.name)]));
    if (drillChart) {
      if (!level.length) {
        drillChart.setOption(emptyOption('暂无层级数据'), true);
      } else {
        drillChart.setOption({
          grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: level.map((n) => n.name), axisLabel: { interval: 0, rotate: level.length > 4 ? 30 : 0, width: 120, overflow: 'truncate' } },
          yAxis: { type: 'value', name: metricLabel(metric), minInterval: metric === 'serviceHours' ? 0.5 : 1 },
          series: [{ type: 'bar', barMaxWidth: 48, data: level.map((n) => ({ value: n.totals[metric] || 0,
            itemStyle: { color: n.children.length ? COLORS.bar : '#e67e22' } })), label: { show: true, position: 'top' } }],
        }, true);
      }
      drillChart.resize();
    }
    clear(drillTable).appendChild(level.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'table sticky-first', id: 'drill-units' },
      h('thead', {}, h('tr', {}, h('th', {}, '单位'), h('th', {}, '类型'), ACTIVITY_METRICS.map((m) => h('th', { class: 'num' }, m.label)))),
      h('tbody', {}, level.map((n) => h('tr', {},
        h('td', {}, n.children.length
          ? h('a', { href: 'javascript:void 0', class: 'drill-link', onclick: () => { state.drilledByUser = true; state.drill.push(n); drawDrill(); } }, `${n.name} ›`)
          : n.name),
        h('td', {}, n.type),
        ACTIVITY_METRICS.map((m) => h('td', { class: 'num' }, num(n.totals[m.key]))))))))
      : h('p', { class: 'muted' }, '该层级下暂无单位。'));
  }

  /** 未报到: the units that may join and have not (GET …/not-enrolled); only for the live view. */
  async function loadNotEnrolled() {
    try {
      state.notEnrolled = await api.notEnrolled(id);
    } catch (err) {
      clear(notEnrolled).appendChild(h('p', { class: 'error' }, `未报到单位加载失败：${err.detail}`));
      return;
    }
    const n = state.notEnrolled;
    // coordinators enrol many at once (a type, or a hand-picked set); units report in themselves
    const bulk = can('ENROL') && !isUnitAccount() && state.progress && state.progress.status === 'ACTIVE' && n.units.length > 0;
    const boxes = new Map();
    const item = (u) => {
      const box = bulk ? h('input', { type: 'checkbox', value: u.unitId, 'aria-label': u.name }) : null;
      if (box) boxes.set(u.unitId, { box, unit: u });
      return h('li', { 'data-unit-id': u.unitId }, h('label', {}, box, ' ', h('span', {}, u.name), ' ',
        h('span', { class: 'muted small' }, [u.type, u.parentName, u.district].filter(Boolean).join(' · '))));
    };
    // fill, not Element.append: append would write a skipped part (null) as the text "null"
    fill(clear(notEnrolled),
      h('p', { class: 'muted small', id: 'not-enrolled-sum' }, `可报到 ${n.eligibleUnits} 家，已报到 ${n.enrolledUnits} 家，未报到 ${n.units.length} 家`),
      bulk ? bulkBar(n, boxes) : null,
      n.units.length ? h('ul', { class: 'silent-list' }, n.units.map(item))
        : h('p', { class: 'muted' }, n.eligibleUnits ? '可报到的单位都已报到。' : '没有符合条件的单位。'));
  }

  /** 批量报到: pick by type (or by hand) and enrol the picked units, one command each; failures are listed per unit. */
  function bulkBar(n, boxes) {
    const types = [...new Set(n.units.map((u) => u.type))];
    const typeSel = h('select', { id: 'bulk-type', 'aria-label': '按类型选择' },
      h('option', { value: '' }, '按类型全选…'), types.map((t) => h('option', { value: t }, `全部${t}`)));
    const button = h('button', { type: 'button', class: 'btn small primary', id: 'bulk-enrol', disabled: true }, '为所选单位报到');
    const errors = h('ul', { class: 'field-error', id: 'bulk-errors', role: 'alert' });
    const count = () => {
      const k = [...boxes.values()].filter((x) => x.box.checked).length;
      button.disabled = k === 0;
      button.textContent = k ? `为所选 ${k} 家单位报到` : '为所选单位报到';
    };
    boxes.forEach(({ box }) => box.addEventListener('change', count));
    typeSel.addEventListener('change', () => {
      boxes.forEach(({ box, unit }) => { box.checked = !!typeSel.value && unit.type === typeSel.value; });
      count();
    });
    button.addEventListener('click', async () => {
      const picked = [...boxes.values()].filter((x) => x.box.checked).map((x) => x.unit);
      clear(errors);
      const failed = [];
      await busy(button, async () => {
        for (const u of picked) {
          try {
            await api.enroll(id, u.unitId);
          } catch (err) {
            failed.push(h('li', {}, `${u.name}：${err.detail}`));
          }
        }
      });
      toast(`已为 ${picked.length - failed.length} 家单位报到`, failed.length ? 'error' : 'ok');
      await loadNotEnrolled();
      if (failed.length) notEnrolled.querySelector('#bulk-errors').append(...failed);
    });
    return h('div', { class: 'bulk-bar' }, typeSel, button, errors);
  }

  /**
   * The ranking, sorted by the column the user picked (the chart's metric at first), each unit against the expected
   * progress while the campaign runs: its equal share of the metric's target by today (目标 × 应完成进度 ÷ 报到单位数).
   */
  function drawLeaderboard() {
    const p = state.progress;
    const key = state.sortBy || state.metric;
    const share = p.status === 'ACTIVE' ? expectedShare(p, key) : null;
    const value = (u) => (key === 'name' ? u.name : u.totals[key] || 0);
    const order = (a, b) => (key === 'name' ? a.name.localeCompare(b.name, 'zh-CN') : value(b) - value(a));
    const ranked = [...p.leaderboard].sort((a, b) => (state.sortAsc ? -order(a, b) : order(a, b)))
      .map((u, i) => ({ ...u, rank: i + 1 }));
    const n = state.rankN;
    const rows = state.rank === 'all' ? ranked : state.rank === 'bottom' ? ranked.slice(-n) : ranked.slice(0, n);
    rankTabs.querySelectorAll('[data-rank]').forEach((b) => {
      b.classList.toggle('primary', b.dataset.rank === state.rank);
      if (b.dataset.rank !== 'all') b.textContent = `${b.dataset.label}${n}名`;
    });
    const sortHead = (k, label, cls) => h('th', { class: `${cls || ''}${k === key ? ' sorted' : ''} sortable`, 'data-sort': k,
      'aria-sort': k === key ? (state.sortAsc ? 'ascending' : 'descending') : 'none',
      onclick: () => { state.sortAsc = state.sortBy === k || (!state.sortBy && k === state.metric) ? !state.sortAsc : false; state.sortBy = k; drawLeaderboard(); },
    }, label, k === key ? (state.sortAsc ? ' ▲' : ' ▼') : null);
    const pace = (u) => {
      if (share == null) return null;
      const ahead = (u.totals[key] || 0) >= share;
      return h('td', { class: 'num pace' }, h('span', { class: `badge ${ahead ? 'ok' : 'lag'}` }, ahead ? '达到' : '落后'),
        h('div', { class: 'muted small' }, `应完成 ${num(share, 1)}`));
    };
    clear(leaderboard).appendChild(rows.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'table sticky-second', id: 'leaderboard-table' },
      h('thead', {}, h('tr', {}, h('th', {}, '#'), sortHead('name', '单位'), ACTIVITY_METRICS.map((m) => sortHead(m.key, m.label, 'num')),
        share != null ? h('th', { class: 'num', id: 'pace-head', title: '目标 × 应完成进度 ÷ 报到单位数' }, `应完成进度（${metricLabel(key)}）`) : null)),
      h('tbody', {}, rows.map((u) => h('tr', { 'data-unit-id': u.unitId },
        h('td', {}, u.rank),
        h('td', {}, h('a', { href: `#/campaigns/${encodeURIComponent(id)}/history?tab=activities&unitId=${encodeURIComponent(u.unitId)}` }, u.name),
          h('div', { class: 'muted small' }, [u.type, u.district].filter(Boolean).join(' · '))),
        ACTIVITY_METRICS.map((m) => h('td', { class: 'num' }, num(u.totals[m.key]))),
        pace(u))))))
      : h('p', { class: 'muted' }, '尚无单位填报活动。'));
  }

  function drawSilent() {
    const list = state.progress.silent;
    clear(silent).appendChild(list.length ? h('ul', { class: 'silent-list' }, list.map((u) => h('li', { 'data-unit-id': u.unitId },
      h('span', {}, u.name), ' ',
      h('span', { class: 'muted small' }, [u.type, u.district].filter(Boolean).join(' · ')), ' ',
      u.never ? h('span', { class: 'badge risk' }, '从未填报') : h('span', { class: 'badge lag' }, `最近活动 ${u.lastActivityDate || '—'}${u.daysSilent != null ? `（${u.daysSilent} 天前）` : ''}`))))
      : h('p', { class: 'muted' }, state.progress.enrolledUnits ? '没有沉默单位，所有已报到单位近期都有活动。' : '还没有单位报到。'));
  }

  // live updates: every pushed change reloads the figures (unless the user is looking at an earlier day)
  let pending = null;
  const onPush = (data) => {
    if (state.asOf) { asOfNote.textContent = `正在查看截至 ${state.asOf} 的状态 · 有新的实时数据，点“回到实时”查看`; return; }
    clearTimeout(pending);
    const stamp = () => { liveBadge.textContent = `● 实时 · 更新于 ${dateTime(Date.now()).slice(11)}`; };
    // a pushed view names at most 50 ranked units: a longer ranking is fetched whole
    if ('metrics' in data && state.silentDays === 7 && data.leaderboard.length < 50) {
      if (state.progress && data.enrolledUnits !== state.progress.enrolledUnits) loadNotEnrolled();
      // the push carries the whole progress view (silent units over the default 7 days): draw it as it is
      setProgress(progressOf(data, data.rebuilding));
      stamp();
      return;
    }
    pending = setTimeout(() => load().then(stamp), 150);
  };
  // the live stream opens once the figures could be read: a dashboard this account may not read opens none
  let closeStream = () => {};
  const onResize = () => charts.forEach((c) => c.resize());
  window.addEventListener('resize', onResize);

  await load();
  if (state.progress) {
    closeStream = api.progressStream(id, onPush, (s) => {
      liveBadge.className = `live ${s}`;
      if (s === 'open') liveBadge.textContent = '● 实时更新中';
      else if (s === 'reconnecting') liveBadge.textContent = '○ 实时连接中断，正在重连…';
      else liveBadge.textContent = '○ 实时更新已关闭';
    });
  }

  return () => {
    closeStream();
    clearTimeout(pending);
    window.removeEventListener('resize', onResize);
    charts.forEach((c) => c.dispose());
  };
}

/** One enrolled unit's equal share of the metric's target by today, from the server's figures; null without one. */
function expectedShare(p, key) {
  const m = p.metrics.find((x) => x.key === key);
  if (!m || m.target == null || m.expected == null || !p.enrolledUnits) return null;
  return (m.target * m.expected) / 100 / p.enrolledUnits;
}

/** The view of a day on which the campaign did not exist yet: its targets, nothing achieved. */
function zeroed(p, asOf) {
  const zero = Object.fromEntries(ACTIVITY_METRICS.map((m) => [m.key, 0]));
  const node = (n) => ({ ...n, totals: zero, children: n.children.map(node) });
  return {
    ...p,
    asOf,
    zeroed: true,
    pacing: null,
    expected: 0,
    metrics: p.metrics.map((m) => ({ ...m, total: 0, percent: m.target ? 0 : null, pacing: null })),
    byDistrict: [],
    byUnitType: [],
    hierarchy: p.hierarchy.map(node),
    leaderboard: [],
    series: [],
    silent: [],
  };
}

/** 336 → 340, 1050 → 1200, 52.5 → 54: an axis end a person would pick, just above the target. */
function niceCeil(x) {
  if (!(x > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(x)) / 5;
  return Math.ceil(x / step) * step;
}

function emptyOption(text) {
  return {
    title: { text, left: 'center', top: 'middle', textStyle: { color: '#999', fontSize: 14, fontWeight: 'normal' } },
    xAxis: { show: false }, yAxis: { show: false }, series: [],
  };
}
