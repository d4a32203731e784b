// Turns the query side's JSON into the shape the screens draw. Field names are exactly the server's (see the API
// table in query-side/README.md); every figure — percentages, pacing, days left, cumulative series — is the
// server's, never recomputed here. The browser tests fail when the UI reads a field the server does not send.

import { METRICS } from './util.js';

/** Per metric: total, target, percent (0..100, null without a target), expected percent and pacing, as sent. */
function metricsOf(metrics) {
  return METRICS.map((m) => {
    const x = metrics[m.key];
    return { ...m, total: x.total, target: x.target, percent: x.percent, expected: x.expectedPercent, pacing: x.pacing };
  });
}

/** A campaign row of GET /api/campaigns, or the head of a progress view. */
export function campaignOf(s) {
  return {
    id: s.campaignId,
    title: s.title,
    theme: s.theme || '',
    description: s.description || '',
    district: s.district,
    status: s.status,
    startDate: s.startDate,
    endDate: s.endDate,
    daysLeft: s.daysLeft,
    eligibleUnitTypes: s.eligibleUnitTypes,
    enrolledUnits: s.enrolledUnits,
    metrics: metricsOf(s.metrics),
    expected: s.expectedProgress * 100, // the server sends the elapsed share of the period as 0..1
    pacing: s.pacing,
  };
}

const unitRow = (u, totals) => ({ unitId: u.unitId, name: u.name, type: u.type, district: u.district, totals });

const hierarchyNode = (n) => ({ ...unitRow(n, n.total), children: n.children.map(hierarchyNode) });

/** GET /api/campaigns/{id}/progress, or a view pushed on its stream (whose `rebuilding` the caller passes on). */
export function progressOf(p, rebuilding = false) {
  const never = new Set(p.neverReported.map((u) => u.unitId));
  return {
    ...campaignOf(p),
    rebuilding,
    byDistrict: p.byDistrict.map((d) => ({ name: d.district, totals: d })),
    byUnitType: p.byUnitType.map((t) => ({ name: t.unitType, totals: t })),
    hierarchy: p.hierarchy.map(hierarchyNode),
    leaderboard: p.leaderboard.map((u) => unitRow(u, u)),
    series: p.daily.map((d) => ({ date: d.date, cumulative: d.cumulative })),
    // never-reported units first, then the longest silent
    silent: p.silentUnits.map((u) => ({ ...unitRow(u), lastActivityDate: u.lastActivityDate,
      daysSilent: u.daysSilent, never: never.has(u.unitId) }))
      .sort((a, b) => b.never - a.never || String(a.lastActivityDate).localeCompare(String(b.lastActivityDate))),
  };
}

/** A row of GET /api/units. */
export function unitOf(u) {
  return { id: u.unitId, name: u.name, type: u.type, district: u.district, parentId: u.parentId, active: u.active };
}

/** An item of GET /api/campaigns/{id}/activities. */
export function activityOf(a) {
  return {
    activityId: a.activityId,
    unitId: a.unitId,
    date: a.date,
    title: a.title,
    category: a.category || '',
    site: a.site || '',
    notes: a.notes || '',
    ...a.figures,
    retracted: a.retracted,
    corrections: a.corrections, // how many times it was corrected
    correctionHistory: a.history.filter((x) => x.type === 'CORRECTED').map((x) => ({ at: x.at, reason: x.reason, by: x.user })),
  };
}

const campaignIn = (participation, campaignId) => participation.campaigns.find((c) => c.campaignId === campaignId);

/** Whether GET /api/units/{id}/participation says the unit is enrolled in the campaign. */
export const enrolledIn = (participation, campaignId) => !!campaignIn(participation, campaignId)?.enrolled;

/** The unit's totals {sessions, participations, serviceHours, beneficiaries, activities} in one campaign. */
export function participationTotals(participation, campaignId) {
  const entry = campaignIn(participation, campaignId);
  return entry ? entry.totals : { sessions: 0, participations: 0, serviceHours: 0, beneficiaries: 0, activities: 0 };
}

/**
 * GET /api/unit-types, the server's hierarchy rule: `parents(type)` lists the labels a unit of that type may be
 * registered under, `accepts(type, parentType)` says whether it may (parentType null: directly under its district).
 */
export function unitTypesOf(list) {
  const byLabel = new Map(list.map((t) => [t.label, t]));
  return {
    labels: list.map((t) => t.label),
    parents: (type) => byLabel.get(type).allowedParentTypes,
    accepts: (type, parentType) => {
      const t = byLabel.get(type);
      return parentType == null ? !t.parentRequired : t.allowedParentTypes.includes(parentType);
    },
  };
}

/** GET /api/themes/{theme}/progress: the theme's campaigns summed, a row per district, the ranking, the series. */
export function themeOf(t) {
  return {
    theme: t.theme,
    from: t.from,
    to: t.to,
    campaignCount: t.campaignCount,
    enrolledUnits: t.enrolledUnits,
    reportingUnits: t.reportingUnits,
    metrics: metricsOf(t.metrics),
    pacing: t.pacing,
    districts: t.byDistrict.map((d) => ({ name: d.district, campaigns: d.campaigns, enrolledUnits: d.enrolledUnits,
      reportingUnits: d.reportingUnits, metrics: metricsOf(d.metrics), pacing: d.pacing })),
    ranking: t.ranking,
    series: t.daily.map((d) => ({ date: d.date, cumulative: d.cumulative })),
  };
}
