// Hash router of the one-page UI. Each screen is a module exporting render(container, params) that may return
// a cleanup function (closing live streams, timers) called when the user leaves the screen.

import { clear, h, errorPanel } from './util.js';
import * as overview from './views/overview.js';
import * as dashboard from './views/dashboard.js';
import * as campaignForms from './views/campaign-forms.js';
import * as units from './views/units.js';
import * as report from './views/report.js';
import * as audit from './views/audit.js';
import * as admin from './views/admin.js';
import * as briefing from './views/briefing.js';
import * as mine from './views/mine.js';
import * as session from './session.js';
import * as theme from './views/theme.js';
import * as serviceBoard from './views/service-board.js';
import * as serviceMenu from './views/service-menu.js';
import * as serviceStats from './views/service-stats.js';

const routes = [
  [/^\/?$/, 'overview', () => overview.render],
  [/^\/campaigns\/new$/, 'launch', () => campaignForms.renderLaunch],
  [/^\/campaigns\/([^/]+)$/, 'overview', () => dashboard.render],
  [/^\/campaigns\/([^/]+)\/edit$/, 'overview', () => campaignForms.renderEdit],
  [/^\/campaigns\/([^/]+)\/history$/, 'overview', () => audit.render],
  [/^\/units$/, 'units', () => units.render],
  [/^\/report$/, 'report', () => report.render],
  [/^\/admin$/, 'admin', () => admin.render],
  [/^\/briefings$/, 'briefings', () => briefing.render],
  [/^\/mine$/, 'mine', () => mine.render],
  [/^\/themes\/([^/]+)$/, 'overview', () => theme.render],
  [/^\/service$/, 'service', () => serviceBoard.render],
  [/^\/service\/orders\/([^/]+)$/, 'service', () => serviceBoard.renderDetail],
  [/^\/service\/menu$/, 'service', () => serviceMenu.renderMenu],
  [/^\/service\/new$/, 'service', () => serviceMenu.renderOrderForm],
  [/^\/service\/stats$/, 'service', () => serviceStats.render],
];

let cleanup = null;

function parseHash() {
  const raw = decodeURIComponent((location.hash || '#/').slice(1));
  const [path, qs] = raw.split('?');
  return { path: path || '/', query: Object.fromEntries(new URLSearchParams(qs || '')) };
}

async function route() {
  if (typeof cleanup === 'function') {
    try { cleanup(); } catch (e) { /* leaving the screen anyway */ }
  }
  cleanup = null;
  const app = document.getElementById('app');
  const { path, query } = parseHash();
  if (path === '/' && session.landing() !== '/') {
    location.replace('#' + session.landing());
    return;
  }
  const found = routes.find(([re]) => re.test(path));
  document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('active', !!found && a.dataset.nav === found[1]));
  document.getElementById('nav').classList.remove('open');
  clear(app);
  if (!found) {
    app.appendChild(h('div', { class: 'panel' }, h('h2', {}, '页面不存在'), h('a', { href: '#/' }, '返回活动总览')));
    return;
  }
  if (!session.mayOpen(path)) {
    app.appendChild(session.forbiddenPanel());
    return;
  }
  const [re, , view] = found;
  const params = path.match(re).slice(1);
  try {
    cleanup = await view()(app, params, query);
  } catch (err) {
    console.error(err);
    app.appendChild(errorPanel(err, route));
  }
  window.scrollTo(0, 0);
}

document.getElementById('menu-toggle').addEventListener('click', (e) => {
  const nav = document.getElementById('nav');
  nav.classList.toggle('open');
  e.currentTarget.setAttribute('aria-expanded', nav.classList.contains('open'));
});
// routing starts once the account is known: a hash change before that would render a screen that the first route()
// then clears and renders again (a test once read the first rendering as it was being replaced)
session.load().then(() => { session.decorate(); window.addEventListener('hashchange', route); route(); },
  (err) => document.getElementById('app').replaceChildren(errorPanel(err, () => location.reload())));
