import { newId } from '../../core/index.ts';
import { AlertRaceError } from '../errors.ts';
import { parseWith } from './parse.ts';
import { RaiseAlertInput, type Actor, type AlertRecord, type MonitorDeps } from './alert.ts';
import { activeSilenceFor, addEvent, fingerprintOf, readAlert, severityRank, toAlert } from './internal.ts';
import { notifyAlert, type Delivery } from './notify.ts';

export interface RaiseResult {
  alert: AlertRecord;
  /** created: a new alert; deduplicated: folded into the open one; reopened: it fired again soon after resolving. */
  action: 'created' | 'deduplicated' | 'reopened';
  /** Why no notification went out, if none did. */
  held: null | 'duplicate' | 'silenced' | 'flapping';
  deliveries: Delivery[];
}

/**
 * Reports a condition. Reports with the same fingerprint fold into one open alert; one that fires
 * again within `flapWindowSec` of resolving reopens it and, past `flapMaxReopens`, is held as
 * flapping; active silences and maintenance windows hold notifications. Channels are notified
 * only when an alert starts, reopens or escalates.
 */
export async function raiseAlert(deps: MonitorDeps, input: RaiseAlertInput, actor: Actor = null): Promise<RaiseResult> {
  const data = parseWith(RaiseAlertInput, input, 'alert');
  // A replica that loses a race for the same alert (see `raiseOnce`) looks again; a third loss in a row is an error.
  const fingerprint = data.fingerprint ?? fingerprintOf(data.source, data.series, data.labels, data.title);
  const tries = 3;
  for (let attempt = 1; ; attempt++) {
    const result = await raiseOnce(deps, data, fingerprint, actor);
    if (result) return result;
    if (attempt === tries) throw new AlertRaceError(fingerprint, tries);
  }
}

/** One try of `raiseAlert`; undefined when another replica changed the alert between our read and our write. */
async function raiseOnce(deps: MonitorDeps, data: ReturnType<typeof RaiseAlertInput.parse>, fingerprint: string, actor: Actor): Promise<RaiseResult | undefined> {
  const at = (data.at ?? deps.clock.now()).toISOString();
  const { db } = deps.store;
  const probe = { fingerprint, source: data.source, severity: data.severity, series: data.series ?? null, labels: data.labels };

  const open = await db.selectFrom('monitor_alerts').selectAll().where('open_key', '=', fingerprint).executeTakeFirst();
  if (open) {
    const escalating = severityRank(data.severity) > severityRank(open.severity as AlertRecord['severity']);
    // Only the replica whose update still finds the old severity escalates (and notifies).
    const updated = await db
      .updateTable('monitor_alerts')
      .set((eb) => ({ last_seen_at: at, summary: data.summary || open.summary, occurrences: eb('occurrences', '+', 1), updated_at: at, ...(escalating ? { severity: data.severity, title: data.title } : {}) }))
      .where('id', '=', open.id)
      .where('open_key', '=', fingerprint)
      .where('severity', '=', open.severity)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return undefined;
    const alert = await readAlert(db, open.id);
    if (!escalating) return { alert, action: 'deduplicated', held: 'duplicate', deliveries: [] };
    await addEvent(db, alert.id, at, 'escalated', actor, `${open.severity} → ${data.severity}`, deps.clock.nowMs());
    if (alert.silencedBy || alert.flapping) return { alert, action: 'deduplicated', held: alert.flapping ? 'flapping' : 'silenced', deliveries: [] };
    return { alert, action: 'deduplicated', held: null, deliveries: await notifyAlert(deps, alert, 'escalated') };
  }

  const silence = await activeSilenceFor(db, probe, at);
  const since = new Date(Date.parse(at) - deps.config.flapWindowSec * 1000).toISOString();
  const recent = await db.selectFrom('monitor_alerts').selectAll().where('fingerprint', '=', fingerprint).where('status', '=', 'resolved').where('resolved_at', '>=', since).orderBy('resolved_at', 'desc').executeTakeFirst();
  if (recent) {
    const reopenCount = Number(recent.reopen_count) + 1;
    const flapping = reopenCount >= deps.config.flapMaxReopens;
    const reopened = await db
      .updateTable('monitor_alerts')
      .set({ status: 'firing', open_key: fingerprint, resolved_at: null, resolved_by: null, acknowledged_at: null, acknowledged_by: null, reopen_count: reopenCount, flapping: flapping ? 1 : 0, last_seen_at: at, summary: data.summary || recent.summary, silenced_by: silence?.id ?? null, updated_at: at })
      .where('id', '=', recent.id)
      .where('status', '=', 'resolved')
      .executeTakeFirst();
    // Another replica reopened it first: the next try folds this report into the open alert.
    if (Number(reopened.numUpdatedRows) === 0) return undefined;
    await addEvent(db, recent.id, at, 'reopened', actor, `reopened ${reopenCount}× within ${deps.config.flapWindowSec}s of resolving`, deps.clock.nowMs());
    const alert = await readAlert(db, recent.id);
    if (flapping) {
      if (Number(recent.flapping) !== 1) await addEvent(db, alert.id, at, 'flapping', null, `held: reopened ${reopenCount} times`, deps.clock.nowMs());
      return { alert, action: 'reopened', held: 'flapping', deliveries: [] };
    }
    if (silence) return { alert, action: 'reopened', held: 'silenced', deliveries: [] };
    return { alert, action: 'reopened', held: null, deliveries: await notifyAlert(deps, alert, 'reopened') };
  }

  const id = newId('alr', deps.clock.nowMs());
  try {
    await db
      .insertInto('monitor_alerts')
      .values({
        id,
        fingerprint,
        source: data.source,
        title: data.title,
        summary: data.summary,
        severity: data.severity,
        series: data.series ?? null,
        labels: JSON.stringify(data.labels),
        status: 'firing',
        open_key: fingerprint,
        silenced_by: silence?.id ?? null,
        started_at: at,
        last_seen_at: at,
        acknowledged_at: null,
        acknowledged_by: null,
        resolved_at: null,
        resolved_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  } catch (err) {
    // Another replica opened the same fingerprint at the same moment: fold into it.
    const winner = await db.selectFrom('monitor_alerts').selectAll().where('open_key', '=', fingerprint).executeTakeFirst();
    if (!winner) throw err;
    return { alert: toAlert(winner), action: 'deduplicated', held: 'duplicate', deliveries: [] };
  }
  await addEvent(db, id, at, 'fired', actor, data.summary || null, deps.clock.nowMs());
  const alert = await readAlert(db, id);
  if (silence) {
    await addEvent(db, id, at, 'silenced', null, `${silence.kind} ${silence.id}: ${silence.reason}`, deps.clock.nowMs());
    return { alert, action: 'created', held: 'silenced', deliveries: [] };
  }
  return { alert, action: 'created', held: null, deliveries: await notifyAlert(deps, alert, 'firing') };
}
