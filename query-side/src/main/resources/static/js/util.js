// Small helpers shared by the screens: DOM building, Chinese labels, dates in Asia/Shanghai, forms.

export const METRICS = [
  { key: 'sessions', label: '场次', unit: '场' },
  { key: 'participations', label: '志愿者人次', unit: '人次' },
  { key: 'serviceHours', label: '服务时长', unit: '小时' },
  { key: 'beneficiaries', label: '受益人次', unit: '人次' },
  { key: 'enrolledUnits', label: '报到单位数', unit: '家' },
];
export const ACTIVITY_METRICS = METRICS.filter((m) => m.key !== 'enrolledUnits');
export const metricLabel = (key) => (METRICS.find((m) => m.key === key) || { label: key }).label;

export const DISTRICTS = ['东城区', '西城区', '朝阳区', '海淀区', '丰台区', '石景山区', '门头沟区', '房山区', '通州区',
  '顺义区', '昌平区', '大兴区', '怀柔区', '平谷区', '密云区', '延庆区'];
export const THEMES = ['爱国卫生', '文明交通', '学雷锋志愿服务', '垃圾分类', '理论宣讲', '疫情防控', '文明行为促进', '科技科普'];
export const CATEGORIES = ['环境清洁', '路口文明引导', '垃圾分类指导', '理论宣讲', '疫情防控', '消杀', '科普服务', '健康促进',
  '文化服务', '助老助残', '其他'];

const STATUS = { ACTIVE: '进行中', CLOSED: '已结束', CANCELLED: '已取消' };
export const statusLabel = (s) => STATUS[s] || s || '';

export const PACING = {
  ON_TRACK: { label: '正常', cls: 'ok' },
  LAGGING: { label: '滞后', cls: 'lag' },
  AT_RISK: { label: '风险', cls: 'risk' },
  DONE: { label: '已完成', cls: 'done' },
};

export function pacingBadge(p) {
  if (!p) return h('span', { class: 'badge muted' }, '无目标');
  const info = PACING[p] || { label: p, cls: 'muted' };
  return h('span', { class: `badge ${info.cls}`, 'data-pacing': p }, info.label);
}

/** Hyperscript: h('div', {class: 'x', onclick: fn}, child, [children], 'text'). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked' || k === 'disabled' || k === 'selected') el[k] = !!v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Appends children like h() does: arrays are flattened, null/false/undefined skipped, strings become text. */
export function fill(el, ...children) {
  append(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

export function addDays(iso, n) {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The longest campaign period in years: the server's Bounds.CAMPAIGN_YEARS_MAX (a test keeps the two equal). */
export const CAMPAIGN_YEARS_MAX = 3;

/** The latest end date of a campaign starting on `start` (YYYY-MM-DD), as the server computes it. */
export function latestEnd(start) {
  const d = new Date(start + 'T00:00:00Z');
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() + CAMPAIGN_YEARS_MAX);
  if (d.getUTCMonth() !== month) d.setUTCDate(0); // 29 February into a common year: the 28th, as java.time does
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The period checks the server makes, on screen before a submit: the end not before the start, at most
 * CAMPAIGN_YEARS_MAX years. Puts the message under `endField`; true when the period is fine.
 */
export function checkPeriod(form, start, end, endField = 'endDate') {
  if (!start || !end) return true;
  if (end < start) {
    setFieldError(form, endField, `结束日期不能早于开始日期（${start}）`);
    return false;
  }
  const latest = latestEnd(start);
  if (end > latest) {
    setFieldError(form, endField, `活动期间最长 ${CAMPAIGN_YEARS_MAX} 年：自开始日期 ${start} 起，结束日期最晚为 ${latest}`);
    return false;
  }
  return true;
}

export function daysBetween(fromIso, toIso) {
  return Math.round((new Date(toIso + 'T00:00:00Z') - new Date(fromIso + 'T00:00:00Z')) / 86400000);
}

/** An instant (ISO string or epoch millis) as YYYY-MM-DD HH:mm:ss in Asia/Shanghai. */
export function dateTime(instant) {
  if (instant == null || instant === '') return '';
  const d = typeof instant === 'number' ? new Date(instant) : new Date(String(instant));
  if (Number.isNaN(d.getTime())) return String(instant);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t) => (parts.find((p) => p.type === t) || {}).value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

export function num(v, digits) {
  if (v === undefined || v === null || v === '') return '—';
  const n = Number(v);
  if (Number.isNaN(n)) return String(v);
  return n.toLocaleString('zh-CN', { maximumFractionDigits: digits == null ? 1 : digits });
}

export function newId(prefix) {
  const rnd = (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now()).replace(/-/g, '');
  return `${prefix}-${rnd.slice(0, 12)}`;
}

/** Flash message at the top of the page. */
export function toast(message, kind = 'ok') {
  const box = document.getElementById('toast');
  if (!box) return;
  const item = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  box.appendChild(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
}

/** An error panel for a screen that could not load. */
export function errorPanel(err, retry) {
  return h('div', { class: 'panel error-panel', role: 'alert' },
    h('strong', {}, '加载失败：'), ' ', err.detail || err.message || String(err),
    retry ? h('button', { class: 'btn small', onclick: retry }, '重试') : null);
}

// ---- forms -----------------------------------------------------------------------------------

/** A labelled field whose error message sits right below the input (id `err-<name>`). */
export function field(label, input, hint) {
  const name = input.getAttribute('name');
  input.id = input.id || `f-${name}`;
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: input.id }, label),
    input,
    hint ? h('div', { class: 'hint' }, hint) : null,
    h('div', { class: 'field-error', id: `err-${name}`, 'aria-live': 'polite' }));
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
  form.querySelectorAll('.invalid').forEach((e) => e.classList.remove('invalid'));
  const f = form.querySelector('.form-error');
  if (f) { f.textContent = ''; f.hidden = true; }
}

export function setFieldError(form, name, message) {
  const err = form.querySelector(`#err-${cssEscape(name)}`);
  if (!err) return false;
  err.textContent = message;
  const wrap = err.closest('.field');
  if (wrap) wrap.classList.add('invalid');
  return true;
}

export function setFormError(form, message) {
  const f = form.querySelector('.form-error');
  if (f) { f.textContent = message; f.hidden = false; }
}

function cssEscape(s) {
  return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/[^a-zA-Z0-9_-]/g, '\\$&');
}

