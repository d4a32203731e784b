// 订单看板: each account's part of the service orders — a station's own orders by state, a 所/中心's review and
// dispatch queue, a provider's inbox (dispatched to it, accepted, overdue), everything for coordinators and a
// district leader — with the overdue orders it must act on first, filters, export, and each order's timeline.

import { api, eventually } from '../api.js';
import { h, clear, fill, errorPanel, dateTime, num } from '../util.js';
import { current } from '../session.js';
import {
  STATES, STATE_ORDER, STEP_LABELS, stateBadge, overdueBadge, orderTitle, wanted, role, subnav, actionButtons,
  categoriesOr, categoryFilter, districtFilter,
} from './service-common.js';

/** The parts of the board this account has, the first being where it starts (review, own orders, inbox). */
function inboxes() {
  const r = role();
  const out = [];
  if (r.reviews) out.push({ key: 'review', label: r.anyUnit ? '待审派' : '待本单位审派', states: 'PLACED,APPROVED,DISPATCHED' });
  if (r.requesters.length && !r.anyUnit) out.push({ key: 'placed', label: '本单位点单' });
  if (r.providers.length && !r.anyUnit) out.push({ key: 'provider', label: '派给本单位', states: 'DISPATCHED,ACCEPTED,COMPLETED,RATED' });
  out.push({ key: 'all', label: r.leader ? '本区订单' : '全部订单' });
  return out;
}

export async function render(app, params, query) {
  const boxes = inboxes();
  const state = {
    inbox: boxes.some((b) => b.key === query.inbox) ? query.inbox : boxes[0].key,
    state: query.state || '', overdue: query.overdue === 'true', category: query.category || '',
    district: query.district || '', from: query.from || '', to: query.to || '', page: 0,
  };
  const box = () => boxes.find((b) => b.key === state.inbox);
  const categories = await categoriesOr(app);
  if (!categories) return;
  const inboxTabs = h('div', { class: 'rank-tabs', id: 'service-inboxes', role: 'group', 'aria-label': '订单范围' });
  const stateChips = h('div', { class: 'state-chips', id: 'state-chips' });
  const overdueBox = h('input', { type: 'checkbox', id: 'filter-overdue', checked: state.overdue });
  const categorySel = categoryFilter(categories, state.category, 'filter-category');
  const districtSel = districtFilter(state.district, 'filter-district');
  const fromInput = h('input', { type: 'date', id: 'filter-from', value: state.from, 'aria-label': '点单日期起' });
  const toInput = h('input', { type: 'date', id: 'filter-to', value: state.to, 'aria-label': '点单日期止' });
  const exportXlsx = h('a', { class: 'btn small', id: 'orders-xlsx', download: '' }, '导出 Excel');
  const exportCsv = h('a', { class: 'btn small', id: 'orders-csv', download: '' }, '导出 CSV');
  const summary = h('p', { class: 'muted', id: 'orders-summary' });
  const list = h('div', { class: 'order-list', id: 'order-list' }, h('p', { class: 'loading' }, '加载中…'));
  const more = h('div', { class: 'form-actions', id: 'orders-more' });
  const r = role();

  app.appendChild(h('section', { class: 'service' },
    h('div', { class: 'page-head' }, h('h1', {}, '服务点单'),
      r.serves && (r.anyUnit || r.requesters.length) ? h('a', { class: 'btn primary', href: '#/service/new', id: 'new-order' }, '我要点单') : null),
    subnav('board'),
    inboxTabs,
    h('div', { class: 'filters' },
      h('label', { class: 'check' }, overdueBox, ' 只看逾期'),
      categorySel,
      current().district ? null : districtSel,
      h('label', {}, '点单日期 ', fromInput, ' 至 ', toInput),
      h('span', { class: 'spacer' }), exportXlsx, exportCsv),
    stateChips,
    summary,
    list,
    more));

  function params() {
    const b = box();
    return {
      inbox: b.key === 'all' ? null : b.key,
      state: state.state || b.states || null,
      overdue: state.overdue ? 'true' : null,
      category: state.category || null,
      district: state.district || null,
      from: state.from || null,
      to: state.to || null,
    };
  }

  function drawTabs() {
    clear(inboxTabs);
    boxes.forEach((b) => inboxTabs.appendChild(h('button', {
      type: 'button', class: `btn small${b.key === state.inbox ? ' primary' : ''}`, 'data-inbox': b.key,
      onclick: () => { state.inbox = b.key; state.state = ''; state.page = 0; drawTabs(); load(); },
    }, b.label)));
  }

  function drawChips(page) {
    clear(stateChips);
    const b = box();
    const offered = b.states ? b.states.split(',') : STATE_ORDER;
    const counts = Object.fromEntries(page.byState.map((c) => [c.state, c]));
    const chip = (key, label, count, overdue) => h('button', {
      type: 'button', class: `chip${state.state === key ? ' active' : ''}`, 'data-state-filter': key || 'ALL',
      onclick: () => { state.state = key; state.page = 0; load(); },
    }, label, h('span', { class: 'chip-count' }, String(count)), overdue ? h('span', { class: 'chip-overdue' }, `逾期 ${overdue}`) : null);
    const total = offered.reduce((n, s) => n + (counts[s] ? counts[s].count : 0), 0);
    stateChips.appendChild(chip('', '全部', total, 0));
    offered.filter((s) => counts[s] && (counts[s].count > 0 || !b.states))
      .forEach((s) => stateChips.appendChild(chip(s, STATES[s].label, counts[s].count, counts[s].overdue)));
  }

  async function load() {
    const p = params();
    exportXlsx.href = api.serviceExport('orders', 'xlsx', p);
    exportCsv.href = api.serviceExport('orders', 'csv', p);
    try {
      const page = await api.serviceOrders({ ...p, page: state.page, size: 20 });
      drawChips(page);
      summary.textContent = `共 ${page.total} 单${page.overdue ? `，其中逾期 ${page.overdue} 单（需本单位办理的排在最前）` : ''}${page.truncated ? '；符合条件的订单过多，仅统计了最近的部分，请缩小筛选范围' : ''}`;
      clear(list);
      if (!page.items.length) {
        list.appendChild(h('div', { class: 'panel empty', id: 'no-orders' }, '没有符合条件的订单。'));
      }
      page.items.forEach((o) => list.appendChild(orderCard(o, load)));
      clear(more);
      if (state.page > 0) more.appendChild(h('button', { class: 'btn small', type: 'button', onclick: () => { state.page--; load(); } }, '上一页'));
      if (page.hasMore) more.appendChild(h('button', { class: 'btn small', type: 'button', onclick: () => { state.page++; load(); } }, '下一页'));
    } catch (err) {
      clear(list).appendChild(errorPanel(err, load));
    }
  }

  overdueBox.addEventListener('change', () => { state.overdue = overdueBox.checked; state.page = 0; load(); });
  categorySel.addEventListener('change', () => { state.category = categorySel.value; state.page = 0; load(); });
  districtSel.addEventListener('change', () => { state.district = districtSel.value; state.page = 0; load(); });
  fromInput.addEventListener('change', () => { state.from = fromInput.value; state.page = 0; load(); });
  toInput.addEventListener('change', () => { state.to = toInput.value; state.page = 0; load(); });
  drawTabs();
  await load();
}

