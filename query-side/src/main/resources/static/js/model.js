// Turns the query side's JSON into the one shape the screens draw. Kept tolerant on purpose: field names are
// looked up under a few spellings, so the screens survive small changes of the read model's JSON.

import { METRICS, pick, listOf, today, daysBetween, unitTypeLabel } from './util.js';

const METRIC_KEYS = METRICS.map((m) => m.key);

/** Fraction-or-percent → percent. */
function asPercent(v) {
  if (v === undefined || v === null || v === '') return null;
  const n = Number(v);
  if (Number.isNaN(n)) return null;
  return Math.abs(n) <= 1.0 ? n * 100 : n;
}

/** Totals {sessions, participations, serviceHours, beneficiaries, enrolledUnits} from many shapes. */
export function totalsOf(o) {
  if (!o) return {};
  const src = pick(o, 'totals', 'figures', 'total', 'actual', 'current') || o;
  const out = {};
  for (const k of METRIC_KEYS) {
    let v = src[k];
    if (v && typeof v === 'object') v = pick(v, 'total', 'value', 'actual', 'current');
    if (v !== undefined && v !== null) out[k] = Number(v);
  }
  return out;
}

function metricList(o) {
  const totals = totalsOf(o);
  const targets = pick(o, 'targets', 'target') || {};
  const percents = pick(o, 'percent', 'percents', 'percentages') || {};
  const pacingObj = pick(o, 'pacing', 'pacingByMetric', 'metricPacing');
  const metricsField = pick(o, 'metrics', 'progress');
  const result = [];
  for (const m of METRICS) {
    let entry = null;
    if (Array.isArray(metricsField)) entry = metricsField.find((e) => (e.metric || e.key || e.name) === m.key);
    else if (metricsField && typeof metricsField === 'object') entry = metricsField[m.key];
    const total = entry ? Number(pick(entry, 'total', 'actual', 'value', 'current') ?? totals[m.key] ?? 0) : totals[m.key];
    let target = entry ? pick(entry, 'target') : undefined;
    if (target === undefined) target = typeof targets === 'object' ? targets[m.key] : undefined;
    if (target && typeof target === 'object') target = pick(target, 'target', 'value');
    let percent = entry ? asPercent(pick(entry, 'percent', 'percentage', 'ratio')) : null;
    if (percent == null && percents && typeof percents === 'object') percent = asPercent(percents[m.key]);
    if (target != null && Number(target) > 0 && total != null) percent = (Number(total) / Number(target)) * 100;
    let pacing = entry ? pick(entry, 'pacing', 'status') : undefined;
    if (pacing === undefined && pacingObj && typeof pacingObj === 'object') {
      const p = pacingObj[m.key] ?? (pacingObj.metrics && pacingObj.metrics[m.key]);
      pacing = p && typeof p === 'object' ? pick(p, 'status', 'pacing') : p;
    }
    if (target == null && total == null) continue;
    result.push({ key: m.key, label: m.label, unit: m.unit, total: total ?? 0,
      target: target == null ? null : Number(target), percent, pacing: pacing || null });
  }
  return result;
}

function overallPacing(o, metrics) {
  const p = pick(o, 'overallPacing', 'pacingStatus', 'pacing');
  if (typeof p === 'string') return p;
  if (p && typeof p === 'object') {
    const v = pick(p, 'overall', 'status');
    if (typeof v === 'string') return v;
  }
  const withTarget = metrics.filter((m) => m.target != null && m.pacing);
  if (!withTarget.length) return null;
  const order = ['AT_RISK', 'LAGGING', 'ON_TRACK', 'DONE'];
  return withTarget.map((m) => m.pacing).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
}

export function expectedPercent(o, start, end, asOf) {
  const given = asPercent(pick(o, 'expectedPercent', 'expectedProgress', 'expected', 'expectedShare'));
  if (given != null) return given;
  if (!start || !end) return null;
  const day = asOf || today();
  const total = daysBetween(start, end) + 1;
  const elapsed = Math.min(Math.max(daysBetween(start, day) + 1, 0), total);
  return total > 0 ? (elapsed / total) * 100 : null;
}

