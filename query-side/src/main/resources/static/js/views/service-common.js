// 服务点单, shared by its screens: labels, the sub-menu per role, what an account may offer, and each step of an
// order as a dialog (reason, 派单 target, 结项报告, 评单) that keeps the server's errors next to their fields. The
// server decides; an order's `actions` say what it would accept from this account, and only those are offered.

import { api } from '../api.js';
import { h, field, select, setFieldError, today, toast, dateTime, errorPanel, DISTRICTS } from '../util.js';
import { current, can } from '../session.js';
import { formDialog } from '../dialog.js';

export const STATES = {
  PLACED: { label: '待审核', cls: 'lag' },
  APPROVED: { label: '待派单', cls: 'lag' },
  REJECTED: { label: '已驳回', cls: 'muted' },
  DISPATCHED: { label: '待接单', cls: 'lag' },
  ACCEPTED: { label: '服务中', cls: 'done' },
  COMPLETED: { label: '已结项', cls: 'ok' },
  RATED: { label: '已评价', cls: 'ok' },
  CANCELLED: { label: '已取消', cls: 'muted' },
};
export const STATE_ORDER = Object.keys(STATES);

/** The step an order waits for (overdueStep) and the timeline's steps. */
export const STEP_LABELS = {
  REVIEW: '审单', DISPATCH: '派单', ACCEPT: '接单', COMPLETE: '结项',
  PLACED: '点单', APPROVED: '审核通过', REJECTED: '驳回', DISPATCHED: '派单', DECLINED: '退单', ACCEPTED: '接单',
  COMPLETED: '结项', RATED: '评单', CANCELLED: '取消',
};

/** What a step did, for the message after it succeeded. */
const ACTION_DONE = {
  APPROVE: '已通过审核', REJECT: '已驳回', DISPATCH: '已派单', ACCEPT: '已接单', DECLINE: '已退单', COMPLETE: '已结项',
  RATE: '已评价', CANCEL: '已取消',
};

export const ACTION_LABELS = {
  APPROVE: '通过', REJECT: '驳回', DISPATCH: '派单', ACCEPT: '接单', DECLINE: '退单', COMPLETE: '结项',
  RATE: '评价', CANCEL: '取消',
};

/** Unit types that serve (publish projects, take orders) and that order, as the command side has them. */
export const PROVIDER_TYPES = ['实践中心', '实践所', '实践基地', '志愿服务队', '区直单位'];
export const REQUESTER_TYPES = ['实践站', '实践所'];

export function stateBadge(state) {
  const s = STATES[state] || { label: state, cls: 'muted' };
  return h('span', { class: `badge ${s.cls}`, 'data-state': state }, s.label);
}

export function overdueBadge(order) {
  if (!order.overdue) return null;
  return h('span', { class: 'badge risk overdue-badge', title: `应于 ${dateTime(order.dueAt)} 前${STEP_LABELS[order.overdueStep]}` },
    `逾期·待${STEP_LABELS[order.overdueStep]}`);
}

/** The order's title: the menu project's, or 群众需求 with its category. */
export const orderTitle = (o) => (o.projectTitle ? o.projectTitle : `群众需求 · ${o.category}`);

export const wanted = (o) => (o.wantedTo && o.wantedTo !== o.wantedFrom ? `${o.wantedFrom} 至 ${o.wantedTo}` : o.wantedFrom);

/** What this account is, for the 服务点单 screens. */
export function role() {
  const me = current();
  const anyUnit = me.role === 'ADMIN' || me.role === 'COORDINATOR';
  const acting = me.actsFor || [];
  const serves = can('SERVICE_ORDERS');
  return {
    anyUnit,
    leader: me.role === 'LEADER',
    serves,
    // the units it orders for (its 实践站, a 所 for itself too), those that provide, and whether it reviews
    requesters: acting.filter((u) => u.active && REQUESTER_TYPES.includes(u.type)),
    providers: acting.filter((u) => u.active && PROVIDER_TYPES.includes(u.type)),
    reviews: anyUnit || (serves && acting.length > 1),
    statistics: anyUnit || me.role === 'LEADER',
  };
}

/** The 服务点单 sub-menu: board, menu, 点单, statistics — each only where the account can use it. */
export function subnav(active) {
  const r = role();
  const tabs = [
    ['board', '#/service', '订单看板', true],
    ['menu', '#/service/menu', '服务菜单', true],
    ['new', '#/service/new', '我要点单', r.serves && (r.anyUnit || r.requesters.length > 0)],
    ['stats', '#/service/stats', '服务统计', r.statistics],
  ];
  return h('nav', { class: 'tabs service-tabs', 'aria-label': '服务点单' },
    tabs.filter((t) => t[3]).map(([key, href, label]) => h('a', {
      class: `tab${key === active ? ' active' : ''}`, href, 'data-service-tab': key,
    }, label)));
}

