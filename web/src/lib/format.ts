/** "3 min ago", "2 h ago", "4 d ago" from an ISO time; the exact UTC time goes in a title attribute. */
export function ago(iso: string | null | undefined, nowMs = Date.now()): string {
  if (!iso) return '—';
  const sec = Math.max(0, Math.round((nowMs - Date.parse(iso)) / 1000));
  if (sec < 60) return `${sec} s ago`;
  if (sec < 3600) return `${Math.floor(sec / 60)} min ago`;
  if (sec < 86_400) return `${Math.floor(sec / 3600)} h ${Math.floor((sec % 3600) / 60)} min ago`;
  return `${Math.floor(sec / 86_400)} d ago`;
}

/** Age as a compact duration ("45m", "3h", "2d") for dense tables. */
export function age(iso: string | null | undefined, nowMs = Date.now()): string {
  if (!iso) return '—';
  const min = Math.max(0, Math.round((nowMs - Date.parse(iso)) / 60_000));
  if (min < 60) return `${min}m`;
  if (min < 48 * 60) return `${Math.floor(min / 60)}h`;
  return `${Math.floor(min / 1440)}d`;
}

/** An ISO time as "2026-11-27 09:31 UTC". */
export function utc(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
