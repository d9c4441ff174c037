import { useState } from 'react';
import { api, type Me } from '../api.ts';
import { Pending } from '../Pending.tsx';
import { utc } from '../lib/format.ts';
import { atLeast } from '../lib/roles.ts';
import { usePoll } from '../lib/use-poll.ts';
import { NoteForm, PostUpdateForm, Postmortem, ProviderLog } from './IncidentPanels.tsx';
import { human, langs, type IncidentDetail, type Lang } from './incident-types.ts';

/** One incident: facts, components, public updates, provider log, timeline and postmortem. */
export function IncidentPage({ id, me }: { id: string; me: Me }) {
  const detail = usePoll((signal) => api<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`, { signal }), id, 15_000);
  const canChange = atLeast(me.role, 'engineer');
  const d = detail.data;
  return (
    <section aria-labelledby="incident-title">
      <p>
        <a href="#/incidents">← All incidents</a>
      </p>
      <Pending polled={detail} height={320} />
      {d && (
        <>
          <h1 id="incident-title">
            <span className={`chip sevchip ${d.incident.severity.toLowerCase()}`}>{d.incident.severity}</span> {d.incident.title}
          </h1>
          <dl className="facts">
            <div>
              <dt>Status</dt>
              <dd>
                <span className={`chip phase-${d.incident.status}`}>{human(d.incident.status)}</span>
              </dd>
            </div>
            <div>
              <dt>Started</dt>
              <dd>{utc(d.incident.startedAt)}</dd>
            </div>
            {d.incident.resolvedAt && (
              <div>
                <dt>Resolved</dt>
                <dd>{utc(d.incident.resolvedAt)}</dd>
              </div>
            )}
            <div>
              <dt>Commander</dt>
              <dd>{d.incident.roles.commander ?? '—'}</dd>
            </div>
            <div>
              <dt>Public</dt>
              <dd>
                {d.incident.published ? (
                  <a href={`/status/incidents/${d.incident.id}`} target="_blank" rel="noopener">
                    On the status page<span className="sr-only"> (new tab)</span>
                  </a>
                ) : (
                  'Not yet: post an update to publish'
                )}
              </dd>
            </div>
            {d.incident.nextUpdateAt && (
              <div>
                <dt>Next update</dt>
                <dd>{utc(d.incident.nextUpdateAt)}</dd>
              </div>
            )}
          </dl>
          {d.incident.summary && <p className="internal">{d.incident.summary}</p>}
          {d.incident.affected.length > 0 && (
            <>
              <h2>Affected matrix</h2>
              <table className="grid compact">
                <thead>
                  <tr>
                    <th scope="col">Chain</th>
                    <th scope="col">Feature</th>
                    <th scope="col">Platform</th>
                    <th scope="col">App version</th>
                  </tr>
                </thead>
                <tbody>
                  {d.incident.affected.map((c, n) => (
                    <tr key={n}>
                      <td>{c.chain ?? 'all'}</td>
                      <td>{c.feature ?? 'all'}</td>
                      <td>{c.platform ?? 'all'}</td>
                      <td>{c.appVersion ?? 'all'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h2>Components</h2>
          {d.components.length === 0 ? (
            <p className="muted">No status page component is attached yet; choose them when posting an update.</p>
          ) : (
            <table className="grid compact">
              <thead>
                <tr>
                  <th scope="col">Component</th>
                  <th scope="col">In this incident</th>
                  <th scope="col">Now</th>
                </tr>
              </thead>
              <tbody>
                {d.components.map((c) => (
                  <tr key={c.component.id}>
                    <td>{c.component.name}</td>
                    <td>
                      <span className={`cstatus ${c.status}`}>{human(c.status)}</span>
                    </td>
                    <td>
                      <span className={`cstatus ${c.component.status}`}>{human(c.component.status)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {canChange && d.incident.status !== 'resolved' && d.incident.status !== 'completed' && <PostUpdateForm key={`${d.incident.status}-${d.updates.length}`} detail={d} onPosted={detail.reload} />}
          <h2>Public updates</h2>
          {d.updates.length === 0 ? <p className="muted">None yet.</p> : <Updates detail={d} />}
          <ProviderLog detail={d} canChange={canChange} onChanged={detail.reload} />
          <h2>Timeline</h2>
          <ol className="timeline">
            {d.timeline.map((t) => (
              <li key={t.id}>
                <time dateTime={t.at}>{utc(t.at)}</time> <span className="chip">{t.kind}</span> {t.text} <span className="muted">— {t.actorName}</span>
              </li>
            ))}
          </ol>
          {atLeast(me.role, 'agent') && <NoteForm id={d.incident.id} onAdded={detail.reload} />}
          <Postmortem id={d.incident.id} canChange={canChange} />
        </>
      )}
    </section>
  );
}

function Updates({ detail }: { detail: IncidentDetail }) {
  const [lang, setLang] = useState<Lang>('en');
  return (
    <>
      <div role="group" aria-label="Language of the updates" className="segmented">
        {langs.map((l) => (
          <button key={l.tag} type="button" aria-pressed={lang === l.tag} className={lang === l.tag ? 'on' : 'secondary'} onClick={() => setLang(l.tag)}>
            {l.label}
          </button>
        ))}
      </div>
      <ol className="updates">
        {detail.updates.map((u) => (
          <li key={u.id}>
            <strong>{human(u.status)}</strong> <time dateTime={u.createdAt}>{utc(u.createdAt)}</time>
            <p lang={lang}>{u.bodies[lang]}</p>
            {u.affectedComponents.length > 0 && (
              <p className="muted small">
                {u.affectedComponents.map((c) => `${c.name}: ${human(c.old_status)} → ${human(c.new_status)}`).join(' · ')}
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
