// 台账 导入/导出 on the 填报 page: template and exports as links (the server writes the files), upload for a
// preview (nothing written), the rows in error with their row and column, then 确认导入 and its progress.

import { api } from '../api.js';
import { h, clear, num, toast, busy } from '../util.js';

const enc = encodeURIComponent;

/** The panel for campaign `c` and unit `u`; `onApplied` runs once an import is done (to reload the ledger). */
export function ledgerIoPanel(c, u, onApplied) {
  const result = h('div', { id: 'import-result' });
  const fileInput = h('input', { type: 'file', id: 'import-file', accept: '.xlsx,.csv' });
  const uploadBtn = h('button', { class: 'btn', type: 'button', id: 'import-upload' }, '上传并预览');
  uploadBtn.addEventListener('click', async () => {
    clear(result);
    if (!fileInput.files.length) {
      result.appendChild(h('p', { class: 'error' }, '请先选择 .xlsx 或 .csv 文件。'));
      return;
    }
    try {
      const preview = await busy(uploadBtn, () => api.uploadLedger(c.id, fileInput.files[0]));
      showPreview(preview);
    } catch (err) {
      result.appendChild(h('p', { class: 'error', id: 'import-problem' }, err.detail || String(err)));
    }
  });

  function showPreview(p) {
    const apply = h('button', { class: 'btn primary', type: 'button', id: 'import-apply', disabled: !p.valid }, `确认导入 ${p.valid} 条`);
    apply.addEventListener('click', () => busy(apply, () => run(p.importId)));
    result.appendChild(h('div', { id: 'import-preview' },
      h('p', { id: 'import-counts' }, `共 ${num(p.rows)} 行：可导入 ${num(p.valid)} · 未变化 ${num(p.unchanged)} · `
        + `冲突 ${num(p.conflicts)} · 有错误 ${num(p.invalid)}（预览未写入任何数据）`),
      p.errors.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'table', id: 'import-errors' },
        h('thead', {}, h('tr', {}, ['行', '列', '问题'].map((t) => h('th', {}, t)))),
        h('tbody', {}, [...p.errors, ...p.conflictRows].map((e) => h('tr', { 'data-row': e.row },
          h('td', { class: 'num' }, e.row), h('td', {}, e.column || '整行'), h('td', {}, e.message)))))) : null,
      apply,
      h('a', { href: `/api/imports/${enc(p.importId)}/report.xlsx`, class: 'link' }, '下载逐行结果')));
  }

  // the last import of this campaign in this browser: after a reload (or a server restart) its state is shown again,
  // with 继续导入 when it was cut short
  const remembered = `tracker.import.${c.id}`;

  async function run(importId) {
    localStorage.setItem(remembered, importId);
    follow(await api.applyImport(importId));
  }

  /** Shows an apply's progress until it ends: rows validated / processed / applied, rate and ETA. */
  async function follow(first) {
    let s = first;
    let progress = result.querySelector('#import-progress');
    if (!progress) {
      progress = h('p', { id: 'import-progress' });
      result.appendChild(progress);
    }
    while (s.status === 'APPLYING' || s.checking) {
      progress.textContent = s.checking
        ? `导入曾中断，正在根据已记录的数据核对已导入的行：已确认 ${num(s.applied)} 行`
        : `正在导入：已处理 ${num(s.processed)} / ${num(s.rows)} 行（预览校验可导入 ${num(s.valid)} 行），已新增 ${num(s.applied)}`
          + (s.rowsPerSecond != null ? ` · 每秒 ${s.rowsPerSecond} 行` : '')
          + (s.etaSeconds != null ? ` · 约 ${s.etaSeconds} 秒后完成` : '');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      s = await api.importStatus(s.importId);
    }
    if (s.status === 'FAILED') {
      progress.textContent = `导入中断：已导入 ${num(s.applied)} 行（据已记录的数据核对），其余 ${num(s.rows - s.applied)} 行未导入。`
        + '再次执行可完成其余各行，已导入的行不会重复计数。';
      const resume = h('button', { class: 'btn primary', type: 'button', id: 'import-resume' }, '继续导入');
      resume.addEventListener('click', () => busy(resume, async () => { resume.remove(); await run(s.importId); }));
      progress.appendChild(resume);
      return;
    }
    if (s.status !== 'DONE') return;
    progress.textContent = `${first.status === 'DONE' ? '上次' : ''}导入完成：新增 ${num(s.applied)} · 未变化 ${num(s.unchanged)} · `
      + `冲突 ${num(s.conflicts)} · 未导入 ${num(s.failed)}`
      + (s.rowsPerSecond != null ? `（每秒 ${s.rowsPerSecond} 行）` : '');
    if (first.status === 'APPLYING' || first.status === 'VALIDATED' || first.checking) {
      toast(`已导入 ${s.applied} 条活动记录`);
      if (onApplied) onApplied();
    }
  }

  const last = localStorage.getItem(remembered);
  if (last) {
    api.importStatus(last).then((s) => {
      if (s.status !== 'VALIDATED') follow(s);
    }).catch(() => localStorage.removeItem(remembered));
  }

  const ledger = `/api/campaigns/${enc(c.id)}/activities`;
  return h('div', { class: 'panel', id: 'ledger-io' },
    h('h2', {}, '台账导入 / 导出'),
    h('p', {},
      h('a', { href: `/api/campaigns/${enc(c.id)}/ledger/template.xlsx`, id: 'template-link', class: 'link' }, '下载台账模板'), ' · ',
      h('a', { href: `${ledger}.xlsx?unitId=${enc(u.id)}`, id: 'export-xlsx', class: 'link' }, '导出本单位台账（Excel）'), ' · ',
      h('a', { href: `${ledger}.csv?unitId=${enc(u.id)}`, id: 'export-csv', class: 'link' }, '导出 CSV')),
    c.status === 'ACTIVE' ? h('p', {}, fileInput, ' ', uploadBtn) : null,
    result);
}