/**
 * Puts an API error next to the fields it concerns. `aliases` maps words that may appear in the server's
 * field names or Chinese detail (e.g. '结束日期') to form field names. Unplaced errors go to the form banner.
 */
export function showApiError(form, err, aliases = {}) {
  clearErrors(form);
  // "字段 endDate 为 …" reads better as "字段“结束日期”为 …": name the field by its label on this form
  if (err.detail) {
    err.detail = err.detail.replace(/字段\s*([A-Za-z][\w.]*)\s*/g, (all, name) => {
      const target = aliases[name] || name.split('.').pop();
      const label = form.querySelector(`.field[data-field="${target}"] > label, .field[data-field="target_${name.split('.').pop()}"] > label`);
      return label ? `字段“${label.textContent}”` : all;
    });
  }
  const names = [...form.querySelectorAll('.field')].map((f) => f.dataset.field);
  const resolve = (raw) => {
    if (!raw) return null;
    const s = String(raw).replace(/^\/|^body\./, '').replace(/\//g, '.');
    if (names.includes(s)) return s;
    const last = s.split('.').pop();
    if (names.includes(last)) return last;
    for (const [word, name] of Object.entries(aliases)) if (s === word || last === word) return name;
    return null;
  };
  let placed = 0;
  const fieldErrors = err.fieldErrors ? err.fieldErrors() : [];
  for (const fe of fieldErrors) {
    const name = resolve(fe.field);
    if (name && setFieldError(form, name, fe.message || err.detail)) placed++;
  }
  if (!placed && err.detail) {
    // no structured field: find the field the Chinese detail names
    const detail = err.detail;
    // the field named first in the sentence is the one it is about ("结束日期不能早于开始日期" → endDate)
    const candidates = [...Object.entries(aliases), ...names.map((n) => [n, n])]
      .map(([word, name]) => ({ at: detail.indexOf(word), len: word.length, name }))
      .filter((c) => c.at >= 0 && names.includes(c.name))
      .sort((a, b) => a.at - b.at || b.len - a.len);
    if (candidates.length && setFieldError(form, candidates[0].name, detail)) placed = 1;
  }
  setFormError(form, placed > 1 ? `提交未成功：有 ${placed} 处需要修改，见标红的项目。`
    : placed ? `提交未成功：${err.detail}` : err.detail);
  const first = form.querySelector('.field.invalid input, .field.invalid select, .field.invalid textarea');
  if (first) first.focus();
}

export function formValues(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.type === 'submit' || el.type === 'button') continue;
    if (el.type === 'radio') {
      if (el.checked) out[el.name] = el.value;
    } else if (el.type === 'checkbox') {
      if (!out[el.name]) out[el.name] = [];
      if (el.checked) out[el.name].push(el.value);
    } else {
      out[el.name] = el.value.trim();
    }
  }
  return out;
}

export const optNumber = (s) => (s === '' || s == null ? null : Number(s));

export function select(name, options, value, attrs = {}) {
  return h('select', { name, ...attrs },
    options.map((o) => {
      const [v, label] = Array.isArray(o) ? o : [o, o];
      return h('option', { value: v, selected: v === value }, label);
    }));
}

/** Busy state for a submit button while a request runs. */
export async function busy(button, fn) {
  const text = button.textContent;
  button.disabled = true;
  button.textContent = '提交中…';
  try {
    return await fn();
  } finally {
    button.disabled = false;
    button.textContent = text;
  }
}

/**
 * Picker labels for units (`{id, name, parentId}`): the name alone, and where a name repeats in the list, the parent's
 * name too — or the 编号 where that still does not tell them apart (same parent, or no parent known).
 */
export function unitLabeller(units, all = units) {
  const byId = new Map(all.map((u) => [u.id, u]));
  const count = (list, key) => list.reduce((m, u) => m.set(key(u), (m.get(key(u)) || 0) + 1), new Map());
  const names = count(units, (u) => u.name);
  const withParent = (u) => (byId.get(u.parentId) ? `${u.name}（${byId.get(u.parentId).name}）` : u.name);
  const parented = count(units, withParent);
  return (u) => {
    if (names.get(u.name) < 2) return u.name;
    const label = withParent(u);
    return parented.get(label) < 2 ? label : `${u.name}（编号 ${u.id}）`;
  };
}
