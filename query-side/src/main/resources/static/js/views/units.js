// 单位管理: register units and see the hierarchy 区 → 实践中心 → 实践所 → 实践站 (bases, teams, civilised units and
// district agencies hang off a district or a station); rename and deactivate.

import { api, eventually } from '../api.js';
import { unitOf, unitTypesOf } from '../model.js';
import {
  h, clear, field, select, DISTRICTS, formValues, clearErrors, setFieldError, setFormError, showApiError, busy, toast,
  errorPanel, newId, unitLabeller,
} from '../util.js';
import { can } from '../session.js';
import { ask } from '../dialog.js';

const ALIASES = {
  unitId: 'unitId', 单位编号: 'unitId', 名称: 'name', 单位名称: 'name', 类型: 'type', 单位类型: 'type',
  区域: 'district', 所属区: 'district', parentUnitId: 'parentUnitId', 上级单位: 'parentUnitId', 上级: 'parentUnitId',
};

export async function render(app) {
  let types;
  try {
    types = unitTypesOf(await api.unitTypes());
  } catch (err) {
    app.appendChild(errorPanel(err, () => location.reload()));
    return;
  }
  let units = [];
  const tree = h('div', { class: 'tree', id: 'unit-tree' }, h('p', { class: 'loading' }, '加载中…'));
  const filter = h('input', { type: 'search', placeholder: '搜索单位名称', id: 'unit-search' });
  const districtFilter = select('districtFilter', [['', '全部区域'], ...DISTRICTS.map((d) => [d, d])], '');

  const typeSel = select('type', types.labels, '实践站');
  const districtSel = select('district', DISTRICTS.map((d) => [d, d]), '海淀区');
  const parentSel = h('select', { name: 'parentUnitId' });
  const parentRule = h('span', { id: 'parent-rule' });
  const form = h('form', { class: 'panel form', id: 'unit-form', novalidate: true },
    h('h2', {}, '登记单位'),
    h('div', { class: 'form-error', role: 'alert', hidden: true }),
    h('div', { class: 'form-grid' },
      field('单位名称', h('input', { name: 'name', placeholder: '如：学院路街道新时代文明实践所' })),
      field('单位类型', typeSel),
      field('所属区', districtSel),
      field('上级单位', parentSel, parentRule),
      field('单位编号（可选）', h('input', { name: 'unitId', placeholder: '留空自动生成' }))),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn primary', id: 'unit-submit' }, '登记')));

  const refreshParents = () => {
    const type = typeSel.value;
    const parents = types.parents(type);
    parentRule.textContent = [parents.length ? `${type}可挂在${parents.join('、')}下` : '',
      types.accepts(type, null) ? '可直属本区' : ''].filter(Boolean).join('，也');    const options = units.filter((u) => u.active && u.district === districtSel.value && types.accepts(type, u.type));
    clear(parentSel);
    if (types.accepts(type, null)) parentSel.appendChild(h('option', { value: '' }, '（无，直属本区）'));
    const label = unitLabeller(options, units);
    options.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .forEach((u) => parentSel.appendChild(h('option', { value: u.id }, `${label(u)}（${u.type}）`)));
    if (!parentSel.options.length) parentSel.appendChild(h('option', { value: '' }, '（本区尚无合适的上级单位）'));
  };
  typeSel.addEventListener('change', refreshParents);
  districtSel.addEventListener('change', refreshParents);

  let generatedId = newId('u'); // kept until this unit is registered: a retried submit registers it once
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = formValues(form);
    if (!v.name) { setFieldError(form, 'name', '请填写单位名称'); setFormError(form, '请按提示修改标红的项目。'); return; }
    const body = { unitId: v.unitId || generatedId, name: v.name, type: v.type, district: v.district, parentUnitId: v.parentUnitId || null };
    try {
      await busy(form.querySelector('[type=submit]'), () => api.registerUnit(body));
      toast(`已登记：${v.name}`);
      generatedId = newId('u');
      form.elements.name.value = '';
      form.elements.unitId.value = '';
      await load(body.unitId);
    } catch (err) {
      showApiError(form, err, ALIASES);
    }
  });

  async function load(expectUnitId) {
    try {
      const has = (list) => !expectUnitId || list.some((u) => u.unitId === expectUnitId);
      units = (await eventually(() => api.listUnits(), has)).map(unitOf);
    } catch (err) {
      clear(tree).appendChild(errorPanel(err, load));
      return;
    }
    if (units.length && !units.some((u) => u.district === districtSel.value)) {
      districtSel.value = units[units.length - 1].district; // where the user is working
    }
    refreshParents();
    drawTree();
  }

  function drawTree() {
    const q = filter.value.trim();
    const d = districtFilter.value;
    const byParent = new Map();
    units.forEach((u) => {
      const key = u.parentId && units.some((p) => p.id === u.parentId) ? u.parentId : `district:${u.district}`;
      if (!byParent.has(key)) byParent.set(key, []);
      byParent.get(key).push(u);
    });
    const order = (a, b) => types.labels.indexOf(a.type) - types.labels.indexOf(b.type) || a.name.localeCompare(b.name, 'zh-CN');
    const matches = (u) => !q || u.name.includes(q) || (byParent.get(u.id) || []).some(matches);
    const node = (u) => {
      const kids = (byParent.get(u.id) || []).filter(matches).sort(order);
      const label = h('span', { class: `unit-label${u.active ? '' : ' inactive'}` },
        h('span', { class: `type-tag t-${types.labels.indexOf(u.type)}` }, u.type), ' ', u.name,
        u.active ? null : h('span', { class: 'badge muted' }, '已停用'),
        can('MANAGE_UNITS') ? h('span', { class: 'unit-actions' },
          h('button', { class: 'link', type: 'button', onclick: () => rename(u) }, '改名'),
          u.active ? h('button', { class: 'link', type: 'button', onclick: () => deactivate(u) }, '停用') : null) : null);
      if (!kids.length) return h('li', { 'data-unit-id': u.id }, label);
      return h('li', { 'data-unit-id': u.id }, h('details', { open: u.type !== '实践所' || !!q },
        h('summary', {}, label, h('span', { class: 'muted small' }, ` ${kids.length} 个下级`)),
        h('ul', {}, kids.map(node))));
    };
    const districts = [...new Set(units.map((u) => u.district))].filter((x) => !d || x === d)
      .sort((a, b) => DISTRICTS.indexOf(a) - DISTRICTS.indexOf(b));
    clear(tree);
    if (!units.length) { tree.appendChild(h('p', { class: 'muted' }, '尚未登记任何单位。')); return; }
    districts.forEach((dist) => {
      const roots = (byParent.get(`district:${dist}`) || []).filter(matches).sort(order);
      if (!roots.length) return;
      const count = units.filter((u) => u.district === dist).length;
      tree.appendChild(h('details', { class: 'district', open: true },
        h('summary', {}, h('b', {}, dist), h('span', { class: 'muted small' }, ` 共 ${count} 个单位`)),
        h('ul', {}, roots.map(node))));
    });
  }

  async function rename(u) {
    const name = await ask(`为“${u.name}”改名`, '新名称', { value: u.name, required: '请填写新名称', confirm: '改名', multiline: false });
    if (name == null || name === u.name) return;
    try {
      await api.renameUnit(u.id, name.trim());
      toast('已改名');
      await eventually(() => api.listUnits(), (l) => l.some((x) => x.unitId === u.id && x.name === name.trim()));
      await load();
    } catch (err) { toast(`改名失败：${err.detail}`, 'error'); }
  }

  async function deactivate(u) {
    const reason = await ask(`停用“${u.name}”`, '停用原因', { required: '停用需要填写原因', confirm: '确认停用' });
    if (reason == null) return;
    try {
      await api.deactivateUnit(u.id, reason.trim());
      toast('已停用');
      await eventually(() => api.listUnits(), (l) => l.some((x) => x.unitId === u.id && !x.active));
      await load();
    } catch (err) { toast(`停用失败：${err.detail}`, 'error'); }
  }

  filter.addEventListener('input', drawTree);
  districtFilter.addEventListener('change', drawTree);

  app.appendChild(h('section', {},
    h('div', { class: 'page-head' }, h('h1', {}, '单位管理')),
    h('div', { class: 'grid' },
      h('div', { class: 'panel wide' },
        h('div', { class: 'panel-head' }, h('h2', {}, '单位层级'), h('div', { class: 'filters' }, filter, districtFilter)),
        tree),
      can('MANAGE_UNITS') ? form : null)));
  await load();
}
