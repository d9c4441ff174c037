import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type Me } from './api.ts';
import { Login } from './screens/Login.tsx';
import { Shell } from './Shell.tsx';

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const load = useCallback(() => {
    api<Me>('/api/auth/me')
      .then(setMe)
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) setMe(null);
        else setMe(null);
      });
  }, []);
  useEffect(load, [load]);
  if (me === undefined) return <div className="boot" aria-busy="true" />;
  if (me === null) return <Login onSignedIn={load} />;
  return <Shell me={me} onSignedOut={() => setMe(null)} />;
}