/** The configured categories; null after drawing the error in `app` (the screen stops there). */
export async function categoriesOr(app) {
  try {
    return (await api.serviceCategories()).categories;
  } catch (err) {
    app.appendChild(errorPanel(err, () => location.reload()));
    return null;
  }
}

/** The filters every 服务点单 list has: a category (or all), a district (or all). */
export const categoryFilter = (categories, value, id) => select('category', [['', '全部类别'], ...categories.map((c) => [c, c])], value, { id });
export const districtFilter = (value, id) => select('district', [['', '全部区'], ...DISTRICTS.map((d) => [d, d])], value, { id });

// ---- the steps as dialogs --------------------------------------------------------------------------------

const REASON_ALIASES = { 原因: 'reason', 理由: 'reason' };

const reasonField = (label) => field(label, h('textarea', { name: 'reason', rows: '3', maxlength: '500' }));

function needReason(label) {
  return (v, form) => {
    if (v.reason) return true;
    setFieldError(form, 'reason', `请填写${label}`);
    return false;
  };
}

/** Units an order may be dispatched to: active units of a serving type, its own district's first. */
async function providerOptions(order) {
  const units = (await api.listUnits()).filter((u) => u.active && PROVIDER_TYPES.includes(u.type));
  units.sort((a, b) => (a.district === order.district ? 0 : 1) - (b.district === order.district ? 0 : 1)
    || a.district.localeCompare(b.district, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
  return units;
}

/**
 * Runs one step of an order (an `actions` entry) through its dialog. Resolves with the command's answer, or null
 * when the user cancelled.
 */
export async function act(order, action) {
  const id = order.orderId;
  const title = `${ACTION_LABELS[action]}：${orderTitle(order)}`;
  switch (action) {
    case 'APPROVE':
      return formDialog(title, [], () => api.orderStep(id, 'approve'),
        { confirm: '审核通过', intro: `${order.requestingUnitName || order.requestingUnitId} 的点单通过审核后，可派给服务单位。` });
    case 'REJECT':
      return formDialog(title, [reasonField('驳回原因')], (v) => api.orderStep(id, 'reject', { reason: v.reason }),
        { confirm: '确认驳回', check: needReason('驳回原因'), aliases: REASON_ALIASES, intro: '驳回后该订单结束，点单单位可看到原因。' });
    case 'DISPATCH': {
      const units = await providerOptions(order);
      const preferred = order.providerUnitId || order.suggestedProviderUnitId || '';
      const sel = select('providerUnitId', [['', '请选择服务单位'],
        ...units.map((u) => [u.unitId, `${u.name}（${u.type} · ${u.district}）`])], preferred);
      const hint = order.suggestedProviderName ? `默认为菜单项目的提供单位：${order.suggestedProviderName}` : '群众需求须选择服务单位';
      return formDialog(title, [field('派给', sel, hint)],
        (v) => api.orderStep(id, 'dispatch', { providerUnitId: v.providerUnitId }),
        { confirm: '派单', aliases: { providerUnitId: 'providerUnitId', 服务单位: 'providerUnitId', 接单单位: 'providerUnitId' },
          check: (v, form) => (v.providerUnitId ? true : (setFieldError(form, 'providerUnitId', '请选择服务单位'), false)) });
    }
    case 'ACCEPT':
      return formDialog(title, [], () => api.orderStep(id, 'accept'),
        { confirm: '确认接单', intro: `服务时间 ${wanted(order)}，地点 ${order.place || '—'}，服务 ${order.peopleToServe ?? '—'} 人。接单后请按时提供服务并结项。` });
    case 'DECLINE':
      return formDialog(title, [reasonField('退单原因')], (v) => api.orderStep(id, 'decline', { reason: v.reason }),
        { confirm: '确认退单', check: needReason('退单原因'), aliases: REASON_ALIASES, intro: '退单后订单回到待派单，由审派单位另行派单。' });
    case 'CANCEL':
      return formDialog(title, [reasonField('取消原因')], (v) => api.orderStep(id, 'cancel', { reason: v.reason }),
        { confirm: '确认取消', check: needReason('取消原因'), aliases: REASON_ALIASES });
    case 'COMPLETE':
      return completeDialog(order, title);
    case 'RATE':
      return rateDialog(order, title);
    default:
      return null;
  }
}

const COMPLETE_ALIASES = {
  服务日期: 'date', 日期: 'date', 'report.date': 'date', 场次: 'sessions', 'figures.sessions': 'sessions',
  志愿者人次: 'participations', 'figures.participations': 'participations', 服务时长: 'serviceHours',
  'figures.serviceHours': 'serviceHours', 受益人次: 'beneficiaries', 'figures.beneficiaries': 'beneficiaries',
  服务小结: 'summary', 小结: 'summary', 'report.summary': 'summary',
};

function completeDialog(order, title) {
  const num = (name, attrs) => h('input', { type: 'number', name, inputmode: 'decimal', ...attrs });
  const fields = [
    h('div', { class: 'form-grid' },
      field('服务日期', h('input', { type: 'date', name: 'date', value: today(), max: today() })),
      field('场次', num('sessions', { min: '1', step: '1', value: '1' })),
      field('志愿者人次', num('participations', { min: '0', step: '1' })),
      field('服务时长（小时）', num('serviceHours', { min: '0', step: '0.5' })),
      field('受益人次', num('beneficiaries', { min: '0', step: '1', value: order.peopleToServe ?? '' }))),
    field('服务小结', h('textarea', { name: 'summary', rows: '3', maxlength: '2000', placeholder: '服务内容、效果、群众反映' })),
  ];
  const check = (v, form) => {
    let ok = true;
    if (!v.date) { setFieldError(form, 'date', '请选择服务日期'); ok = false; }
    for (const [name, label, min] of [['sessions', '场次', 1], ['participations', '志愿者人次', 0],
      ['serviceHours', '服务时长', 0], ['beneficiaries', '受益人次', 0]]) {
      if (v[name] === '') { setFieldError(form, name, `请填写${label}`); ok = false; } else if (Number(v[name]) < min) {
        setFieldError(form, name, `${label}不能小于 ${min}`); ok = false;
      }
    }
    return ok;
  };
  return formDialog(title, fields, (v) => api.orderStep(order.orderId, 'complete', {
    date: v.date, sessions: Number(v.sessions), participations: Number(v.participations),
    serviceHours: Number(v.serviceHours), beneficiaries: Number(v.beneficiaries), summary: v.summary,
  }), { confirm: '提交结项报告', check, aliases: COMPLETE_ALIASES, id: 'complete-dialog',
    intro: order.campaignId ? '该项目关联主题活动：结项后按活动记录计入活动进度（服务单位须已报到）。' : null });
}

function rateDialog(order, title) {
  const stars = h('div', { class: 'stars', role: 'radiogroup', 'aria-label': '评分' },
    [1, 2, 3, 4, 5].map((n) => h('label', { class: 'star' },
      h('input', { type: 'radio', name: 'score', value: String(n), checked: n === 5 }), ` ${n} 分`)));
  const scoreField = h('div', { class: 'field', 'data-field': 'score' },
    h('label', {}, '评分（1–5）'), stars, h('div', { class: 'field-error', id: 'err-score', 'aria-live': 'polite' }));
  const comment = field('评语', h('textarea', { name: 'comment', rows: '3', maxlength: '500' }), '低于 3 分须填写评语');
  const check = (v, form) => {
    const score = Number(v.score);
    if (!score) { setFieldError(form, 'score', '请选择评分'); return false; }
    if (score < 3 && !v.comment) { setFieldError(form, 'comment', '低于 3 分须填写评语，说明哪里不满意'); return false; }
    return true;
  };
  return formDialog(title, [scoreField, comment],
    (v) => api.orderStep(order.orderId, 'rate', { score: Number(v.score), comment: v.comment || null }),
    { confirm: '提交评价', check, aliases: { 评分: 'score', 评语: 'comment' }, id: 'rate-dialog' });
}

/** The buttons of an order's actions; `done()` runs after a step succeeded (to reload). */
export function actionButtons(order, done) {
  return order.actions.map((a) => h('button', {
    type: 'button', class: `btn small${['REJECT', 'DECLINE', 'CANCEL'].includes(a) ? ' danger' : ' primary'}`,
    'data-action': a,
    onclick: async () => {
      const answer = await act(order, a);
      if (answer) {
        toast(`${ACTION_DONE[a]}：${orderTitle(order)}`);
        await done();
      }
    },
  }, ACTION_LABELS[a]));
}
