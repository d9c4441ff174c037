/** The sign-in page served at `/` until the console bundle is built; works without a framework. */
export function loginPageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · OpsDesk</title>
<style>
  :root { color-scheme: light dark; --fg:#111827; --bg:#f8fafc; --card:#fff; --muted:#4b5563; --accent:#1d4ed8; --err:#b91c1c; }
  @media (prefers-color-scheme: dark) { :root { --fg:#f3f4f6; --bg:#0b1220; --card:#111a2e; --muted:#cbd5e1; --accent:#93c5fd; --err:#fca5a5; } }
  body { margin:0; font:15px/1.5 system-ui, sans-serif; background:var(--bg); color:var(--fg); display:grid; place-items:center; min-height:100vh; }
  main { background:var(--card); padding:2rem; border-radius:10px; width:min(360px, 90vw); box-shadow:0 1px 3px rgb(0 0 0 / .2); }
  h1 { font-size:1.25rem; margin:0 0 1rem; }
  label { display:block; margin:.75rem 0 .25rem; color:var(--muted); }
  input { width:100%; box-sizing:border-box; padding:.55rem; border:1px solid #6b7280; border-radius:6px; font:inherit; background:transparent; color:inherit; }
  button { margin-top:1.25rem; width:100%; padding:.6rem; border:0; border-radius:6px; background:var(--accent); color:#fff; font:inherit; cursor:pointer; }
  @media (prefers-color-scheme: dark) { button { color:#0b1220; } }
  #msg { min-height:1.5em; margin-top:.75rem; color:var(--err); }
</style>
</head>
<body>
<main>
  <h1>OpsDesk</h1>
  <form id="login" method="post" action="/api/auth/login">
    <label for="email">E-mail</label>
    <input id="email" name="email" type="email" autocomplete="username" required autofocus>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">Sign in</button>
    <p id="msg" role="alert" aria-live="polite"></p>
  </form>
</main>
<script>
  document.getElementById('login').addEventListener('submit', async (e) => {
    e.preventDefault();
    const msg = document.getElementById('msg');
    msg.textContent = '';
    const body = JSON.stringify({ email: e.target.email.value, password: e.target.password.value });
    const res = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (res.ok) { const data = await res.json(); msg.style.color = 'inherit'; msg.textContent = 'Signed in as ' + data.user.name + ' (' + data.user.role + ').'; location.reload(); return; }
    const problem = await res.json().catch(() => ({ detail: 'Sign-in failed.' }));
    msg.textContent = problem.detail || 'Sign-in failed.';
  });
</script>
</body>
</html>`;
}
