// 系统管理: projection (read model) status with a progress bar while they are rebuilt; dead letters.

import { api } from '../api.js';
import { h, clear, num, errorPanel, toast, dateTime } from '../util.js';

export async function render(app) {
  const box = h('div', { id: 'projections' }, h('p', { class: 'loading' }, '加载中…'));
  const dlq = h('div', { id: 'dead-letters' });
  const rebuildBtn = h('button', { class: 'btn danger', id: 'rebuild-btn', type: 'button' }, '重建全部投影');
  let timer = null;
  let stopped = false;

  rebuildBtn.addEventListener('click', async () => {
    if (!confirm('重建会从第一个事件开始重放，期间看板会提示“正在重建”。确认重建？')) return;
    try {
      await api.rebuild();
      toast('已开始重建');
      poll();
    } catch (err) {
      toast(`重建失败：${err.detail}`, 'error');
    }
  });

  async function poll() {
    clearTimeout(timer);
    if (stopped) return;
    let data;
    try {
      data = await api.projections();
    } catch (err) {
      // say so, and keep asking: during a rebuild the server may be briefly too busy to answer
      clear(box).appendChild(errorPanel(err, poll));
      timer = setTimeout(poll, 2000);
      return;
    }
    clear(box);
    if (!data.length) box.appendChild(h('p', { class: 'muted' }, '没有事件处理器信息。'));
    let busyNow = false;
    data.forEach((p) => {
      // the processor's own word (Axon keeps a segment "replaying" until an event past the reset point arrives,
      // long after the read model is complete)
      const replaying = p.rebuilding;
      busyNow = busyNow || replaying;
      // percent (0..100) is null while the positions are unknown
      const percent = p.percent ?? (replaying ? 0 : 100);
      box.appendChild(h('div', { class: 'panel processor', 'data-processor': p.name },
        h('div', { class: 'panel-head' },
          h('h2', { title: p.name }, p.label || p.name),
          h('span', { class: `badge ${replaying ? 'lag' : 'ok'}` }, replaying ? '重建中' : p.error ? '出错' : p.running ? '运行中' : '已停止')),
        h('div', { class: 'bar big' }, h('div', { class: `fill ${replaying ? 'lag' : 'ok'}`, style: { width: `${Math.min(percent, 100)}%` } })),
        h('div', { class: 'card-meta' },
          h('span', {}, `进度 ${num(percent, 1)}%`),
          h('span', {}, `已处理 ${num(p.eventsProcessed, 0)} 个事件`),
          p.position != null ? h('span', {}, `位置 ${num(p.position, 0)}${p.headPosition ? ` / ${num(p.headPosition, 0)}` : ''}`) : null,
          h('span', { title: '最近 30 秒的平均处理速度' }, `${num(p.eventsPerSecond, 0)} 事件/秒`),
          p.etaSeconds != null && replaying ? h('span', {}, `预计剩余 ${formatEta(p.etaSeconds)}`) : null,
          h('span', {}, `分段 ${p.segments.length} 个`),
          p.segments.filter((x) => x.error).map((x) => h('span', { class: 'error' }, x.error)))));
    });
    rebuildBtn.disabled = busyNow;
    timer = setTimeout(poll, busyNow ? 1000 : 5000);
  }

  async function loadDlq() {
    clear(dlq);
    let data;
    try {
      data = await api.deadLetters();
    } catch (err) {
      dlq.appendChild(errorPanel(err, loadDlq));
      return;
    }
    const list = data.sequences.flatMap((seq) => seq.letters);
    if (!list.length) { dlq.appendChild(h('p', { class: 'muted' }, '死信队列为空。')); return; }
    dlq.appendChild(h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['处理器', '事件', '原因', '时间', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, list.map((d) => h('tr', {},
        h('td', {}, data.processingGroup === 'tracker-projections' ? '读模型投影' : data.processingGroup),
        h('td', {}, d.payloadType.split('.').pop()),
        h('td', { class: 'small' }, d.cause || ''),
        h('td', { class: 'nowrap' }, dateTime(d.enqueuedAt)),
        h('td', {}))))),
      h('div', { class: 'form-actions' }, h('button', { class: 'btn small', type: 'button', onclick: async () => {
        try {
          const r = await api.retryDeadLetters();
          toast(`已重试 ${r.sequencesProcessed} 组，剩余 ${r.sizeAfter} 条`);
          loadDlq();
        } catch (err) { toast(`重试失败：${err.detail}`, 'error'); }
      } }, '全部重试')));
  }

  app.appendChild(h('section', {},
    h('div', { class: 'page-head' }, h('h1', {}, '系统管理 · 投影状态'), rebuildBtn),
    h('p', { class: 'muted' }, '读模型由事件流重放而来；重建期间，各查询页面会提示“正在重建”。'),
    box,
    h('div', { class: 'panel' }, h('h2', {}, '死信队列'), dlq)));
  await poll();
  loadDlq();
  return () => { stopped = true; clearTimeout(timer); };
}

function formatEta(s) {
  const n = Number(s);
  if (Number.isNaN(n)) return String(s);
  if (n < 60) return `${Math.ceil(n)} 秒`;
  return `${Math.floor(n / 60)} 分 ${Math.ceil(n % 60)} 秒`;
}
