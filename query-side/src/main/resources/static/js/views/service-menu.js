// 服务菜单 and 点单: the projects units offer (publish, revise, withdraw for their providers and coordinators) and
// the order form — from a menu project, or a free 群众需求 with a category — with every error next to its field.

import { api } from '../api.js';
import {
  h, clear, field, select, errorPanel, DISTRICTS, formValues, clearErrors, setFieldError, setFormError, showApiError,
  busy, toast, newId, today, addDays,
} from '../util.js';
import { current } from '../session.js';
import { formDialog, ask } from '../dialog.js';
import {
  role, subnav, PROVIDER_TYPES, REQUESTER_TYPES, categoriesOr, categoryFilter, districtFilter,
} from './service-common.js';

const PROJECT_ALIASES = {
  标题: 'title', 项目名称: 'title', 名称: 'title', 类别: 'category', 说明: 'description', 项目说明: 'description',
  提供单位: 'providerUnitId', 服务单位: 'providerUnitId', 服务区域: 'districts', 区域: 'districts',
  每周可接单数: 'weeklyCapacity', 接单量: 'weeklyCapacity', 活动: 'campaignId', 关联活动: 'campaignId',
};

const ORDER_ALIASES = {
  服务项目: 'projectId', 项目: 'projectId', 类别: 'category', 需求类别: 'category', 点单单位: 'requestingUnitId',
  期望开始日期: 'wantedFrom', 开始日期: 'wantedFrom', 期望结束日期: 'wantedTo', 结束日期: 'wantedTo', 服务地点: 'place',
  地点: 'place', 服务人数: 'peopleToServe', 人数: 'peopleToServe', 联系方式: 'contact', 联系人: 'contact', 备注: 'notes',
};

/** Units the account may name as a provider (its own serving units; any serving unit for coordinators). */
async function providerUnits() {
  const r = role();
  if (!r.anyUnit) return r.providers;
  return (await api.listUnits()).filter((u) => u.active && PROVIDER_TYPES.includes(u.type));
}

export async function renderMenu(app, params, query) {
  const r = role();
  const categories = await categoriesOr(app);
  if (!categories) return;
  const categorySel = categoryFilter(categories, query.category || '', 'menu-category');
  const districtSel = districtFilter('', 'menu-district');
  const withdrawnBox = h('input', { type: 'checkbox', id: 'menu-withdrawn' });
  const list = h('div', { class: 'cards', id: 'project-list' }, h('p', { class: 'loading' }, '加载中…'));
  const publish = r.serves && (r.anyUnit || r.providers.length)
    ? h('button', { type: 'button', class: 'btn primary', id: 'publish-project' }, '发布服务项目') : null;
  app.appendChild(h('section', { class: 'service' },
    h('div', { class: 'page-head' }, h('h1', {}, '服务菜单'), publish),
    subnav('menu'),
    h('div', { class: 'filters' }, categorySel, current().district ? null : districtSel,
      h('label', { class: 'check' }, withdrawnBox, ' 含已下架')),
    list));

  async function load() {
    try {
      const projects = await api.serviceProjects({ category: categorySel.value || null,
        district: districtSel.value || null, includeWithdrawn: withdrawnBox.checked ? 'true' : null });
      clear(list);
      if (!projects.length) list.appendChild(h('div', { class: 'panel empty' }, '暂无服务项目。'));
      projects.forEach((p) => list.appendChild(projectCard(p)));
    } catch (err) {
      clear(list).appendChild(errorPanel(err, load));
    }
  }

  function projectCard(p) {
    const actions = [];
    if (p.actions.includes('ORDER') && r.serves) {
      actions.push(h('a', { class: 'btn small primary', href: `#/service/new?project=${encodeURIComponent(p.projectId)}`, 'data-action': 'ORDER' }, '点单'));
    }
    if (p.actions.includes('REVISE')) {
      actions.push(h('button', { type: 'button', class: 'btn small', 'data-action': 'REVISE',
        onclick: async () => { if (await projectDialog(categories, p)) load(); } }, '修改'));
    }
    if (p.actions.includes('WITHDRAW')) {
      actions.push(h('button', { type: 'button', class: 'btn small danger', 'data-action': 'WITHDRAW',
        onclick: async () => {
          const reason = await ask(`下架“${p.title}”`, '下架原因', { required: '请填写下架原因', confirm: '确认下架' });
          if (!reason) return;
          try {
            await api.withdrawProject(p.projectId, reason);
            toast(`已下架：${p.title}`);
            load();
          } catch (err) {
            toast(`下架失败：${err.detail}`, 'error');
          }
        } }, '下架'));
    }
    return h('article', { class: `card project-card${p.withdrawn ? ' withdrawn' : ''}`, 'data-project-id': p.projectId },
      h('div', { class: 'card-head' }, h('span', { class: 'card-title' }, p.title),
        p.withdrawn ? h('span', { class: 'badge muted' }, '已下架') : h('span', { class: 'tag' }, p.category)),
      h('div', { class: 'card-meta' },
        h('span', {}, `提供：${p.providerName || p.providerUnitId}`),
        h('span', {}, `服务区域：${p.districts.join('、')}`),
        p.weeklyCapacity != null ? h('span', {}, `每周可接 ${p.weeklyCapacity} 单`) : null,
        p.campaignId ? h('a', { href: `#/campaigns/${encodeURIComponent(p.campaignId)}` }, '关联主题活动') : null),
      p.description ? h('p', { class: 'desc' }, p.description) : null,
      p.withdrawn && p.withdrawalReason ? h('p', { class: 'muted small' }, `下架原因：${p.withdrawalReason}`) : null,
      actions.length ? h('div', { class: 'card-actions' }, actions) : null);
  }

  if (publish) publish.addEventListener('click', async () => { if (await projectDialog(categories, null)) load(); });
  [categorySel, districtSel, withdrawnBox].forEach((el) => el.addEventListener('change', load));
  await load();
}

