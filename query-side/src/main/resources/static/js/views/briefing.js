// 简报: pick a scope and an as-of date, get a draft from the server, edit its paragraphs, issue it, list issued
// briefings, download Word/PDF, print. The exact figures behind every rounded phrase are on hover (title).

import { api } from '../api.js';
import { campaignOf } from '../model.js';
import {
  h, clear, field, select, today, toast, errorPanel, newId, num, busy, DISTRICTS,
} from '../util.js';

const SCOPES = [['campaign', '单项活动'], ['district', '某区全部活动'], ['city', '全市全部活动']];

export async function render(app) {
  let campaigns;
  let offices;
  try {
    [campaigns, offices] = await Promise.all([api.listCampaigns({}), api.briefingOffices()]);
  } catch (err) {
    app.appendChild(errorPanel(err, () => location.reload()));
    return;
  }
  campaigns = campaigns.map(campaignOf);

  let draft = null;

  const year = today().slice(0, 4);
  const form = h('form', { id: 'briefing-form', class: 'panel no-print' },
    h('h2', {}, '起草简报'),
    h('div', { class: 'grid-form' },
      field('范围', select('scopeKind', SCOPES, 'campaign', { id: 'briefing-scope' })),
      field('活动', h('select', { name: 'campaignId', id: 'briefing-campaign' },
        campaigns.map((c) => h('option', { value: c.id }, `${c.title}（${c.district || '全市'}）`)))),
      field('区', select('district', DISTRICTS.map((d) => [d, d]), DISTRICTS[0], { id: 'briefing-district' })),
      field('起始日期', h('input', { type: 'date', name: 'from', value: `${year}-01-01` })),
      field('结束日期', h('input', { type: 'date', name: 'to', value: today() })),
      field('截至日期', h('input', { type: 'date', name: 'asOf', id: 'briefing-asof', value: today() })),
      field('分段', select('groupBy', [['district', '每区一段'], ['campaign', '每项活动一段']], 'district')),
      field('印发单位', h('select', { name: 'office', id: 'briefing-office' },
        offices.map((o) => h('option', { value: o.key }, o.name || o.key)))),
      field('附表', h('input', { type: 'checkbox', name: 'appendix', id: 'briefing-appendix' }), '附精确数字表')),
    h('button', { class: 'btn primary', type: 'submit', id: 'briefing-draft' }, '起草'));
  const editor = h('div', { id: 'briefing-editor' });
  const issuedBox = h('div', { id: 'briefing-issued', class: 'panel no-print' });

  const show = () => {
    const kind = form.elements.scopeKind.value;
    const showIf = (name, visible) => { form.querySelector(`[data-field=${name}]`).style.display = visible ? '' : 'none'; };
    showIf('campaignId', kind === 'campaign');
    showIf('district', kind === 'district');
    showIf('from', kind !== 'campaign');
    showIf('to', kind !== 'campaign');
  };
  form.elements.scopeKind.addEventListener('change', show);
  show();

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = form.elements;
    const kind = v.scopeKind.value;
    const scope = kind === 'campaign' ? { campaignId: v.campaignId.value }
      : { district: kind === 'district' ? v.district.value : null, from: v.from.value, to: v.to.value };
    busy(form.querySelector('#briefing-draft'), async () => {
      try {
        draft = await api.draftBriefing({
          scope, asOf: v.asOf.value, groupBy: v.groupBy.value, office: v.office.value || null,
          appendix: v.appendix.checked,
        });
        draft.briefingId = newId('jb');
        renderEditor();
      } catch (err) {
        toast(err.detail || String(err), 'error');
      }
    });
  });

  const mayIssue = (key) => offices.some((o) => o.key === key && o.mayIssue);

  function exact(f) {
    return `精确数字：场次 ${num(f.sessions, 0)}，志愿者 ${num(f.participations, 0)} 人次，服务时长 ${num(f.serviceHours, 1)} 小时，`
      + `受益 ${num(f.beneficiaries, 0)} 人次；报到单位 ${f.enrolledUnits}，报送单位 ${f.reportingUnits}`;
  }

  function renderEditor() {
    clear(editor);
    const input = (value, onInput, attrs = {}) => h('input', { ...attrs, value: value || '', oninput: (e) => onInput(e.target.value) });
    const sections = draft.sections.map((s, i) => h('div', { class: 'briefing-section', 'data-section': i },
      field('小标题', input(s.heading, (x) => { s.heading = x; }, { name: `heading-${i}` })),
      s.paragraphs.map((p, j) => h('textarea', {
        class: 'briefing-paragraph', name: `paragraph-${i}-${j}`, rows: 7, title: exact(s.figures),
        oninput: (e) => { s.paragraphs[j] = e.target.value; },
      }, p)),
      h('div', { class: 'briefing-figures hint' },
        h('span', { class: 'exact', title: exact(s.figures) }, '数字来源（悬停看精确数字）：'),
        (s.figures.links || []).map((l) => h('span', {},
          ' ', h('a', { href: `#/campaigns/${encodeURIComponent(l.campaignId)}?asOf=${l.asOf}`, title: l.progress }, `${l.title} 截至 ${l.asOf} 进度`),
          ' · ', h('a', { href: `#/campaigns/${encodeURIComponent(l.campaignId)}/history`, title: l.history }, '历史与台账')))),
      field('来源', input(s.source, (x) => { s.source = x; }, { name: `source-${i}` }))));
    const download = (ext) => async (e) => {
      try {
        const blob = await api.exportDraft(draft, ext);
        saveBlob(blob, `${draft.title}（草稿）.${ext}`);
      } catch (err) {
        toast(err.detail || String(err), 'error');
      }
      e.preventDefault();
    };
    editor.appendChild(h('div', { class: 'panel no-print' },
      h('div', { class: 'panel-head' }, h('h2', {}, '编辑草稿'),
        h('span', { class: 'hint' }, `下一期：第 ${draft.issueNo} 期（总第 ${draft.totalIssueNo} 期），印发时确定`)),
      field('简报名称', input(draft.title, (x) => { draft.title = x; }, { name: 'title' })),
      field('栏目', input(draft.column, (x) => { draft.column = x; }, { name: 'column' })),
      sections,
      h('div', { class: 'actions' },
        h('button', {
          class: 'btn primary', id: 'briefing-issue', type: 'button', onclick: issue, disabled: !mayIssue(draft.office),
          title: mayIssue(draft.office) ? null : '当前账号不能以该印发单位印发简报',
        }, '印发'),
        h('button', { class: 'btn', id: 'briefing-draft-docx', type: 'button', onclick: download('docx') }, '草稿 Word'),
        h('button', { class: 'btn', id: 'briefing-draft-pdf', type: 'button', onclick: download('pdf') }, '草稿 PDF'),
        h('button', { class: 'btn', id: 'briefing-print', type: 'button', onclick: () => { renderPrint(); window.print(); } }, '打印'))));
    editor.appendChild(printView());
  }

  function printView() {
    const d = draft;
    return h('article', { id: 'briefing-print-view', class: 'briefing-print' },
      h('div', { class: 'bp-title' }, d.title),
      h('div', { class: 'bp-issue' }, d.issueNo ? `第 ${d.issueNo} 期` : '第  期'),
      d.totalIssueNo ? h('div', { class: 'bp-issue' }, `（总第 ${d.totalIssueNo} 期）`) : null,
      h('div', { class: 'bp-office' }, h('span', {}, d.officeName || ''), h('span', {}, chineseDay(d.date))),
      d.column ? h('div', { class: 'bp-column' }, `【${d.column}】`) : null,
      d.sections.map((s) => [
        s.paragraphs.map((p, j) => h('p', { class: 'bp-para' }, j === 0 && s.heading ? h('b', {}, s.heading) : null, p)),
        s.source ? h('p', { class: 'bp-source' }, s.source) : null]),
      d.footer ? h('div', { class: 'bp-footer' },
        h('p', {}, [d.footer.editor && `责编:${d.footer.editor}`, d.footer.reviewer && `核稿:${d.footer.reviewer}`].filter(Boolean).join('  ')),
        h('p', {}, [d.footer.phone && `电话:${d.footer.phone}`, d.footer.fax && `传真:${d.footer.fax}`, d.footer.email && `邮箱:${d.footer.email}`].filter(Boolean).join('  ')),
        d.footer.reportTo ? h('p', {}, `报:${d.footer.reportTo}`) : null,
        d.footer.sendTo ? h('p', {}, `送:${d.footer.sendTo}`) : null,
        d.footer.distributeTo ? h('p', {}, `发:${d.footer.distributeTo}`) : null) : null);
  }

  function renderPrint() {
    const old = editor.querySelector('#briefing-print-view');
    if (old) old.replaceWith(printView());
  }

  async function issue(e) {
    const button = e.currentTarget;
    await busy(button, async () => {
      try {
        const answer = await api.issueBriefing(draft);
        toast(`已印发：第 ${answer.issueNo} 期（总第 ${answer.totalIssueNo} 期）`);
        draft.issueNo = answer.issueNo;
        draft.totalIssueNo = answer.totalIssueNo;
        renderPrint();
        await loadIssued();
      } catch (err) {
        toast(err.detail || String(err), 'error');
      }
    });
  }

  const issuedFrom = h('input', { type: 'date', name: 'issuedFrom', value: `${year}-01-01` });
  const issuedTo = h('input', { type: 'date', name: 'issuedTo', value: today() });
  async function loadIssued() {
    let list;
    try {
      list = await api.briefings({ from: issuedFrom.value, to: issuedTo.value });
    } catch (err) {
      clear(issuedBox).appendChild(errorPanel(err, loadIssued));
      return;
    }
    clear(issuedBox).appendChild(h('div', { class: 'panel-head' }, h('h2', {}, '已印发的简报'),
      h('span', {}, issuedFrom, ' 至 ', issuedTo, ' ', h('button', { class: 'btn small', onclick: loadIssued }, '查询'))));
    if (!list.length) {
      issuedBox.appendChild(h('p', { class: 'hint' }, '该期间没有印发的简报。'));
      return;
    }
    issuedBox.appendChild(h('table', { class: 'table', id: 'briefing-list' },
      h('thead', {}, h('tr', {}, ['期数', '总期数', '印发日期', '简报', '印发人', '截至', '下载'].map((t) => h('th', {}, t)))),
      h('tbody', {}, list.map((b) => h('tr', { 'data-briefing': b.briefingId },
        h('td', {}, `第 ${b.issueNo} 期`), h('td', {}, `总第 ${b.totalIssueNo} 期`), h('td', {}, b.issuedOn),
        h('td', {}, `${b.title}（${b.officeName || b.office}）`), h('td', {}, b.issuedBy), h('td', {}, b.asOf || ''),
        h('td', {}, h('a', { href: b.docx, download: '', class: 'briefing-docx' }, 'Word'), ' · ',
          h('a', { href: b.pdf, download: '', class: 'briefing-pdf' }, 'PDF')))))));
  }

  app.appendChild(h('div', { class: 'page-head no-print' }, h('h1', {}, '简报')));
  app.appendChild(form);
  app.appendChild(editor);
  app.appendChild(issuedBox);
  await loadIssued();
}

function chineseDay(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
