/**
 * Service orders (点单 → 审单 → 派单 → 接单 → 结项 → 评单) and the 服务菜单 they are ordered from: the messages both
 * sides build on (issue #20).
 *
 * <h2>Streams</h2>
 * One stream per project ({@code projectId}) and one per order ({@code orderId}), both client-supplied
 * ({@code ^[A-Za-z0-9_-]{1,64}$}), in the id space shared with units and campaigns. Who acted and when is in every
 * event's metadata ({@code user}, {@code role}, {@code actingUnit}) and timestamp: an order's timeline is its events.
 *
 * <h2>REST (command side), body = the command's fields</h2>
 * <pre>
 * POST /api/service-projects                {projectId, title, category, description, providerUnitId,
 *                                            districts[], weeklyCapacity, campaignId}     201 / 200 on a retry
 * POST /api/service-projects/{id}/revise    same body (projectId optional, must match)   full replacement
 * POST /api/service-projects/{id}/withdraw  {reason}
 * POST /api/service-orders                  {orderId, projectId | category, requestingUnitId, wantedFrom,
 *                                            wantedTo, place, peopleToServe, contact, notes}
 * POST /api/service-orders/{id}/approve     (no body)
 * POST /api/service-orders/{id}/reject      {reason}
 * POST /api/service-orders/{id}/dispatch    {providerUnitId}  (optional: default = the project's provider)
 * POST /api/service-orders/{id}/accept      (no body)
 * POST /api/service-orders/{id}/decline     {reason}
 * POST /api/service-orders/{id}/complete    {date, sessions, participations, serviceHours, beneficiaries, summary}
 * POST /api/service-orders/{id}/rate        {score, comment}
 * POST /api/service-orders/{id}/cancel      {reason}
 * </pre>
 * Every answer is the command side's {@code CommandAnswer}; a command whose effect already happened (same id, same
 * content) answers 200 and appends nothing ({@code Outcome.UNCHANGED}).
 *
 * <h2>States ({@link com.campaigntracker.shared.service.OrderState}; every order event names the state after it)</h2>
 * PLACED → approve → APPROVED → dispatch → DISPATCHED → accept → ACCEPTED → complete → COMPLETED → rate → RATED.
 * reject: PLACED → REJECTED. decline: DISPATCHED → APPROVED (dispatch again; a DISPATCHED order may also be
 * re-dispatched to another provider before it is accepted). cancel: PLACED / APPROVED / DISPATCHED → CANCELLED.
 *
 * <h2>Who may (a unit account acts for its unit and the units below it; COORDINATOR / ADMIN for any unit)</h2>
 * <ul>
 *   <li>publish / revise / withdraw a project: for its provider unit (实践中心 / 所 / 基地 / 志愿服务队 / 区直单位).</li>
 *   <li>place: for the requesting unit (a 实践站 or 实践所). cancel and rate: for the requesting unit.</li>
 *   <li>approve / reject / dispatch: a unit strictly above the requesting unit ({@code reviewingUnitIds} of
 *   {@code ServiceOrderPlaced}), or a coordinator.</li>
 *   <li>accept / decline / complete: for the provider it is dispatched to (so also a unit above that provider).</li>
 *   <li>LEADER: nothing.</li>
 * </ul>
 *
 * <h2>Configuration</h2>
 * The category list and the per-district deadlines are {@code tracker.service-orders.*}, bound by
 * {@code com.campaigntracker.security.ServiceOrderProperties} (security module, so both sides read the same
 * settings). Categories are checked when a project is published / revised or a free request placed; events keep the
 * category text, so a later change of the list never breaks a replay.
 *
 * <h2>Completion → campaign</h2>
 * An order carries its project's {@code campaignId} from when it was placed. Its completion records the activity
 * {@code RecordActivity(campaignId, activityId = orderId, unitId = providerUnitId, …report)} when that campaign is
 * active and the provider enrolled; the read side needs nothing for it beyond the activity's own events.
 */
package com.campaigntracker.shared.service;