export function campaignOf(o) {
  const c = pick(o, 'campaign') || o;
  const id = pick(c, 'id', 'campaignId');
  const startDate = pick(c, 'startDate', 'start');
  const endDate = pick(c, 'endDate', 'end');
  const metrics = metricList(o);
  let daysLeft = pick(o, 'daysLeft', 'remainingDays', 'daysRemaining');
  if (daysLeft == null && endDate) daysLeft = Math.max(daysBetween(today(), endDate), 0);
  const types = pick(c, 'eligibleUnitTypes', 'unitTypes') || [];
  return {
    id,
    title: pick(c, 'title', 'name') || id,
    theme: pick(c, 'theme') || '',
    description: pick(c, 'description') || '',
    district: pick(c, 'district') ?? null,
    status: pick(o, 'status') || pick(c, 'status') || 'ACTIVE',
    startDate,
    endDate,
    daysLeft,
    eligibleUnitTypes: [...types].map(unitTypeLabel),
    enrolledUnits: pick(o, 'enrolledUnits', 'enrolledUnitCount', 'enrolled') ?? totalsOf(o).enrolledUnits,
    targets: pick(c, 'targets') || pick(o, 'targets') || {},
    metrics,
    expected: expectedPercent(o, startDate, endDate),
    pacing: overallPacing(o, metrics),
    rebuilding: !!pick(o, 'rebuilding', 'stale'),
    raw: o,
  };
}

function breakdown(list, nameKeys) {
  if (!list) return [];
  if (!Array.isArray(list) && typeof list === 'object') {
    return Object.entries(list).map(([name, v]) => ({ name: unitTypeLabel(name), totals: totalsOf(v) }));
  }
  return list.map((e) => ({ name: unitTypeLabel(pick(e, ...nameKeys) ?? '—'), totals: totalsOf(e), raw: e }));
}

function hierarchyNode(n) {
  return {
    unitId: pick(n, 'unitId', 'id'),
    name: pick(n, 'name', 'unitName') || pick(n, 'unitId', 'id'),
    type: unitTypeLabel(pick(n, 'type', 'unitType')),
    district: pick(n, 'district'),
    totals: totalsOf(n),
    own: totalsOf(pick(n, 'own', 'ownTotals', 'self') || {}),
    children: listOf(pick(n, 'children', 'units', 'subUnits') || []).map(hierarchyNode),
  };
}

/** Full progress view of one campaign (GET /api/campaigns/{id}/progress). */
export function progressOf(o) {
  const base = campaignOf(o);
  const asOf = pick(o, 'asOf', 'asOfDate');
  base.expected = expectedPercent(o, base.startDate, base.endDate, asOf);
  const series = listOf(pick(o, 'series', 'daily', 'dailySeries', 'timeline') || []).map((d) => ({
    date: pick(d, 'date', 'day'),
    daily: totalsOf(pick(d, 'daily', 'day', 'figures') ? { totals: pick(d, 'daily', 'figures') } : d),
    cumulative: totalsOf({ totals: pick(d, 'cumulative', 'cumulativeTotals', 'total') || {} }),
  }));
  // some shapes give daily + cumulative as separate lists
  const cumList = listOf(pick(o, 'cumulative', 'cumulativeSeries') || []);
  if (cumList.length && series.length === 0) {
    cumList.forEach((d) => series.push({ date: pick(d, 'date', 'day'), daily: {}, cumulative: totalsOf(d) }));
  }
  // derive cumulative when only daily figures are given
  const acc = {};
  for (const s of series.sort((a, b) => String(a.date).localeCompare(String(b.date)))) {
    for (const k of METRIC_KEYS) {
      acc[k] = (acc[k] || 0) + (s.daily[k] || 0);
      if (s.cumulative[k] == null) s.cumulative[k] = acc[k];
    }
  }
  const hier = pick(o, 'hierarchy', 'tree', 'byHierarchy', 'rollup');
  const silentRaw = pick(o, 'silentUnits', 'silent');
  let silent = [];
  if (Array.isArray(silentRaw)) {
    silent = silentRaw.map((s) => silentUnit(s, false));
  } else if (silentRaw && typeof silentRaw === 'object') {
    silent = [
      ...listOf(pick(silentRaw, 'neverReported', 'never') || []).map((s) => silentUnit(s, true)),
      ...listOf(pick(silentRaw, 'silent', 'quiet', 'units', 'inactive') || []).map((s) => silentUnit(s, false)),
    ];
  }
  listOf(pick(o, 'neverReported', 'neverReportedUnits') || []).forEach((s) => silent.push(silentUnit(s, true)));
  // a unit may be listed both as silent and as never reported: keep one entry, "never" winning
  const byUnit = new Map();
  silent.forEach((u) => {
    const seen = byUnit.get(u.unitId);
    if (!seen || (u.never && !seen.never)) byUnit.set(u.unitId, { ...(seen || {}), ...u, never: u.never || (seen && seen.never) });
  });
  silent = [...byUnit.values()].sort((a, b) => (b.never ? 1 : 0) - (a.never ? 1 : 0)
    || String(a.lastActivityDate || '').localeCompare(String(b.lastActivityDate || '')));
  return {
    ...base,
    asOf: asOf || null,
    byDistrict: breakdown(pick(o, 'byDistrict', 'districts'), ['district', 'name', 'key']),
    byUnitType: breakdown(pick(o, 'byUnitType', 'unitTypes', 'byType'), ['unitType', 'type', 'name', 'key']),
    hierarchy: hier ? listOf(Array.isArray(hier) ? hier : pick(hier, 'roots', 'children', 'nodes') || [hier]).map(hierarchyNode) : [],
    leaderboard: listOf(pick(o, 'leaderboard', 'units', 'byUnit', 'unitLeaderboard') || []).map((u) => ({
      unitId: pick(u, 'unitId', 'id'),
      name: pick(u, 'name', 'unitName') || pick(u, 'unitId', 'id'),
      type: unitTypeLabel(pick(u, 'type', 'unitType')),
      district: pick(u, 'district') || '',
      totals: totalsOf(u),
      lastActivityDate: pick(u, 'lastActivityDate', 'lastActivity'),
    })),
    series,
    silent,
    silentDays: pick(o, 'silentDays', 'silentAfterDays', 'days'),
  };
}

