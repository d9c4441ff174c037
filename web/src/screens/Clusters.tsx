import { api } from '../api.ts';
import { Pending } from '../Pending.tsx';
import { age, utc } from '../lib/format.ts';
import { usePoll } from '../lib/use-poll.ts';
import { ClusterPage } from './ClusterPage.tsx';
import type { ClusterSpike, ClusterSummary } from './cluster-types.ts';
import { human } from './incident-types.ts';
import type { Me } from '../api.ts';

const dayMs = 86_400_000;

/** Problems (clusters of tickets), or one of them when the route names it. */
export function Clusters({ me, route }: { me: Me; route: string }) {
  const id = /^\/clusters\/([^/?]+)/.exec(route)?.[1];
  if (id) return <ClusterPage id={decodeURIComponent(id)} me={me} />;
  return <ClusterList />;
}

interface Listed {
  items: Array<ClusterSummary & { spike: ClusterSpike | null }>;
}

/** Open clusters, the ones with a spike in the last 24 h first (largest ratio first), then most recently active. */
async function loadList(signal: AbortSignal): Promise<Listed> {
  const since = new Date(Date.now() - dayMs).toISOString();
  const [clusters, spikes] = await Promise.all([
    api<{ items: ClusterSummary[] }>('/api/clusters?status=open&limit=200', { signal }),
    api<{ items: ClusterSpike[] }>(`/api/clusters/spikes?since=${encodeURIComponent(since)}&limit=200`, { signal }),
  ]);
  const top = new Map<string, ClusterSpike>();
  for (const s of spikes.items) if (!top.has(s.clusterId) || top.get(s.clusterId)!.ratio < s.ratio) top.set(s.clusterId, s);
  const items = clusters.items.map((c) => ({ ...c, spike: top.get(c.id) ?? null }));
  items.sort((a, b) => Number(Boolean(b.spike)) - Number(Boolean(a.spike)) || (b.spike?.ratio ?? 0) - (a.spike?.ratio ?? 0) || b.lastSeenAt.localeCompare(a.lastSeenAt));
  return { items };
}

function ClusterList() {
  const list = usePoll(loadList, 'clusters', 30_000);
  const items = list.data?.items;
  return (
    <section aria-labelledby="clusters-title">
      <h1 id="clusters-title">Problems</h1>
      <p className="muted small">Open clusters of tickets describing the same problem. Spiking problems (far above their own baseline in the last 24 h) come first. Refreshes every 30 s.</p>
      <Pending polled={list} height={240} />
      {items && items.length === 0 && <p>No open problems.</p>}
      {items && items.length > 0 && (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Problem</th>
              <th scope="col">Category</th>
              <th scope="col">Chains</th>
              <th scope="col">Open / all tickets</th>
              <th scope="col">Spike</th>
              <th scope="col">Last ticket</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`#/clusters/${c.id}`}>{c.title}</a>
                </td>
                <td>{human(c.category)}</td>
                <td>{c.chains.join(', ') || '—'}</td>
                <td>
                  {c.openTicketCount} / {c.ticketCount}
                </td>
                <td>{c.spike ? <span className="chip spike" title={`${c.spike.count} tickets between ${utc(c.spike.windowStart)} and ${utc(c.spike.windowEnd)}, baseline ${c.spike.baseline.toFixed(1)}`}>spike ×{c.spike.ratio.toFixed(1)}</span> : '—'}</td>
                <td title={utc(c.lastSeenAt)}>{age(c.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
