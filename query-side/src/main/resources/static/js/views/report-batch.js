// 批量填报: several activities of one unit entered in a grid and sent together — each row is the same command as
// the single form (same server validation), sent one after the other; a row the server refuses keeps its values
// and shows the server's words next to it, the accepted rows leave the grid. Each row's client id is fixed when the
// row is drawn, so sending again after a lost answer never counts a row twice.

import { api } from '../api.js';
import { h, CATEGORIES, newId, toast } from '../util.js';

const COLUMNS = [
  ['date', '日期', { type: 'date' }],
  ['title', '活动名称', { placeholder: '必填' }],
  ['category', '类别', { list: 'batch-categories' }],
  ['site', '地点', {}],
  ['sessions', '场次', { type: 'number', min: '1', step: '1', inputmode: 'numeric' }],
  ['participations', '人次', { type: 'number', min: '0', step: '1', inputmode: 'numeric' }],
  ['serviceHours', '时长', { type: 'number', min: '0', step: '0.5', inputmode: 'decimal' }],
  ['beneficiaries', '受益', { type: 'number', min: '0', step: '1', inputmode: 'numeric' }],
];

/**
 * @param c        the campaign (id, startDate, endDate)
 * @param u        the unit (id, name)
 * @param defaults {date, category, site} for new rows
 * @param onSent   called with the ids of the rows the server accepted (to refresh the ledger)
 */
export function batchPanel(c, u, defaults, onSent) {
  const rows = h('div', { class: 'batch-rows', id: 'batch-rows' });
  const summary = h('div', { class: 'form-error', id: 'batch-summary', role: 'alert', hidden: true });
  const addRow = (values = {}) => {
    const inputs = {};
    const cells = COLUMNS.map(([name, label, attrs]) => {
      const value = values[name] ?? (name === 'sessions' ? 1 : defaults[name] ?? '');
      const input = h('input', { name, ...attrs, value, 'aria-label': label,
        ...(name === 'date' ? { min: c.startDate, max: defaults.maxDate } : {}) });
      inputs[name] = input;
      return h('label', { class: `batch-cell batch-${name}` }, h('span', { class: 'batch-label' }, label), input);
    });
    const remove = h('button', { type: 'button', class: 'link danger', 'aria-label': '删除此行' }, '删除');
    const row = h('div', { class: 'batch-row', 'data-row-id': newId('a') }, cells, remove,
      h('div', { class: 'field-error batch-error', 'aria-live': 'polite' }));
    row.inputs = inputs;
    remove.addEventListener('click', () => row.remove());
    rows.appendChild(row);
  };
  for (let i = 0; i < 5; i++) addRow();

  const send = h('button', { type: 'button', class: 'btn primary', id: 'batch-submit' }, '全部提交');
  send.addEventListener('click', async () => {
    summary.hidden = true;
    const filled = [...rows.children].filter((r) => COLUMNS.some(([n]) => n !== 'date' && n !== 'sessions'
      && n !== 'category' && n !== 'site' && r.inputs[n].value.trim() !== ''));
    if (!filled.length) {
      summary.hidden = false;
      summary.textContent = '请至少填写一行（活动名称必填）。';
      return;
    }
    send.disabled = true;
    send.textContent = '提交中…';
    const accepted = [];
    let refused = 0;
    for (const row of filled) {
      const error = row.querySelector('.batch-error');
      const v = Object.fromEntries(COLUMNS.map(([n]) => [n, row.inputs[n].value.trim()]));
      const local = !v.date ? '请选择活动日期' : !v.title ? '请填写活动名称' : null;
      row.classList.toggle('invalid', !!local);
      if (local) { error.textContent = local; refused++; continue; }
      const n = (x) => (x === '' ? 0 : Number(x));
      const body = {
        activityId: row.dataset.rowId, unitId: u.id, date: v.date, title: v.title, category: v.category, site: v.site,
        sessions: n(v.sessions), participations: n(v.participations), serviceHours: n(v.serviceHours),
        beneficiaries: n(v.beneficiaries), notes: '',
      };
      try {
        await api.recordActivity(c.id, body);
        accepted.push(body.activityId);
        row.remove();
      } catch (err) {
        refused++;
        row.classList.add('invalid');
        error.textContent = err.detail;
      }
    }
    send.disabled = false;
    send.textContent = '全部提交';
    if (refused) {
      summary.hidden = false;
      summary.textContent = `已提交 ${accepted.length} 条；${refused} 条未提交，请按行内提示修改后再提交。`;
    } else {
      toast(`已提交 ${accepted.length} 条活动`);
    }
    while (rows.children.length < 5) addRow();
    if (accepted.length) onSent(accepted);
  });

  return h('details', { class: 'panel batch', id: 'batch-panel' },
    h('summary', {}, h('b', {}, '批量填报'), h('span', { class: 'muted small' }, ' 一次填写多条活动，逐行检查后一起提交')),
    h('datalist', { id: 'batch-categories' }, CATEGORIES.map((x) => h('option', { value: x }))),
    summary,
    rows,
    h('div', { class: 'form-actions' },
      send,
      h('button', { type: 'button', class: 'btn', id: 'batch-add', onclick: () => addRow() }, '添加一行')));
}