/** One order on the board: what, who, when, where, its state and deadline, and the steps this account may take. */
export function orderCard(o, reload) {
  return h('article', { class: `card order-card${o.overdue ? ' overdue' : ''}`, 'data-order-id': o.orderId, 'data-state': o.state },
    h('div', { class: 'card-head' },
      h('a', { class: 'card-title', href: `#/service/orders/${encodeURIComponent(o.orderId)}` }, orderTitle(o)),
      h('span', { class: 'badges' }, overdueBadge(o), stateBadge(o.state))),
    h('div', { class: 'card-meta' },
      h('span', { class: 'tag' }, o.category),
      h('span', {}, `点单：${o.requestingUnitName || o.requestingUnitId}`),
      o.providerName ? h('span', {}, `服务：${o.providerName}`) : null,
      h('span', {}, `时间：${wanted(o)}`),
      o.place ? h('span', {}, `地点：${o.place}`) : null,
      o.peopleToServe != null ? h('span', {}, `${num(o.peopleToServe)} 人`) : null,
      o.contact ? h('span', { class: 'contact' }, `联系：${o.contact}`) : null),
    o.dueAt ? h('div', { class: `due${o.overdue ? ' error' : ' muted'} small` },
      `${o.overdue ? '已逾期：' : ''}应于 ${dateTime(o.dueAt).slice(0, 16)} 前${STEP_LABELS[o.overdueStep]}`) : null,
    o.rating ? h('div', { class: 'small' }, '评分 ', h('span', { class: 'stars-shown' }, '★'.repeat(o.rating.score) + '☆'.repeat(5 - o.rating.score))) : null,
    o.actions.length ? h('div', { class: 'card-actions' }, actionButtons(o, reload)) : null);
}