function silentUnit(s, never) {
  if (typeof s === 'string') return { unitId: s, name: s, type: '', lastActivityDate: null, never };
  const last = pick(s, 'lastActivityDate', 'lastActivity', 'lastReported', 'lastActivityOn');
  return {
    unitId: pick(s, 'unitId', 'id'),
    name: pick(s, 'name', 'unitName') || pick(s, 'unitId', 'id'),
    type: unitTypeLabel(pick(s, 'type', 'unitType')),
    district: pick(s, 'district') || '',
    lastActivityDate: last || null,
    never: never || pick(s, 'neverReported', 'never') === true,
    daysSilent: pick(s, 'daysSilent'),
  };
}

export function unitOf(u) {
  return {
    id: pick(u, 'unitId', 'id'),
    name: pick(u, 'name') || pick(u, 'unitId', 'id'),
    type: unitTypeLabel(pick(u, 'type', 'unitType')),
    district: pick(u, 'district') || '',
    parentUnitId: pick(u, 'parentUnitId', 'parentId', 'parent') || null,
    active: pick(u, 'active') ?? !(pick(u, 'deactivated') || pick(u, 'status') === 'DEACTIVATED' || pick(u, 'status') === 'INACTIVE'),
  };
}

export function activityOf(a) {
  const fig = pick(a, 'figures', 'current', 'currentFigures') || a;
  return {
    activityId: pick(a, 'activityId', 'id'),
    unitId: pick(a, 'unitId'),
    unitName: pick(a, 'unitName'),
    date: pick(a, 'date', 'activityDate'),
    title: pick(a, 'title') || '',
    category: pick(a, 'category') || '',
    site: pick(a, 'site', 'location') || '',
    notes: pick(a, 'notes') || '',
    sessions: Number(pick(fig, 'sessions') ?? 0),
    participations: Number(pick(fig, 'participations') ?? 0),
    serviceHours: Number(pick(fig, 'serviceHours') ?? 0),
    beneficiaries: Number(pick(fig, 'beneficiaries') ?? 0),
    retracted: !!(pick(a, 'retracted') || pick(a, 'status') === 'RETRACTED'),
    corrections: Array.isArray(a.corrections) ? a.corrections
      : listOf(pick(a, 'history', 'correctionHistory') || []).filter((x) => !x.type || x.type === 'CORRECTED'),
    history: listOf(pick(a, 'history') || []),
    retractionReason: pick(a, 'retractionReason'),
    recordedBy: pick(a, 'recordedBy'),
    recordedAt: pick(a, 'recordedAt', 'timestamp', 'createdAt'),
  };
}
