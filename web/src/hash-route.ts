import { useEffect, useState } from 'react';

/** The console's current screen from the URL hash (#/lookup, #/settings/users …). */
export function useHashRoute(fallback: string): [string, (to: string) => void] {
  const read = () => (location.hash.replace(/^#/, '') || fallback);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  });
  return [route, (to: string) => { location.hash = to; }];
}
