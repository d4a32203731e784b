// 发起活动 / 修改 / 延期 / 结束 (and 取消): coordinator forms with validation messages next to the fields.

import { api } from '../api.js';
import { progressOf } from '../model.js';
import {
  h, field, select, DISTRICTS, THEMES, METRICS, today, addDays, formValues, optNumber, clearErrors,
  setFieldError, setFormError, showApiError, busy, toast, errorPanel, statusLabel, newId, checkPeriod,
} from '../util.js';

/** Words the server may use for a field (in a field property or in its Chinese detail) → form field name. */
const ALIASES = {
  campaignId: 'id', 活动编号: 'id',
  标题: 'title', 名称: 'title', 活动名称: 'title',
  主题: 'theme', 说明: 'description', 描述: 'description',
  区域: 'district',
  单位类型: 'eligibleUnitTypes', unitTypes: 'eligibleUnitTypes',
  开始日期: 'startDate', 起始日期: 'startDate',
  结束日期: 'endDate', 截止日期: 'endDate',
  'targets.sessions': 'target_sessions', sessions: 'target_sessions', 场次: 'target_sessions',
  'targets.participations': 'target_participations', participations: 'target_participations', 志愿者人次: 'target_participations',
  'targets.serviceHours': 'target_serviceHours', serviceHours: 'target_serviceHours', 服务时长: 'target_serviceHours',
  'targets.beneficiaries': 'target_beneficiaries', beneficiaries: 'target_beneficiaries', 受益人次: 'target_beneficiaries',
  'targets.enrolledUnits': 'target_enrolledUnits', enrolledUnits: 'target_enrolledUnits', 报到单位数: 'target_enrolledUnits',
  原因: 'reason',
};

function targetFields(targets = {}) {
  return h('fieldset', { class: 'targets' },
    h('legend', {}, '目标（可留空，留空表示不设该项目标）'),
    h('div', { class: 'form-grid' }, METRICS.map((m) => field(`${m.label}（${m.unit}）`,
      h('input', { type: 'number', name: `target_${m.key}`, min: '0', step: m.key === 'serviceHours' ? '0.5' : '1',
        inputmode: 'decimal', value: targets[m.key] ?? '' })))));
}

function targetsFrom(v) {
  const t = {};
  for (const m of METRICS) t[m.key] = optNumber(v[`target_${m.key}`]);
  return t;
}

/** Client-side checks: only what the user can fix before sending; the server has the last word. */
function checkTargets(form, v) {
  let ok = true;
  for (const m of METRICS) {
    const raw = v[`target_${m.key}`];
    if (raw !== '' && (Number.isNaN(Number(raw)) || Number(raw) < 0)) {
      setFieldError(form, `target_${m.key}`, `${m.label}目标须为不小于 0 的数字`);
      ok = false;
    }
  }
  return ok;
}

