import { api } from '../api.ts';
import { Pending } from '../Pending.tsx';
import { usePoll } from '../lib/use-poll.ts';

type Action = { kind: 'reprioritize'; priority: string } | { kind: 'reassign'; to: string } | { kind: 'notify'; target: string };

interface Policy {
  id: string;
  priorities: string[];
  channels: string[];
  tiers: string[];
  calendar: string;
  firstReplyMin?: number;
  nextReplyMin?: number;
  resolutionMin?: number;
  warnAt: number;
  onWarning: Action[];
  onBreach: Action[];
}

interface Calendar {
  timeZone: string;
  periods: Partial<Record<string, Array<{ start: string; end: string }>>>;
  holidays: string[];
}

interface Sla {
  editable: boolean;
  source: string;
  /** The settings file (config `configPath`), or null for the built-in defaults. */
  file: string | null;
  configPath: string;
  calendars: Record<string, Calendar>;
  policies: Policy[];
}

const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Minutes as the console shows durations: 45m, 8h, 2d 4h. */
function minutes(m: number | undefined): string {
  if (m === undefined) return '—';
  if (m < 60) return `${m}m`;
  if (m < 24 * 60) return m % 60 ? `${Math.floor(m / 60)}h ${m % 60}m` : `${m / 60}h`;
  const d = Math.floor(m / 1440);
  const h = Math.round((m % 1440) / 60);
  return h ? `${d}d ${h}h` : `${d}d`;
}

const action = (a: Action) => (a.kind === 'reprioritize' ? `raise to ${a.priority.toUpperCase()}` : a.kind === 'reassign' ? `reassign to ${a.to === 'round_robin' ? 'round-robin' : a.to}` : `notify ${a.target}`);

/** The SLA policies and their business-hours calendars (read-only: from the configured settings file or the built-in defaults, see `source`). */
export function SettingsSla() {
  const sla = usePoll((signal) => api<Sla>('/api/settings/sla', { signal }), 'sla');
  const d = sla.data;
  return (
    <section aria-labelledby="sla-title">
      <h1 id="sla-title">SLA policies</h1>
      <Pending polled={sla} height={420} />
      {d && (
        <>
          <p className="notice" role="note">
            {d.editable ? 'Editable.' : 'Read-only.'}{' '}
            {d.file ? (
              <>
                These policies come from <code>{d.file}</code> (config <code>{d.configPath}</code>); edit that file and restart OpsDesk to change them.
              </>
            ) : (
              <>
                These policies are the built-in defaults; set <code>{d.configPath}</code> to a JSON file of your own to change them.
              </>
            )}{' '}
            The first policy that matches a ticket applies (business-hours targets count only open hours).
          </p>
          <table className="grid" aria-label="Policies">
            <thead>
              <tr>
                <th scope="col">Policy</th>
                <th scope="col">Applies to</th>
                <th scope="col">First reply</th>
                <th scope="col">Next reply</th>
                <th scope="col">Resolution</th>
                <th scope="col">Hours</th>
                <th scope="col">Warning at · actions</th>
              </tr>
            </thead>
            <tbody>
              {d.policies.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.id}</th>
                  <td>
                    {[p.priorities.length ? `priority ${p.priorities.join(', ').toUpperCase()}` : '', p.channels.length ? `channel ${p.channels.join(', ')}` : '', p.tiers.length ? `tier ${p.tiers.join(', ')}` : ''].filter(Boolean).join(' · ') || 'every ticket'}
                  </td>
                  <td>{minutes(p.firstReplyMin)}</td>
                  <td>{minutes(p.nextReplyMin)}</td>
                  <td>{minutes(p.resolutionMin)}</td>
                  <td>{p.calendar === 'always' ? 'round the clock' : p.calendar}</td>
                  <td className="small">
                    {Math.round(p.warnAt * 100)}%{p.onWarning.length ? `: ${p.onWarning.map(action).join(', ')}` : ''}
                    {p.onBreach.length > 0 && (
                      <>
                        <br />
                        breach: {p.onBreach.map(action).join(', ')}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Business hours</h2>
          {Object.entries(d.calendars).map(([id, cal]) => (
            <div key={id} className="panel">
              <h3>
                {id} <span className="muted small">time zone {cal.timeZone}</span>
              </h3>
              <dl className="facts">
                {days.map((day) => (
                  <div key={day}>
                    <dt>{day}</dt>
                    <dd>{cal.periods[day]?.length ? cal.periods[day].map((p) => `${p.start}–${p.end}`).join(', ') : 'closed'}</dd>
                  </div>
                ))}
              </dl>
              <p className="small">Holidays: {cal.holidays.length ? cal.holidays.join(', ') : 'none'}</p>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
