import { useState } from 'react';
import { api, type Me } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { Pending } from '../Pending.tsx';
import { utc } from '../lib/format.ts';
import { atLeast } from '../lib/roles.ts';
import { usePoll } from '../lib/use-poll.ts';

interface Probe {
  endpoint: string;
  at: string;
  ok: boolean;
  latencyMs: number;
  height: number | null;
  headAgeSec: number | null;
  lagBlocks: number | null;
  error: string | null;
}

interface ChainRow {
  slug: string;
  name: string;
  family: string;
  source: string;
  probeable: boolean;
  endpoints: Array<{ index: number; endpoint: string; lastProbe: Probe | null }>;
}

interface Chains {
  items: ChainRow[];
  timeoutMs: number;
  retries: number;
  probeMetrics: string[];
}

/** Configured chains and their RPC endpoints (keys in URLs redacted by the server), with a probe on demand for engineers. */
export function SettingsChains({ me }: { me: Me }) {
  const chains = usePoll((signal) => api<Chains>('/api/settings/chains', { signal }), 'chains');
  const [filter, setFilter] = useState('');
  const f = filter.trim().toLowerCase();
  const items = (chains.data?.items ?? []).filter((c) => !f || c.slug.includes(f) || c.name.toLowerCase().includes(f) || c.family.includes(f));
  return (
    <section aria-labelledby="chains-title">
      <h1 id="chains-title">Chains & RPCs</h1>
      <p className="muted small">
        Read from the configuration (<code>chains.rpc</code>, <code>chains.custom</code>, built-in registry); change them there and restart. Keys in URLs are shown as ***.
        {chains.data && ` Timeout ${chains.data.timeoutMs} ms, ${chains.data.retries} retries. Scheduled probe history is in telemetry (${chains.data.probeMetrics.join(', ')}).`}
        {!atLeast(me.role, 'engineer') && ' Testing endpoints needs the engineer role.'}
      </p>
      <label className="inline">
        <span>Filter chains</span>
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <Pending polled={chains} height={400} />
      {chains.data && (
        <table className="grid" aria-label="Chains">
          <thead>
            <tr>
              <th scope="col">Chain</th>
              <th scope="col">Family · from</th>
              <th scope="col">RPC endpoints and last probe</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <ChainRowView key={c.slug} chain={c} canProbe={atLeast(me.role, 'engineer') && c.probeable} onProbed={chains.reload} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ChainRowView({ chain, canProbe, onProbed }: { chain: ChainRow; canProbe: boolean; onProbed: () => Promise<void> }) {
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const probe = async (index: number) => {
    setBusy(index);
    setError(null);
    try {
      await api(`/api/settings/chains/${chain.slug}/probe`, { method: 'POST', body: { index } });
      await onProbed();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <tr>
      <th scope="row">
        {chain.name} <span className="muted small">{chain.slug}</span>
      </th>
      <td>
        {chain.family} · {chain.source}
      </td>
      <td>
        {chain.endpoints.length === 0 && <span className="muted">No RPC endpoint.</span>}
        <ul className="plain endpoints">
          {chain.endpoints.map((e) => (
            <li key={e.index}>
              <code className="hash">{e.endpoint}</code>{' '}
              {canProbe && (
                <button type="button" className="small secondary" disabled={busy !== null} onClick={() => void probe(e.index)} aria-label={`Test endpoint ${e.index + 1} of ${chain.name}`}>
                  {busy === e.index ? 'Testing…' : 'Test'}
                </button>
              )}
              <span className="small probe" role="status">
                {e.lastProbe ? (
                  e.lastProbe.ok ? (
                    <span className="ok">
                      up · head {e.lastProbe.height} · {e.lastProbe.latencyMs} ms{e.lastProbe.headAgeSec !== null ? ` · head ${e.lastProbe.headAgeSec}s old` : ''}
                      {e.lastProbe.lagBlocks ? ` · ${e.lastProbe.lagBlocks} blocks behind` : ''} · {utc(e.lastProbe.at)}
                    </span>
                  ) : (
                    <span className="bad">down · {e.lastProbe.error}</span>
                  )
                ) : (
                  <span className="muted">not tested</span>
                )}
              </span>
            </li>
          ))}
        </ul>
        <ErrorNotice error={error} />
      </td>
    </tr>
  );
}
