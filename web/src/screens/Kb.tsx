import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { Pending } from '../Pending.tsx';
import { Markdown } from '../lib/Markdown.tsx';
import { usePoll } from '../lib/use-poll.ts';
import { human } from './incident-types.ts';

interface ArticleMeta {
  slug: string;
  title: string;
  audience: 'internal' | 'public';
  categories: string[];
  chains: string[];
  owner: string;
  reviewBy: string;
  findingCodes: string[];
  version?: number;
}

interface Article extends ArticleMeta {
  body: string;
  summary: string;
  replies: Partial<Record<'en' | 'es' | 'pt-BR', string>>;
  diagnosis: string;
  version: number;
  updatedAt: string;
}

interface Hit {
  slug: string;
  title: string;
  score: number;
  why: string[];
}

/** Knowledge base: search, or one article when the route names it. */
export function Kb({ route }: { route: string }) {
  const slug = /^\/kb\/([^/?]+)/.exec(route)?.[1];
  if (slug) return <ArticleView slug={decodeURIComponent(slug)} />;
  return <KbSearch />;
}

function KbSearch() {
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(t);
  }, [q]);
  const hits = usePoll((signal) => (debounced ? api<{ items: Hit[] }>(`/api/kb/search?${new URLSearchParams({ q: debounced, limit: '20' }).toString()}`, { signal }) : Promise.resolve(null)), debounced);
  const all = usePoll((signal) => api<{ items: ArticleMeta[] }>('/api/kb/articles', { signal }), 'articles');
  return (
    <section aria-labelledby="kb-title">
      <h1 id="kb-title">Knowledge base</h1>
      <form className="row" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="grow">
          <span className="sr-only">Search articles</span>
          <input ref={box} type="search" autoFocus placeholder="Describe the problem, e.g. “usdt sent on wrong network”" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
      </form>
      <ErrorNotice error={hits.error ?? all.error} />
      <div aria-live="polite">
        {debounced && hits.data && (
          <>
            <h2>Best matches</h2>
            {hits.data.items.length === 0 && <p>No article matches; try other words.</p>}
            <ol className="hits">
              {hits.data.items.map((h) => (
                <li key={h.slug}>
                  <a href={`#/kb/${h.slug}`}>{h.title}</a> <span className="muted small">score {h.score.toFixed(2)}</span>
                  {h.why.length > 0 && <div className="muted small">{h.why.slice(0, 3).join(' · ')}</div>}
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
      {!debounced && (
        <>
          <h2>All articles</h2>
          {!all.data && !all.error && <div className="skeleton" style={{ height: 200 }} />}
          {all.data && (
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Audience</th>
                  <th scope="col">Categories</th>
                  <th scope="col">Review by</th>
                </tr>
              </thead>
              <tbody>
                {all.data.items.map((a) => (
                  <tr key={a.slug}>
                    <td>
                      <a href={`#/kb/${a.slug}`}>{a.title}</a>
                    </td>
                    <td>{a.audience}</td>
                    <td className="small">{a.categories.map(human).join(', ')}</td>
                    <td>{a.reviewBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

function ArticleView({ slug }: { slug: string }) {
  const a = usePoll((signal) => api<Article>(`/api/kb/articles/${encodeURIComponent(slug)}`, { signal }), slug);
  const [lang, setLang] = useState<'en' | 'es' | 'pt-BR'>('en');
  const d = a.data;
  return (
    <section aria-labelledby="article-title">
      <p>
        <a href="#/kb">← Knowledge base</a>
      </p>
      <Pending polled={a} height={300} />
      {d && (
        <>
          <h1 id="article-title">{d.title}</h1>
          <p className="muted small">
            {d.audience} · v{d.version} · owner {d.owner} · review by {d.reviewBy}
            {d.chains.length > 0 && ` · ${d.chains.join(', ')}`}
          </p>
          {d.findingCodes.length > 0 && (
            <p className="small">
              Finding codes:{' '}
              {d.findingCodes.map((c) => (
                <code key={c} className="chip">
                  {c}
                </code>
              ))}
            </p>
          )}
          {Object.keys(d.replies).length > 0 && (
            <div className="panel">
              <h2>Reply to the user</h2>
              <div role="group" aria-label="Reply language" className="segmented">
                {(['en', 'es', 'pt-BR'] as const).map((l) => (
                  <button key={l} type="button" aria-pressed={lang === l} className={lang === l ? 'on' : 'secondary'} disabled={!d.replies[l]} onClick={() => setLang(l)}>
                    {l}
                  </button>
                ))}
              </div>
              <div lang={lang}>
                <Markdown text={d.replies[lang] ?? d.replies.en ?? ''} />
              </div>
            </div>
          )}
          {d.diagnosis && (
            <>
              <h2>How to diagnose (internal)</h2>
              <Markdown text={d.diagnosis} />
            </>
          )}
          <h2>Article</h2>
          <Markdown text={d.body} />
        </>
      )}
    </section>
  );
}