/** 订单详情: everything the account may see of one order, its steps now possible, and its timeline. */
export async function renderDetail(app, [id]) {
  const box = h('section', { class: 'service', id: 'order-detail' }, h('p', { class: 'loading' }, '加载中…'));
  app.appendChild(box);
  async function load() {
    let o;
    try {
      // right after 点单 the read model may not know the order yet: wait for it, as a 404 means "not yet"
      o = await eventually(() => api.serviceOrder(id));
    } catch (err) {
      clear(box).appendChild(errorPanel(err, load));
      return;
    }
    const row = (label, value) => (value == null || value === '' ? null : h('div', { class: 'kv' }, h('dt', {}, label), h('dd', {}, value)));
    // fill, not append: append would write a left-out part (null) as the text "null"
    fill(clear(box),
      h('div', { class: 'page-head' },
        h('a', { href: '#/service' }, '‹ 订单看板'),
        h('h1', { id: 'order-title' }, orderTitle(o)), stateBadge(o.state), overdueBadge(o)),
      o.actions.length ? h('div', { class: 'toolbar', id: 'order-actions' }, h('span', {}, '可办理：'), actionButtons(o, load)) : null,
      h('div', { class: 'grid' },
        h('div', { class: 'panel' }, h('h2', {}, '订单信息'),
          h('dl', { class: 'kvs' },
            row('订单编号', o.orderId),
            row('类别', o.category),
            row('来源', o.free ? '群众需求（非菜单）' : `服务菜单：${o.projectTitle}`),
            row('点单单位', o.requestingUnitName || o.requestingUnitId),
            row('所属区', o.district),
            row('服务单位', o.providerName || o.providerUnitId || (o.suggestedProviderName ? `（建议）${o.suggestedProviderName}` : '')),
            row('期望时间', wanted(o)),
            row('服务地点', o.place),
            row('服务人数', o.peopleToServe != null ? `${num(o.peopleToServe)} 人` : null),
            row('联系方式', o.contact || (o.contactHidden ? '仅经办单位可见' : '')),
            row('备注', o.notes),
            row('办理时限', o.dueAt ? `${o.overdue ? '已逾期，' : ''}应于 ${dateTime(o.dueAt).slice(0, 16)} 前${STEP_LABELS[o.overdueStep]}` : ''),
            row('驳回原因', o.rejectionReason),
            row('退单原因', o.declineReasons.length ? o.declineReasons.join('；') : ''),
            row('取消原因', o.cancellationReason))),
        h('div', { class: 'panel' }, h('h2', {}, '结项与评价'),
          o.completion ? h('dl', { class: 'kvs', id: 'completion' },
            row('服务日期', o.completion.date),
            row('场次', num(o.completion.sessions)),
            row('志愿者人次', num(o.completion.participations)),
            row('服务时长', `${num(o.completion.serviceHours)} 小时`),
            row('受益人次', num(o.completion.beneficiaries)),
            row('服务小结', o.completion.summary)) : h('p', { class: 'muted' }, '尚未结项。'),
          o.rating ? h('div', { id: 'rating' }, h('span', { class: 'stars-shown' }, '★'.repeat(o.rating.score) + '☆'.repeat(5 - o.rating.score)),
            ` ${o.rating.score} 分`, o.rating.comment ? h('p', {}, o.rating.comment) : null) : null),
        h('div', { class: 'panel wide' }, h('h2', {}, '办理过程'),
          h('ol', { class: 'timeline', id: 'order-timeline' }, o.timeline.map((t) => h('li', { 'data-step': t.step },
            h('span', { class: 'tl-step' }, STEP_LABELS[t.step] || t.step),
            h('span', { class: 'tl-when' }, dateTime(t.at)),
            h('span', { class: 'tl-who' }, [t.unitName || t.unitId, t.user].filter(Boolean).join(' · ')),
            t.providerName || t.providerUnitId ? h('span', { class: 'tl-detail' }, `服务单位：${t.providerName || t.providerUnitId}`) : null,
            t.score != null ? h('span', { class: 'tl-detail' }, `评分 ${t.score}`) : null,
            t.reason ? h('span', { class: 'tl-detail' }, `原因：${t.reason}`) : null,
            t.comment ? h('span', { class: 'tl-detail' }, `评语：${t.comment}`) : null))))));
  }
  await load();
}
