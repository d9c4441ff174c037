const secretParam = /^(api[-_]?key|apikey|key|token|access[-_]?token|auth|secret|password|pass|sig|signature|x-api-key)$/i;
const longOpaqueSegment = /^[A-Za-z0-9_-]{24,}$/;

/**
 * Hides credentials in a URL before it reaches a message or a log: user info, secret-looking
 * query parameters, and long opaque path segments (RPC providers put API keys in the path).
 */
export function redactUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return input.replace(/\/\/[^/@\s]+@/g, '//***@');
  }
  if (url.username) url.username = '***';
  if (url.password) url.password = '***';
  for (const key of [...url.searchParams.keys()]) {
    if (secretParam.test(key)) url.searchParams.set(key, '***');
  }
  url.pathname = url.pathname
    .split('/')
    .map((seg) => (longOpaqueSegment.test(seg) && /\d/.test(seg) ? '***' : seg))
    .join('/');
  return url.toString().replace(/%2A%2A%2A/g, '***');
}
