// 系统管理: projection (read model) status with a progress bar while they are rebuilt; dead letters.

import { api } from '../api.js';
import { h, clear, num, errorPanel, listOf, pick, toast, dateTime } from '../util.js';

const STATES = {
  RUNNING: '运行中', REPLAYING: '重建中', REBUILDING: '重建中', CAUGHT_UP: '已追平', IDLE: '空闲', STOPPED: '已停止',
  PAUSED: '已暂停', ERROR: '出错', UP_TO_DATE: '已追平',
};

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
    const list = listOf(data, 'processors', 'projections');
    clear(box);
    if (!list.length) box.appendChild(h('p', { class: 'muted' }, '没有事件处理器信息。'));
    let busyNow = false;
    list.forEach((p) => {
      const state = String(pick(p, 'state', 'status') || '');
      // the processor's own word wins; segment flags only when it says nothing (Axon keeps a segment "replaying"
      // until an event past the reset point arrives, long after the read model is complete)
      const flag = pick(p, 'rebuilding', 'replaying');
      const replaying = flag != null ? !!flag
        : /REPLAY|REBUILD/.test(state) || (Array.isArray(p.segments) && p.segments.some((x) => x.replaying));
      busyNow = busyNow || replaying;
      let percent = pick(p, 'percent', 'progress', 'percentage');
      if (percent != null && percent <= 1 && pick(p, 'percent', 'percentage') == null) percent *= 100;
      const processed = pick(p, 'eventsProcessed', 'processed');
      const total = pick(p, 'totalEvents', 'headPosition', 'head');
      if (percent == null && pick(p, 'position') != null && total) percent = (pick(p, 'position') / total) * 100;
      if (percent == null) percent = replaying ? 0 : 100;
      const eta = pick(p, 'etaSeconds', 'eta', 'remainingSeconds');
      box.appendChild(h('div', { class: 'panel processor', 'data-processor': pick(p, 'name', 'processor') },
        h('div', { class: 'panel-head' },
          h('h2', {}, pick(p, 'name', 'processor', 'processingGroup') || '处理器'),
          h('span', { class: `badge ${replaying ? 'lag' : 'ok'}` }, STATES[state] || state || (replaying ? '重建中' : p.error ? '出错' : p.running === false ? '已停止' : '运行中'))),
        h('div', { class: 'bar big' }, h('div', { class: `fill ${replaying ? 'lag' : 'ok'}`, style: { width: `${Math.min(percent, 100)}%` } })),
        h('div', { class: 'card-meta' },
          h('span', {}, `进度 ${num(percent, 1)}%`),
          processed != null ? h('span', {}, `已处理 ${num(processed, 0)} 个事件`) : null,
          pick(p, 'position') != null ? h('span', {}, `位置 ${num(pick(p, 'position'), 0)}${total ? ` / ${num(total, 0)}` : ''}`) : null,
          pick(p, 'eventsPerSecond', 'rate') != null ? h('span', {}, `${num(pick(p, 'eventsPerSecond', 'rate'), 0)} 事件/秒`) : null,
          eta != null && replaying ? h('span', {}, `预计剩余 ${formatEta(eta)}`) : null,
          Array.isArray(p.segments) ? h('span', {}, `分段 ${p.segments.length} 个`) : null,
          pick(p, 'error') ? h('span', { class: 'error' }, String(pick(p, 'error'))) : null)));
    });
    rebuildBtn.disabled = busyNow;
    timer = setTimeout(poll, busyNow ? 1000 : 5000);
  }

  async function loadDlq() {
    clear(dlq);
    let list;
    try {
      const data = await api.deadLetters();
      list = listOf(data, 'deadLetters', 'letters');
      listOf(data, 'sequences').forEach((seq) => listOf(seq, 'letters').forEach((l) => list.push(l)));
    } catch (err) {
      dlq.appendChild(errorPanel(err, loadDlq));
      return;
    }
    if (!list.length) { dlq.appendChild(h('p', { class: 'muted' }, '死信队列为空。')); return; }
    dlq.appendChild(h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['处理器', '事件', '原因', '时间', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, list.map((d) => h('tr', {},
        h('td', {}, pick(d, 'processingGroup', 'processor', 'group') || ''),
        h('td', {}, String(pick(d, 'eventType', 'payloadType', 'type') || '').split('.').pop()),
        h('td', { class: 'small' }, pick(d, 'cause', 'causeMessage', 'reason') || ''),
        h('td', { class: 'nowrap' }, dateTime(pick(d, 'enqueuedAt', 'lastTouched', 'timestamp'))),
        h('td', {}))))),
      h('div', { class: 'form-actions' }, h('button', { class: 'btn small', type: 'button', onclick: async () => {
        try {
          const r = await api.retryDeadLetters();
          toast(`已重试 ${pick(r, 'sequencesProcessed') ?? ''} 组，剩余 ${pick(r, 'sizeAfter') ?? '—'} 条`);
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