/** 发布 (p null) or 修改 a project in a dialog; resolves with the answer, or null when cancelled. */
async function projectDialog(categories, p) {
  const [units, campaigns] = await Promise.all([providerUnits(), api.listCampaigns({ status: 'ACTIVE' })]);
  const provider = p ? p.providerUnitId : (units[0] ? units[0].unitId : '');
  const providerSel = select('providerUnitId', units.map((u) => [u.unitId, `${u.name}（${u.type}）`]), provider);
  if (p && !units.some((u) => u.unitId === p.providerUnitId)) {
    providerSel.appendChild(h('option', { value: p.providerUnitId, selected: true }, p.providerName || p.providerUnitId));
  }
  const home = (units.find((u) => u.unitId === provider) || {}).district;
  const chosen = new Set(p ? p.districts : [home].filter(Boolean));
  const districts = h('div', { class: 'field', 'data-field': 'districts' },
    h('label', {}, '服务区域'),
    h('div', { class: 'check-row district-checks' }, DISTRICTS.map((d) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'districts', value: d, checked: chosen.has(d) }), d))),
    h('div', { class: 'field-error', id: 'err-districts', 'aria-live': 'polite' }));
  const fields = [
    field('项目名称', h('input', { name: 'title', maxlength: '100', value: p ? p.title : '', placeholder: '如："夕阳再晨"科技助老' })),
    h('div', { class: 'form-grid' },
      field('类别', select('category', categories, p ? p.category : categories[0])),
      field('提供单位', providerSel),
      field('每周可接单数（可选）', h('input', { type: 'number', name: 'weeklyCapacity', min: '1', step: '1', value: p && p.weeklyCapacity != null ? p.weeklyCapacity : '' })),
      field('关联主题活动（可选）', select('campaignId', [['', '不关联'], ...campaigns.map((c) => [c.campaignId, c.title])], p ? p.campaignId || '' : ''),
        '结项时按活动记录计入该活动')),
    districts,
    field('项目说明', h('textarea', { name: 'description', rows: '3', maxlength: '2000' }, p ? p.description || '' : '')),
  ];
  const check = (v, form) => {
    let ok = true;
    if (!v.title) { setFieldError(form, 'title', '请填写项目名称'); ok = false; }
    if (!v.providerUnitId) { setFieldError(form, 'providerUnitId', '请选择提供单位'); ok = false; }
    if (!v.districts.length) { setFieldError(form, 'districts', '请至少选择一个服务区域'); ok = false; }
    return ok;
  };
  const projectId = p ? p.projectId : newId('sp');
  return formDialog(p ? `修改服务项目：${p.title}` : '发布服务项目', fields, (v) => {
    const body = { projectId, title: v.title, category: v.category, description: v.description,
      providerUnitId: v.providerUnitId, districts: v.districts,
      weeklyCapacity: v.weeklyCapacity === '' ? null : Number(v.weeklyCapacity), campaignId: v.campaignId || null };
    return p ? api.reviseProject(projectId, body) : api.publishProject(body);
  }, { confirm: p ? '保存修改' : '发布', check, aliases: PROJECT_ALIASES, id: 'project-dialog' });
}

