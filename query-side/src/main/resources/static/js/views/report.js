// 报到 and 填报活动: a unit picks a campaign, reports in, records / corrects / retracts activities and sees its
// own ledger. Built for a phone: one column, big inputs.

import { api, eventually } from '../api.js';
import { ledgerIoPanel } from './ledger-io.js';
import { campaignOf, unitOf, activityOf, enrolledIn, participationTotals } from '../model.js';
import {
  h, clear, field, CATEGORIES, today, formValues, clearErrors, setFieldError, setFormError, showApiError, busy,
  toast, errorPanel, newId, num, dateTime, statusLabel, unitLabeller,
} from '../util.js';
import { isUnitAccount, actingUnits } from '../session.js';
import { batchPanel } from './report-batch.js';
import { ask } from '../dialog.js';

const ALIASES = {
  activityId: 'activityId', 日期: 'date', 活动日期: 'date', 标题: 'title', 活动名称: 'title', 类别: 'category', 活动类别: 'category',
  地点: 'site', 服务地点: 'site', 场次: 'sessions', 志愿者人次: 'participations', 服务时长: 'serviceHours',
  受益人次: 'beneficiaries', 备注: 'notes', 原因: 'reason', 更正原因: 'reason', unitId: 'unit', 单位: 'unit',
  'figures.sessions': 'sessions', 'figures.participations': 'participations', 'figures.serviceHours': 'serviceHours',
  'figures.beneficiaries': 'beneficiaries',
};
const MY_UNIT = 'campaign-tracker.my-unit';