export async function renderLaunch(app) {
  let unitTypes;
  try {
    unitTypes = (await api.unitTypes()).map((t) => t.label);
  } catch (err) {
    app.appendChild(errorPanel(err, () => location.reload()));
    return;
  }
  const start = today();
  const form = h('form', { class: 'panel form', id: 'launch-form', novalidate: true },
    h('div', { class: 'form-error', role: 'alert', hidden: true }),
    h('div', { class: 'form-grid' },
      field('活动名称', h('input', { name: 'title', placeholder: '如：文明路口引导行动"百日大战"', maxlength: '100' })),
      field('主题', h('input', { name: 'theme', list: 'themes', placeholder: '如：文明交通' }),
        null),
      field('范围', select('district', [['', '全市'], ...DISTRICTS.map((d) => [d, d])], '')),
      field('开始日期', h('input', { type: 'date', name: 'startDate', value: start })),
      field('结束日期', h('input', { type: 'date', name: 'endDate', value: addDays(start, 30) })),
      field('活动编号（可选）', h('input', { name: 'id', placeholder: '留空自动生成' }), '用于重复提交时不重复创建')),
    h('datalist', { id: 'themes' }, THEMES.map((t) => h('option', { value: t }))),
    field('活动说明', h('textarea', { name: 'description', rows: '3', placeholder: '活动内容、工作要求' })),
    h('fieldset', { class: 'checks' },
      h('legend', {}, '可报到的单位类型'),
      h('div', { class: 'field', 'data-field': 'eligibleUnitTypes' },
        h('div', { class: 'check-row' }, unitTypes.map((t) => h('label', { class: 'check' },
          h('input', { type: 'checkbox', name: 'eligibleUnitTypes', value: t, checked: t !== '实践中心' }), t))),
        h('div', { class: 'field-error', id: 'err-eligibleUnitTypes' }))),
    targetFields({}),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn primary', id: 'launch-submit' }, '发起活动'),
      h('a', { class: 'btn', href: '#/' }, '取消')));

  // one id per filled-in form: a retried submit after a lost answer does not create a second campaign
  const generatedId = newId('c');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = formValues(form);
    let ok = true;
    if (!v.title) { setFieldError(form, 'title', '请填写活动名称'); ok = false; }
    if (!v.theme) { setFieldError(form, 'theme', '请填写活动主题'); ok = false; }
    if (!v.startDate) { setFieldError(form, 'startDate', '请选择开始日期'); ok = false; }
    if (!v.endDate) { setFieldError(form, 'endDate', '请选择结束日期'); ok = false; }
    if (!v.eligibleUnitTypes.length) { setFieldError(form, 'eligibleUnitTypes', '请至少选择一种单位类型'); ok = false; }
    ok = checkPeriod(form, v.startDate, v.endDate) && ok;
    ok = checkTargets(form, v) && ok;
    if (!ok) { setFormError(form, '请按提示修改标红的项目。'); return; }
    const body = {
      campaignId: v.id || generatedId,
      title: v.title,
      theme: v.theme,
      description: v.description,
      district: v.district || null,
      eligibleUnitTypes: v.eligibleUnitTypes,
      startDate: v.startDate,
      endDate: v.endDate,
      targets: targetsFrom(v),
    };
    try {
      const answer = await busy(form.querySelector('[type=submit]'), () => api.launchCampaign(body));
      const id = (answer && (answer.campaignId || answer.id)) || body.campaignId;
      toast(`活动“${body.title}”已发起`);
      location.hash = `#/campaigns/${encodeURIComponent(id)}`;
    } catch (err) {
      showApiError(form, err, ALIASES);
    }
  });

  app.appendChild(h('section', {}, h('div', { class: 'page-head' }, h('h1', {}, '发起活动')), form));
}

