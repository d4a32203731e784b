// Every call to the Campaign Tracker API goes through this module: the session cookie rides along
// (same origin), writes carry the session's CSRF token (fetched once from /csrf), and a 401 sends the
// user to the sign-in page. A different base URL or another credential is added here, in request().

const BASE = '';

/** The highest event position any command of this browser tab has answered with (read-your-writes). */
let lastPosition = null;

/** An API error: `detail` is the server's Chinese message; `problem` the whole problem+json body. */
export class ApiError extends Error {
  constructor(status, problem) {
    const detail = (problem && (problem.detail || problem.title)) || `请求失败（HTTP ${status}）`;
    super(detail);
    this.status = status;
    this.problem = problem || {};
    this.detail = detail;
  }

  /**
   * Every field the problem points at: its `errors` ({field, label, message}, one per broken field), else the
   * single extension member `field` with the detail as message.
   */
  fieldErrors() {
    if (Array.isArray(this.problem.errors) && this.problem.errors.length) {
      return this.problem.errors.map((e) => ({ field: String(e.field), message: e.message || this.detail }));
    }
    return this.problem.field ? [{ field: String(this.problem.field), message: this.detail }] : [];
  }
}

function withPosition(path, usePosition) {
  if (!usePosition || lastPosition == null) return path;
  return path + (path.includes('?') ? '&' : '?') + 'minPosition=' + encodeURIComponent(lastPosition);
}

/** The CSRF token of this session (held by the server in the session), sent back on every write. */
let csrf = null;