export async function render(app, _params, query) {
  let campaigns;
  let units;
  // a unit account records for its own unit and the units below it, nobody else (GET /api/me's actsFor)
  const boundToUnit = isUnitAccount();
  try {
    [campaigns, units] = await Promise.all([api.listCampaigns({}),
      boundToUnit ? actingUnits() : api.listUnits()]);
  } catch (err) {
    app.appendChild(errorPanel(err, () => location.reload()));
    return;
  }
  campaigns = campaigns.map(campaignOf);
  units = (boundToUnit ? units.map((u) => ({ id: u.unitId, name: u.name, type: u.type, district: u.district, parentId: u.parentUnitId, active: u.active }))
    : units.map(unitOf)).filter((u) => u.active);
  const eligibleFor = (c, u) => (!c.district || u.district === c.district)
    && (!c.eligibleUnitTypes.length || c.eligibleUnitTypes.includes(u.type));
  let open = campaigns.filter((c) => c.status === 'ACTIVE');
  // a unit sees only the campaigns one of its units may join
  if (boundToUnit) open = open.filter((c) => units.some((u) => eligibleFor(c, u)) || c.id === query.campaign);
  const state = {
    campaignId: query.campaign || (open[0] && open[0].id) || '',
    unitId: query.unit || (boundToUnit ? (units[0] && units[0].id) : localStorage.getItem(MY_UNIT)) || '',
    editing: null,
    // what the last recorded activity kept for the next one (再填一条: date, category, site) and the whole of it
    // (复制上一条); the ledger as last drawn, so a new row shows at once while the server catches up
    keep: null,
    last: null,
    ledger: null,
  };

  const campaignSel = h('select', { id: 'report-campaign', name: 'campaign' },
    (open.length || boundToUnit ? open : campaigns).map((c) => h('option', { value: c.id, selected: c.id === state.campaignId }, `${c.title}（${c.district || '全市'}）`)));
  if (!campaignSel.value && campaignSel.options.length) state.campaignId = campaignSel.value;
  state.campaignId = campaignSel.value || state.campaignId;
  const unitSel = h('select', { id: 'report-unit', name: 'unit' });
  const enrolBox = h('div', { id: 'enrol-box', class: 'enrol' });
  const formBox = h('div', { id: 'activity-box' });
  const ledgerBox = h('div', { id: 'ledger' });
  const batchBox = h('div', { id: 'batch-box' });

  const campaign = () => campaigns.find((c) => c.id === state.campaignId);
  const unit = () => units.find((u) => u.id === state.unitId);

  function fillUnits() {
    const c = campaign();
    const eligible = units.filter((u) => !c || eligibleFor(c, u));
    if (!boundToUnit || eligible.length !== 1) {
      clear(unitSel).appendChild(h('option', { value: '' }, eligible.length ? '请选择本单位' : '（没有可报到的单位）'));
    } else {
      clear(unitSel);
    }
    const label = unitLabeller(eligible, units);
    eligible.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .forEach((u) => unitSel.appendChild(h('option', { value: u.id, selected: u.id === state.unitId }, `${label(u)}（${u.type}）`)));
    if (!eligible.some((u) => u.id === state.unitId)) state.unitId = boundToUnit && eligible.length ? eligible[0].id : '';
    unitSel.value = state.unitId;
  }

  campaignSel.addEventListener('change', () => { state.campaignId = campaignSel.value; fillUnits(); refresh(); });
  unitSel.addEventListener('change', () => {
    state.unitId = unitSel.value;
    if (state.unitId && !boundToUnit) localStorage.setItem(MY_UNIT, state.unitId);
    refresh();
  });

  /** Whether the unit has reported in; `expect` waits (briefly) for a just-sent 报到 or withdrawal to show. */
  async function enrolled(expect) {
    try {
      const data = await eventually(() => api.unitParticipation(state.unitId),
        (d) => expect === undefined || enrolledIn(d, state.campaignId) === expect);
      return enrolledIn(data, state.campaignId);
    } catch (err) {
      return null; // unknown: offer 报到 anyway (enrolling twice is harmless)
    }
  }

  async function refresh({ expectEnrolled, ledgerOk } = {}) {
    clear(enrolBox); clear(formBox); clear(ledgerBox); clear(batchBox);
    state.ledger = null;
    const c = campaign();
    const u = unit();
    if (!c) { enrolBox.appendChild(h('p', { class: 'muted' }, '目前没有进行中的活动。')); return; }
    if (!u) { enrolBox.appendChild(h('p', { class: 'muted' }, '请选择本单位。')); return; }
    const isEnrolled = await enrolled(expectEnrolled);
    const enrolBtn = h('button', { class: 'btn primary', id: 'enroll-btn', type: 'button' }, '报到');
    enrolBtn.addEventListener('click', async () => {
      try {
        await busy(enrolBtn, () => api.enroll(c.id, u.id));
        toast(`${u.name} 已报到`);
        refresh({ expectEnrolled: true });
      } catch (err) {
        enrolBox.querySelector('.enrol-error').textContent = err.detail;
      }
    });
    const withdrawBtn = h('button', { class: 'btn small', id: 'withdraw-btn', type: 'button' }, '退出活动');
    withdrawBtn.addEventListener('click', async () => {
      if (!confirm(`确认 ${u.name} 退出“${c.title}”？`)) return;
      try {
        await api.withdraw(c.id, u.id);
        toast('已退出活动');
        refresh({ expectEnrolled: false });
      } catch (err) {
        enrolBox.querySelector('.enrol-error').textContent = err.detail;
      }
    });
    enrolBox.append(
      h('div', { class: 'enrol-line' },
        isEnrolled === true ? h('span', { class: 'badge ok', id: 'enrol-state' }, '已报到')
          : isEnrolled === false ? h('span', { class: 'badge muted', id: 'enrol-state' }, '未报到') : null,
        ' ', `${u.name} · ${c.title}（${c.startDate} 至 ${c.endDate}，${statusLabel(c.status)}）`),
      h('div', { class: 'form-actions' }, isEnrolled === true ? withdrawBtn : enrolBtn),
      h('div', { class: 'field-error enrol-error', role: 'alert' }));
    if (isEnrolled !== false) {
      formBox.appendChild(activityForm(c, u, state.editing));
      if (!state.editing && c.status === 'ACTIVE') {
        const maxDate = c.endDate && c.endDate < today() ? c.endDate : today();
        batchBox.appendChild(batchPanel(c, u, { date: maxDate, maxDate }, (ids) => loadLedger(c, u,
          (rows) => ids.every((id) => rows.some((x) => x.activityId === id)))));
      }
      await loadLedger(c, u, ledgerOk);
    }
  }

  function activityForm(c, u, editing) {
    const kept = !editing && state.keep && state.keep.unitId === u.id && state.keep.campaignId === c.id ? state.keep : {};
    const a = editing || kept;
    const max = c.endDate && c.endDate < today() ? c.endDate : today();
    const form = h('form', { class: 'panel form', id: 'activity-form', novalidate: true },
      h('h2', {}, editing ? `更正活动：${a.title}` : kept.date ? '再填一条' : '填报活动'),
      !editing && kept.date ? h('p', { class: 'muted small', id: 'kept-note' }, '已保留上一条的日期、类别和地点') : null,
      h('div', { class: 'form-error', role: 'alert', hidden: true }),
      h('div', { class: 'form-grid' },
        field('活动日期', h('input', { type: 'date', name: 'date', value: a.date || max, min: c.startDate, max })),
        field('活动名称', h('input', { name: 'title', value: a.title || '', placeholder: '如：路口文明引导' })),
        field('类别', h('input', { name: 'category', list: 'categories', value: a.category || '' })),
        field('服务地点', h('input', { name: 'site', value: a.site || '', placeholder: '如：府前街与光明街路口' })),
        field('场次', h('input', { type: 'number', name: 'sessions', min: '1', step: '1', inputmode: 'numeric', value: a.sessions ?? 1 })),
        field('志愿者人次', h('input', { type: 'number', name: 'participations', min: '0', step: '1', inputmode: 'numeric', value: a.participations ?? '' })),
        field('服务时长（小时）', h('input', { type: 'number', name: 'serviceHours', min: '0', step: '0.5', inputmode: 'decimal', value: a.serviceHours ?? '' }), '以 0.5 小时为单位'),
        field('受益人次', h('input', { type: 'number', name: 'beneficiaries', min: '0', step: '1', inputmode: 'numeric', value: a.beneficiaries ?? '' }))),
      h('datalist', { id: 'categories' }, CATEGORIES.map((x) => h('option', { value: x }))),
      field('备注', h('textarea', { name: 'notes', rows: '2' }, a.notes || '')),
      editing ? field('更正原因', h('textarea', { name: 'reason', rows: '2', placeholder: '必填：为什么要更正' })) : null,
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'btn primary', id: 'activity-submit' }, editing ? '提交更正' : '提交'),
        !editing && state.last && state.last.unitId === u.id
          ? h('button', { type: 'button', class: 'btn', id: 'copy-last', onclick: () => copyLast(form) }, '复制上一条') : null,
        editing ? h('button', { type: 'button', class: 'btn', onclick: () => { state.editing = null; refresh(); } }, '放弃更正') : null));
    // the client-supplied id is fixed when the form is drawn: resubmitting after a lost answer never double-counts
    const activityId = a.activityId || newId('a');
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const v = formValues(form);
      let ok = true;
      if (!v.date) { setFieldError(form, 'date', '请选择活动日期'); ok = false; }
      if (!v.title) { setFieldError(form, 'title', '请填写活动名称'); ok = false; }
      for (const [k, label] of [['sessions', '场次'], ['participations', '志愿者人次'], ['serviceHours', '服务时长'], ['beneficiaries', '受益人次']]) {
        if (v[k] !== '' && Number.isNaN(Number(v[k]))) { setFieldError(form, k, `${label}须为数字`); ok = false; }
      }
      if (editing && !v.reason) { setFieldError(form, 'reason', '更正须填写原因'); ok = false; }
      if (!ok) { setFormError(form, '请按提示修改标红的项目。'); return; }
      const n = (x) => (x === '' ? 0 : Number(x));
      const body = {
        activityId, unitId: u.id, date: v.date, title: v.title, category: v.category, site: v.site,
        sessions: n(v.sessions), participations: n(v.participations), serviceHours: n(v.serviceHours),
        beneficiaries: n(v.beneficiaries), notes: v.notes,
      };
      try {
        let ledgerOk;
        if (editing) {
          await busy(form.querySelector('[type=submit]'), () => api.correctActivity(c.id, activityId, { ...body, reason: v.reason }));
          toast('更正已提交');
          const before = editing.corrections;
          ledgerOk = (rows) => rows.some((x) => x.activityId === activityId && x.corrections > before);
        } else {
          await busy(form.querySelector('[type=submit]'), () => api.recordActivity(c.id, body));
          toast(`已填报：${v.title}`);
          recorded(c, u, body);
          return;
        }
        state.editing = null;
        refresh({ ledgerOk });
      } catch (err) {
        showApiError(form, err, ALIASES);
      }
    });
    return form;
  }

  /** Fills the form with the last recorded activity (a new id: it is another activity). */
  function copyLast(form) {
    const l = state.last;
    for (const k of ['date', 'title', 'category', 'site', 'sessions', 'participations', 'serviceHours', 'beneficiaries', 'notes']) {
      if (form.elements[k]) form.elements[k].value = l[k] ?? '';
    }
  }

  /**
   * After a record: the next form keeps date, category and site and takes the place of the old one (the page does
   * not move), the new row shows at once, and the ledger is fetched again at the command's position.
   */
  function recorded(c, u, body) {
    state.keep = { campaignId: c.id, unitId: u.id, date: body.date, category: body.category, site: body.site };
    state.last = body;
    const next = activityForm(c, u, null);
    formBox.replaceChildren(next);
    next.elements.title.focus({ preventScroll: true });
    if (state.ledger) {
      const pending = { ...body, retracted: false, corrections: 0, correctionHistory: [], pending: true };
      const t = state.ledger.totals;
      const withPending = { activities: t.activities + 1 };
      for (const k of ['sessions', 'participations', 'serviceHours', 'beneficiaries']) withPending[k] = t[k] + body[k];
      drawLedger(c, u, [pending, ...state.ledger.rows], withPending);
    }
    loadLedger(c, u, (rows) => rows.some((x) => x.activityId === body.activityId));
  }

  async function loadLedger(c, u, ledgerOk) {
    let rows;
    let t;
    const fetchRows = async () => (await api.activities(c.id, { unitId: u.id, includeRetracted: true, size: 200 }))
      .items.map(activityOf);
    try {
      // after a write, wait for it longer than a plain read would: a busy server's projections may lag seconds
      rows = await eventually(fetchRows, (r) => !ledgerOk || ledgerOk(r), ledgerOk ? 30000 : 8000);
      // the unit's totals in this campaign, once they include what the ledger shows
      const live = rows.filter((a) => !a.retracted).length;
      t = await eventually(async () => participationTotals(await api.unitParticipation(u.id), c.id),
        (x) => rows.length >= 200 || x.activities === live);
    } catch (err) {
      ledgerBox.replaceChildren(errorPanel(err, () => loadLedger(c, u)));
      return;
    }
    rows.sort((a, b) => String(b.date).localeCompare(String(a.date)));
    state.ledger = { rows, totals: t };
    drawLedger(c, u, rows, t);
  }

  function drawLedger(c, u, rows, t) {
    ledgerBox.replaceChildren(h('div', { class: 'panel' },
      h('h2', {}, '本单位台账'),
      h('p', { class: 'ledger-sum', id: 'ledger-sum' },
        `共 ${t.activities} 条有效记录：${num(t.sessions)} 场次 · ${num(t.participations)} 志愿者人次 · `
        + `${num(t.serviceHours)} 小时 · ${num(t.beneficiaries)} 受益人次`),
      rows.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'ledger-table' },
        h('thead', {}, h('tr', {}, ['日期', '活动', '场次', '人次', '时长', '受益', ''].map((t) => h('th', {}, t)))),
        h('tbody', {}, rows.map((a) => h('tr', { class: a.retracted ? 'retracted' : a.pending ? 'pending-row' : '', 'data-activity-id': a.activityId },
          h('td', {}, a.date),
          h('td', {}, h('div', {}, a.title, a.retracted ? h('span', { class: 'badge muted' }, '已撤回') : null,
            a.corrections ? h('span', { class: 'badge lag', title: correctionsText(a) }, `更正 ${a.corrections} 次`) : null),
          h('div', { class: 'muted small' }, [a.pending ? '已提交，正在入账' : '', a.category, a.site].filter(Boolean).join(' · '))),
          h('td', { class: 'num', 'data-label': '场次' }, num(a.sessions)),
          h('td', { class: 'num', 'data-label': '人次' }, num(a.participations)),
          h('td', { class: 'num', 'data-label': '时长' }, num(a.serviceHours)),
          h('td', { class: 'num', 'data-label': '受益' }, num(a.beneficiaries)),
          h('td', { class: 'actions' }, a.retracted || a.pending || c.status !== 'ACTIVE' ? null : [
            h('button', { class: 'link', type: 'button', onclick: () => { state.editing = a; refresh(); window.scrollTo(0, 0); } }, '更正'),
            h('button', { class: 'link danger', type: 'button', onclick: () => retract(c, a) }, '撤回')]))))))
        : h('p', { class: 'muted' }, '还没有填报记录。')));
    ledgerBox.appendChild(ledgerIoPanel(c, u, () => refresh()));
  }

  function correctionsText(a) {
    return a.correctionHistory.map((x) => `${dateTime(x.at)} ${x.reason}`).join('\n');
  }

  async function retract(c, a) {
    const reason = await ask(`撤回“${a.title}”（${a.date}）`, '撤回原因', { required: '撤回须填写原因', confirm: '确认撤回' });
    if (reason == null) return;
    try {
      await api.retractActivity(c.id, a.activityId, reason);
      toast('已撤回');
      refresh({ ledgerOk: (rows) => rows.some((x) => x.activityId === a.activityId && x.retracted) });
    } catch (err) {
      toast(`撤回失败：${err.detail}`, 'error');
    }
  }

  app.appendChild(h('section', { class: 'report' },
    h('div', { class: 'page-head' }, h('h1', {}, '报到与填报')),
    h('div', { class: 'panel form' },
      h('div', { class: 'form-grid' },
        h('label', { class: 'field' }, '活动', campaignSel),
        h('label', { class: 'field' }, '本单位', unitSel)),
      enrolBox),
    formBox,
    batchBox,
    ledgerBox));
  fillUnits();
  await refresh();
}