export async function renderEdit(app, [id], query) {
  let c;
  try {
    const list = await api.progress(id);
    c = progressOf(list);
  } catch (err) {
    app.appendChild(errorPanel(err, () => location.reload()));
    return;
  }
  const tab = query.tab || 'revise';
  const tabs = [['revise', '修改'], ['extend', '延期'], ['close', '结束'], ['cancel', '取消活动']];
  const body = h('div', {});
  app.appendChild(h('section', {},
    h('div', { class: 'page-head' }, h('h1', {}, `${c.title}`), h('span', { class: `badge status-${c.status}` }, statusLabel(c.status))),
    h('p', { class: 'muted' }, `${c.startDate} 至 ${c.endDate} · ${c.district || '全市'} · `, h('a', { href: `#/campaigns/${encodeURIComponent(id)}` }, '返回看板')),
    h('div', { class: 'tabs' }, tabs.map(([k, label]) =>
      h('a', { class: `tab${k === tab ? ' active' : ''}`, href: `#/campaigns/${encodeURIComponent(id)}/edit?tab=${k}` }, label))),
    body));
  if (c.status !== 'ACTIVE') {
    body.appendChild(h('div', { class: 'panel' }, `该活动${statusLabel(c.status)}，不能再修改。`));
    return;
  }
  const done = (msg) => { toast(msg); location.hash = `#/campaigns/${encodeURIComponent(id)}`; };

  if (tab === 'revise') {
    const form = h('form', { class: 'panel form', id: 'revise-form', novalidate: true },
      h('div', { class: 'form-error', role: 'alert', hidden: true }),
      field('活动名称', h('input', { name: 'title', value: c.title })),
      field('活动说明', h('textarea', { name: 'description', rows: '3' }, c.description || '')),
      targetFields(Object.fromEntries(c.metrics.map((m) => [m.key, m.target]))),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn primary' }, '保存修改')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const v = formValues(form);
      // every field at once: a missing name and a bad target are both marked
      let ok = true;
      if (!v.title) { setFieldError(form, 'title', '请填写活动名称'); ok = false; }
      ok = checkTargets(form, v) && ok;
      if (!ok) { setFormError(form, '请按提示修改标红的项目。'); return; }
      try {
        await busy(form.querySelector('[type=submit]'), () =>
          api.reviseCampaign(id, { title: v.title, description: v.description, targets: targetsFrom(v) }));
        done('活动已修改');
      } catch (err) { showApiError(form, err, ALIASES); }
    });
    body.appendChild(form);
  } else if (tab === 'extend') {
    const form = h('form', { class: 'panel form', id: 'extend-form', novalidate: true },
      h('div', { class: 'form-error', role: 'alert', hidden: true }),
      h('p', {}, `当前结束日期：${c.endDate}`),
      field('新的结束日期', h('input', { type: 'date', name: 'endDate', value: addDays(c.endDate, 7) })),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn primary' }, '确认延期')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const v = formValues(form);
      if (!v.endDate) { setFieldError(form, 'endDate', '请选择新的结束日期'); return; }
      if (v.endDate <= c.endDate) { setFieldError(form, 'endDate', `新的结束日期须晚于当前结束日期 ${c.endDate}`); return; }
      if (!checkPeriod(form, c.startDate, v.endDate)) return;
      try {
        await busy(form.querySelector('[type=submit]'), () => api.extendCampaign(id, v.endDate));
        done(`活动已延期至 ${v.endDate}`);
      } catch (err) { showApiError(form, err, ALIASES); }
    });
    body.appendChild(form);
  } else if (tab === 'close') {
    const form = h('form', { class: 'panel form', id: 'close-form', novalidate: true },
      h('div', { class: 'form-error', role: 'alert', hidden: true }),
      h('p', {}, '结束后，各单位不能再报到或填报活动，已填报的数据保留并可追溯。'),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'confirm', value: 'yes' }), ' 我确认结束该活动'),
      h('div', { class: 'field', 'data-field': 'confirm' }, h('div', { class: 'field-error', id: 'err-confirm' })),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn danger' }, '结束活动')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      if (!form.elements.confirm.checked) { setFieldError(form, 'confirm', '请先勾选确认'); return; }
      try {
        await busy(form.querySelector('[type=submit]'), () => api.closeCampaign(id));
        done('活动已结束');
      } catch (err) { showApiError(form, err, ALIASES); }
    });
    body.appendChild(form);
  } else {
    const form = h('form', { class: 'panel form', id: 'cancel-form', novalidate: true },
      h('div', { class: 'form-error', role: 'alert', hidden: true }),
      h('p', {}, '取消表示活动作废，不计入统计；已有的事件记录保留。'),
      field('取消原因', h('textarea', { name: 'reason', rows: '2' })),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn danger' }, '取消活动')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors(form);
      const v = formValues(form);
      if (!v.reason) { setFieldError(form, 'reason', '请填写取消原因'); return; }
      try {
        await busy(form.querySelector('[type=submit]'), () => api.cancelCampaign(id, v.reason));
        done('活动已取消');
      } catch (err) { showApiError(form, err, ALIASES); }
    });
    body.appendChild(form);
  }
}
