import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * Loads `load()` now and again every `everyMs` while the tab is visible (0 = once).
 * `key` restarts it when the query changes; a slow answer for an old key is dropped.
 */
export function usePoll<T>(load: (signal: AbortSignal) => Promise<T>, key: string, everyMs = 0): Polled<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const ctl = useRef<AbortController | null>(null);
  const run = useCallback(async () => {
    ctl.current?.abort();
    const c = new AbortController();
    ctl.current = c;
    setLoading(true);
    try {
      const value = await loadRef.current(c.signal);
      if (c.signal.aborted) return;
      setData(value);
      setError(null);
    } catch (err) {
      if (c.signal.aborted) return;
      setError(err);
    } finally {
      if (!c.signal.aborted) setLoading(false);
    }
  }, []);
  useEffect(() => {
    setData(undefined);
    void run();
    if (!everyMs) return () => ctl.current?.abort();
    const t = setInterval(() => {
      if (document.visibilityState === 'visible') void run();
    }, everyMs);
    return () => {
      clearInterval(t);
      ctl.current?.abort();
    };
  }, [key, everyMs, run]);
  return { data, error, loading, reload: run };
}