/** 我要点单: from the menu (?project=…) or a free 群众需求 with a category. */
export async function renderOrderForm(app, params, query) {
  const r = role();
  let categories;
  let projects;
  let requesters = r.requesters;
  try {
    [categories, projects] = await Promise.all([api.serviceCategories().then((s) => s.categories), api.serviceProjects({})]);
    if (r.anyUnit) {
      requesters = (await api.listUnits()).filter((u) => u.active && REQUESTER_TYPES.includes(u.type));
    }
  } catch (err) {
    app.appendChild(errorPanel(err, () => location.reload()));
    return;
  }
  projects = projects.filter((p) => p.actions.includes('ORDER'));
  const fromMenu = !!query.project || (projects.length > 0 && query.free !== 'true');
  const kindMenu = h('input', { type: 'radio', name: 'kind', value: 'menu', checked: fromMenu, id: 'kind-menu' });
  const kindFree = h('input', { type: 'radio', name: 'kind', value: 'free', checked: !fromMenu, id: 'kind-free' });
  const projectSel = select('projectId', [['', '请选择服务项目'],
    ...projects.map((p) => [p.projectId, `${p.title}（${p.category} · ${p.providerName || p.providerUnitId}）`])], query.project || '');
  const categorySel = select('category', [['', '请选择需求类别'], ...categories.map((c) => [c, c])], '');
  const projectField = field('服务项目', projectSel);
  const categoryField = field('需求类别', categorySel, '菜单里没有合适的项目时，提出群众需求，由实践所/中心审核后派单');
  const start = addDays(today(), 3);
  const form = h('form', { class: 'panel form', id: 'order-form', novalidate: true },
    h('div', { class: 'form-error', role: 'alert', hidden: true }),
    h('fieldset', { class: 'checks' }, h('legend', {}, '点单方式'),
      h('div', { class: 'check-row' },
        h('label', { class: 'check' }, kindMenu, ' 从服务菜单点单'),
        h('label', { class: 'check' }, kindFree, ' 提出群众需求'))),
    projectField,
    categoryField,
    h('div', { class: 'form-grid' },
      field('点单单位', select('requestingUnitId', requesters.map((u) => [u.unitId, `${u.name}（${u.type}）`]),
        requesters.find((u) => u.type === '实践站') ? requesters.find((u) => u.type === '实践站').unitId : (requesters[0] || {}).unitId)),
      field('期望开始日期', h('input', { type: 'date', name: 'wantedFrom', value: start, min: today() })),
      field('期望结束日期（可选）', h('input', { type: 'date', name: 'wantedTo', min: today() }), '留空表示只在开始日期当天'),
      field('服务地点', h('input', { name: 'place', maxlength: '100', placeholder: '如：石油大院社区活动室' })),
      field('服务人数', h('input', { type: 'number', name: 'peopleToServe', min: '1', step: '1', inputmode: 'numeric' })),
      field('联系方式', h('input', { name: 'contact', maxlength: '100', placeholder: '联系人及电话' }), '只有经办单位（本单位、上级审派单位、服务单位）可见')),
    field('备注', h('textarea', { name: 'notes', rows: '3', maxlength: '2000', placeholder: '服务对象情况、具体要求' })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'btn primary', id: 'order-submit' }, '提交点单'),
      h('a', { class: 'btn', href: '#/service' }, '取消')));
  const sync = () => {
    projectField.hidden = !kindMenu.checked;
    categoryField.hidden = kindMenu.checked;
  };
  kindMenu.addEventListener('change', sync);
  kindFree.addEventListener('change', sync);
  sync();
  app.appendChild(h('section', { class: 'service' },
    h('div', { class: 'page-head' }, h('h1', {}, '我要点单')),
    subnav('new'),
    requesters.length ? form : h('div', { class: 'panel empty' }, '当前账号没有可以点单的实践站或实践所。')));

  // one id per filled-in form: a retried submit after a lost answer places the order once
  const orderId = newId('so');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = formValues(form);
    let ok = true;
    if (v.kind === 'menu' && !v.projectId) { setFieldError(form, 'projectId', '请选择服务项目'); ok = false; }
    if (v.kind === 'free' && !v.category) { setFieldError(form, 'category', '请选择需求类别'); ok = false; }
    if (!v.wantedFrom) { setFieldError(form, 'wantedFrom', '请选择期望开始日期'); ok = false; }
    if (v.wantedTo && v.wantedFrom && v.wantedTo < v.wantedFrom) { setFieldError(form, 'wantedTo', '期望结束日期不能早于开始日期'); ok = false; }
    if (!v.place) { setFieldError(form, 'place', '请填写服务地点'); ok = false; }
    if (v.peopleToServe !== '' && !(Number(v.peopleToServe) >= 1)) { setFieldError(form, 'peopleToServe', '服务人数须为正整数'); ok = false; }
    if (!ok) { setFormError(form, '请按提示修改标红的项目。'); return; }
    const body = {
      orderId,
      projectId: v.kind === 'menu' ? v.projectId : null,
      category: v.kind === 'free' ? v.category : null,
      requestingUnitId: v.requestingUnitId,
      wantedFrom: v.wantedFrom,
      wantedTo: v.wantedTo || null,
      place: v.place,
      peopleToServe: v.peopleToServe === '' ? null : Number(v.peopleToServe),
      contact: v.contact || null,
      notes: v.notes || null,
    };
    try {
      await busy(form.querySelector('[type=submit]'), () => api.placeOrder(body));
      toast('已提交点单，等待审核');
      location.hash = `#/service/orders/${encodeURIComponent(orderId)}`;
    } catch (err) {
      showApiError(form, err, ORDER_ALIASES);
    }
  });
}
