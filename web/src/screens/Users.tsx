import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';

interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
}
interface Token {
  id: string;
  name: string;
  prefix: string;
  role: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const roles = ['viewer', 'agent', 'engineer', 'admin'];

/** Admin: staff users and API tokens. Secrets and one-time passwords are shown once. */
export function Users() {
  const [users, setUsers] = useState<User[]>([]);
  const [tokens, setTokens] = useState<Token[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [shownOnce, setShownOnce] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setUsers((await api<{ items: User[] }>('/api/users')).items);
      setTokens((await api<{ items: Token[] }>('/api/tokens')).items);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  const run = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
      await reload();
    } catch (err) {
      setError(err);
    }
  };
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('agent');
  const [tokenName, setTokenName] = useState('');
  const [tokenRole, setTokenRole] = useState('viewer');
  const addUser = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await api<{ user: User; oneTimePassword?: string }>('/api/users', { method: 'POST', body: { email, role } });
      setShownOnce(r.oneTimePassword ? `One-time password for ${r.user.email}: ${r.oneTimePassword}` : null);
      setEmail('');
    });
  };
  const addToken = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await api<{ token: Token; secret: string }>('/api/tokens', { method: 'POST', body: { name: tokenName, role: tokenRole } });
      setShownOnce(`Token ${r.token.name} (shown once): ${r.secret}`);
      setTokenName('');
    });
  };
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users & tokens</h1>
      <ErrorNotice error={error} />
      {shownOnce && (
        <div className="notice" role="status">
          <code className="secret">{shownOnce}</code>
        </div>
      )}
      <h2>Users</h2>
      <form className="row" onSubmit={addUser}>
        <label className="grow">
          <span className="sr-only">E-mail</span>
          <input type="email" required placeholder="new.person@example.com" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          <span className="sr-only">Role</span>
          <select value={role} onChange={(e) => setRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button type="submit">Add user</button>
      </form>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>{u.name}</td>
              <td>{u.role}</td>
              <td>{u.disabled ? 'disabled' : 'active'}</td>
              <td>{!u.disabled && <button type="button" className="link" onClick={() => void run(() => api(`/api/users/${u.id}/disable`, { method: 'POST' }))}>Disable</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>API tokens</h2>
      <form className="row" onSubmit={addToken}>
        <label className="grow">
          <span className="sr-only">Token name</span>
          <input required placeholder="token name, e.g. otel-collector" value={tokenName} onChange={(e) => setTokenName(e.target.value)} />
        </label>
        <label>
          <span className="sr-only">Token role</span>
          <select value={tokenRole} onChange={(e) => setTokenRole(e.target.value)}>
            {[...roles, 'ingest'].map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button type="submit">Create token</button>
      </form>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Prefix</th>
            <th scope="col">Role</th>
            <th scope="col">Last used</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>{t.role}</td>
              <td>{t.lastUsedAt ?? 'never'}</td>
              <td>{t.revokedAt ? 'revoked' : <button type="button" className="link" onClick={() => void run(() => api(`/api/tokens/${t.id}`, { method: 'DELETE' }))}>Revoke</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