async function csrfToken() {
  if (!csrf) {
    const r = await fetch(BASE + '/csrf', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    csrf = r.ok ? await r.json() : null;
  }
  return csrf;
}

async function request(method, path, body, { usePosition = true } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = method === 'GET' ? null : await csrfToken();
  if (token) headers[token.headerName] = token.token;
  const init = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  for (let attempt = 1; ; attempt++) {
    try {
      response = await fetch(BASE + (method === 'GET' ? withPosition(path, usePosition) : path), init);
    } catch (networkError) {
      throw new ApiError(0, { detail: '无法连接服务器，请检查网络后重试。' });
    }
    // a busy server refuses expensive reads at once with Retry-After; a read is safe to ask again
    if (method !== 'GET' || response.status !== 429 || attempt >= 3) break;
    const seconds = Math.min(Number(response.headers.get('Retry-After')) || 1, 5);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = { detail: text.length > 300 ? text.slice(0, 300) + '…' : text };
    }
  }
  if (response.status === 401 && !path.startsWith('/login')) {
    // the session ended (or never began): sign in, then come back to the start page
    location.href = '/login.html';
    throw new ApiError(401, data || { detail: '请先登录。' });
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  if (method !== 'GET' && data && typeof data === 'object' && data.position != null) {
    const p = Number(data.position);
    if (!Number.isNaN(p) && (lastPosition == null || p > lastPosition)) lastPosition = p;
  }
  return data;
}

/**
 * Read-your-writes when a command answer carried no position to wait for: fetch again (100 ms, 200 ms, … up to
 * `timeoutMs`) until `ok(result)` holds. A 404 counts as "not there yet"; other errors are thrown at once. With a
 * position the first fetch already waits on the server (minPosition) and is normally enough.
 */
export async function eventually(fetchFn, ok = () => true, timeoutMs = 8000) {
  const until = Date.now() + timeoutMs;
  let delay = 100;
  for (;;) {
    let result;
    let error = null;
    try {
      result = await fetchFn();
      if (ok(result)) return result;
    } catch (e) {
      if (e.status !== 404) throw e;
      error = e;
    }
    if (Date.now() >= until) {
      if (error) throw error;
      return result;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 1000);
  }
}

const enc = encodeURIComponent;

function query(params) {
  const q = Object.entries(params || {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join('&');
  return q ? '?' + q : '';
}

export const api = {
  lastPosition: () => lastPosition,

  // the signed-in account; 退出登录 (the session's CSRF token rides along, as on every write)
  me: () => request('GET', '/api/me', undefined, { usePosition: false }),
  async logout() {
    const token = await csrfToken();
    const headers = token ? { [token.headerName]: token.token } : {};
    await fetch(BASE + '/logout', { method: 'POST', headers, credentials: 'same-origin' });
  },

  // units
  listUnits: () => request('GET', '/api/units'),
  getUnit: (id) => request('GET', `/api/units/${enc(id)}`),
  registerUnit: (body) => request('POST', '/api/units', body),
  renameUnit: (id, name) => request('POST', `/api/units/${enc(id)}/rename`, { name }),
  deactivateUnit: (id, reason) => request('POST', `/api/units/${enc(id)}/deactivate`, { reason }),
  unitParticipation: (id) => request('GET', `/api/units/${enc(id)}/participation`),
  unitTypes: () => request('GET', '/api/unit-types'),

  // campaigns
  listCampaigns: (filters) => request('GET', '/api/campaigns' + query(filters)),
  launchCampaign: (body) => request('POST', '/api/campaigns', body),
  reviseCampaign: (id, body) => request('POST', `/api/campaigns/${enc(id)}/revise`, body),
  extendCampaign: (id, endDate) => request('POST', `/api/campaigns/${enc(id)}/extend`, { endDate }),
  closeCampaign: (id) => request('POST', `/api/campaigns/${enc(id)}/close`, {}),
  cancelCampaign: (id, reason) => request('POST', `/api/campaigns/${enc(id)}/cancel`, { reason }),
  progress: (id, params) => request('GET', `/api/campaigns/${enc(id)}/progress` + query(params)),
  themeProgress: (theme, params) => request('GET', `/api/themes/${enc(theme)}/progress` + query(params)),
  history: (id, params) => request('GET', `/api/campaigns/${enc(id)}/history` + query(params)),
  notEnrolled: (id) => request('GET', `/api/campaigns/${enc(id)}/not-enrolled`),
  activities: (id, params) => request('GET', `/api/campaigns/${enc(id)}/activities` + query(params)),

  // 报到
  enroll: (id, unitId) => request('POST', `/api/campaigns/${enc(id)}/enrollments`, { unitId }),
  withdraw: (id, unitId) => request('DELETE', `/api/campaigns/${enc(id)}/enrollments/${enc(unitId)}`),

  // activities
  recordActivity: (id, body) => request('POST', `/api/campaigns/${enc(id)}/activities`, body),
  correctActivity: (id, activityId, body) => request('PUT', `/api/campaigns/${enc(id)}/activities/${enc(activityId)}`, body),
  retractActivity: (id, activityId, reason) =>
    request('DELETE', `/api/campaigns/${enc(id)}/activities/${enc(activityId)}` + query({ reason })),

  // 简报
  briefingOffices: () => request('GET', '/api/briefings/offices', undefined, { usePosition: false }),
  draftBriefing: (body) => request('POST', '/api/briefings/drafts', body),
  issueBriefing: (body) => request('POST', '/api/briefings', body),
  briefings: (params) => request('GET', '/api/briefings' + query(params), undefined, { usePosition: false }),
  briefing: (id) => request('GET', `/api/briefings/${enc(id)}`, undefined, { usePosition: false }),
  /** A draft exported by the server (ext 'docx' or 'pdf'), as a Blob to save. */
  async exportDraft(body, ext) {
    const headers = { 'Content-Type': 'application/json' };
    const token = await csrfToken();
    if (token) headers[token.headerName] = token.token;
    const response = await fetch(BASE + `/api/briefings/drafts.${ext}`, {
      method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body),
    });
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch (e) { problem = null; }
      throw new ApiError(response.status, problem);
    }
    return response.blob();
  },

  // 台账 导入 (import): upload a file for a preview, apply it, follow its progress
  async uploadLedger(id, file) {
    const headers = { Accept: 'application/json, application/problem+json' };
    const token = await csrfToken();
    if (token) headers[token.headerName] = token.token;
    const form = new FormData();
    form.append('file', file);
    const response = await fetch(BASE + `/api/campaigns/${enc(id)}/ledger/imports`, {
      method: 'POST', headers, credentials: 'same-origin', body: form,
    });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  },
  applyImport: (importId, body) => request('POST', `/api/imports/${enc(importId)}/apply`, body || {}),
  importStatus: (importId) => request('GET', `/api/imports/${enc(importId)}`, undefined, { usePosition: false }),

  // 服务点单: the menu, orders, their steps, statistics
  serviceCategories: () => request('GET', '/api/service-categories', undefined, { usePosition: false }),
  serviceProjects: (params) => request('GET', '/api/service-projects' + query(params)),
  publishProject: (body) => request('POST', '/api/service-projects', body),
  reviseProject: (id, body) => request('POST', `/api/service-projects/${enc(id)}/revise`, body),
  withdrawProject: (id, reason) => request('POST', `/api/service-projects/${enc(id)}/withdraw`, { reason }),
  serviceOrders: (params) => request('GET', '/api/service-orders' + query(params)),
  serviceOrder: (id) => request('GET', `/api/service-orders/${enc(id)}`),
  serviceStats: (params) => request('GET', '/api/service-orders/stats' + query(params)),
  placeOrder: (body) => request('POST', '/api/service-orders', body),
  /** One step of an order: approve, reject, dispatch, accept, decline, complete, rate, cancel. */
  orderStep: (id, step, body) => request('POST', `/api/service-orders/${enc(id)}/${step}`, body || {}),
  /** The address of an export of the order list or the statistics (ext 'xlsx' or 'csv'), same filters. */
  serviceExport: (what, ext, params) => `${BASE}/api/service-orders${what === 'stats' ? '/stats' : ''}.${ext}` + query(params),

  // admin
  projections: () => request('GET', '/api/admin/projections', undefined, { usePosition: false }),
  rebuild: () => request('POST', '/api/admin/projections/rebuild', {}),
  deadLetters: () => request('GET', '/api/admin/dead-letters', undefined, { usePosition: false }),
  retryDeadLetters: () => request('POST', '/api/admin/dead-letters/retry', {}),

  /**
   * Live progress (server-sent events). The browser reconnects by itself after a dropped connection; after a
   * refused one (e.g. 404 right after a launch, before the read model knows the campaign, or 503 during a
   * rebuild) this opens the stream again, waiting a little longer each time. Returns a function that closes it.
   */
  progressStream(id, onProgress, onState) {
    let source = null;
    let closed = false;
    let timer = null;
    let delay = 1000;
    const handle = (ev) => {
      let data = null;
      try {
        data = ev.data ? JSON.parse(ev.data) : null;
      } catch (e) {
        data = null;
      }
      onProgress(data);
    };
    const url = BASE + `/api/campaigns/${enc(id)}/progress/stream`;
    // why the stream closed: a refusal (signed out, forbidden, gone) is not retried, a dropped connection is
    const refused = async () => {
      const abort = new AbortController();
      try {
        const r = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/event-stream' }, signal: abort.signal });
        abort.abort();
        return r.status === 401 || r.status === 403 || r.status === 404;
      } catch (e) {
        return false;
      }
    };
    const open = () => {
      source = new EventSource(url, { withCredentials: true });
      source.addEventListener('progress', handle);
      source.onopen = () => { delay = 1000; if (onState) onState('open'); };
      source.onerror = async () => {
        if (closed) return;
        if (source.readyState === EventSource.CLOSED) {
          if (await refused()) {
            closed = true;
            if (onState) onState('closed');
            return;
          }
          if (closed) return;
          if (onState) onState('reconnecting');
          timer = setTimeout(() => { if (!closed) open(); }, delay);
          delay = Math.min(delay * 2, 15000);
        } else if (onState) {
          onState('reconnecting');
        }
      };
    };
    open();
    return () => {
      closed = true;
      clearTimeout(timer);
      if (source) source.close();
    };
  },
};
