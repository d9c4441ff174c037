import { formatTime, langs, statusLabels, type ComponentUptime, type Lang, type PublicIncident, type SpStatus, type StatusComponent } from '../../incidents/index.ts';
import { statusStrings, type StatusPageStrings } from './status-strings.ts';

export interface StatusPageView {
  pageName: string;
  lang: Lang;
  status: SpStatus;
  updatedAt: string;
  components: readonly StatusComponent[];
  uptime: ReadonlyMap<string, ComponentUptime>;
  active: readonly PublicIncident[];
  maintenances: readonly PublicIncident[];
  past: readonly PublicIncident[];
  /** Path + query of this page without the lang parameter. */
  selfPath: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const css = `
:root{color-scheme:light dark;--fg:#111827;--bg:#f8fafc;--card:#fff;--muted:#4b5563;--line:#d1d5db;--ok:#15803d;--minor:#a16207;--major:#c2410c;--crit:#b91c1c;--maint:#1d4ed8;--none:#9ca3af}
@media (prefers-color-scheme:dark){:root{--fg:#f3f4f6;--bg:#0b1220;--card:#111a2e;--muted:#cbd5e1;--line:#334155;--ok:#4ade80;--minor:#facc15;--major:#fb923c;--crit:#f87171;--maint:#93c5fd;--none:#64748b}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;background:var(--bg);color:var(--fg)}
a{color:inherit}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--card);padding:.5rem}
header,main,footer{max-width:860px;margin:0 auto;padding:1rem}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap}h1{font-size:1.5rem;margin:0}
nav ul{list-style:none;display:flex;gap:.75rem;margin:0;padding:0}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.25rem;margin:1rem 0}
h2{font-size:1.15rem;margin:.25rem 0 .75rem}h3{font-size:1rem;margin:.5rem 0}
.banner{font-size:1.2rem;font-weight:600;border-left:6px solid var(--ok)}
.banner.minor{border-color:var(--minor)}.banner.major{border-color:var(--major)}.banner.critical{border-color:var(--crit)}.banner.maintenance{border-color:var(--maint)}
.comp{padding:.6rem 0;border-top:1px solid var(--line)}.comp:first-of-type{border-top:0}
.row{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap}
.st{font-weight:600}.st.operational{color:var(--ok)}.st.degraded_performance{color:var(--minor)}.st.partial_outage{color:var(--major)}.st.major_outage{color:var(--crit)}.st.under_maintenance{color:var(--maint)}
.group>.comp{margin-left:1rem}
.bars{display:flex;gap:2px;height:28px;margin:.35rem 0 .15rem}.bars span{flex:1;border-radius:2px;background:var(--ok)}
.bars .nd{background:var(--none);opacity:.4}.bars .degraded_performance{background:var(--minor)}.bars .partial_outage{background:var(--major)}.bars .major_outage{background:var(--crit)}.bars .under_maintenance{background:var(--maint)}
.legend{display:flex;justify-content:space-between;color:var(--muted);font-size:.85rem}
article{border-top:1px solid var(--line);padding:.5rem 0}article:first-of-type{border-top:0}
.upd{margin:.4rem 0}.upd p{margin:.2rem 0;white-space:pre-line}.meta{color:var(--muted);font-size:.875rem}
form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}fieldset{flex-basis:100%;border:1px solid var(--line);border-radius:6px;display:flex;flex-wrap:wrap;gap:.25rem 1rem}fieldset label{display:inline;color:inherit}label{display:block;font-size:.9rem;color:var(--muted)}
input,select,button{font:inherit;padding:.45rem .6rem;border:1px solid var(--line);border-radius:6px;background:transparent;color:inherit}
button{background:var(--maint);color:#fff;border:0;cursor:pointer}@media (prefers-color-scheme:dark){button{color:#0b1220}}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{color:var(--muted);font-size:.9rem}
`;

/** The public status page, rendered on the server; readable without JavaScript and by screen readers. */
export function statusPageHtml(view: StatusPageView): string {
  const t = statusStrings[view.lang];
  const top = view.components.filter((c) => !c.groupId);
  const visible = (c: StatusComponent) => !c.onlyShowIfDegraded || c.status !== 'operational';
  const body = [
    `<section class="banner ${view.status.indicator}" role="status" aria-live="polite"><p>${esc(view.status.description)}</p><p class="meta">${t.updated}: <time datetime="${view.updatedAt}">${esc(formatTime(view.updatedAt, view.lang))}</time></p></section>`,
    view.active.length ? `<section aria-labelledby="h-active"><h2 id="h-active">${t.activeIncidents}</h2>${view.active.map((p) => incidentHtml(p, view.lang, t, 'h3')).join('')}</section>` : '',
    view.maintenances.length ? `<section aria-labelledby="h-maint"><h2 id="h-maint">${t.maintenance}</h2>${view.maintenances.map((p) => incidentHtml(p, view.lang, t, 'h3')).join('')}</section>` : '',
    top.length
      ? `<section aria-labelledby="h-comp"><h2 id="h-comp">${t.components}</h2>${top
          .filter((c) => c.group || visible(c))
          .map((c) => (c.group ? groupHtml(c, view.components.filter((x) => x.groupId === c.id && visible(x)), view, t) : componentHtml(c, view, t)))
          .join('')}</section>`
      : '',
    `<section aria-labelledby="h-past"><h2 id="h-past">${t.pastIncidents}</h2>${view.past.length ? view.past.map((p) => incidentHtml(p, view.lang, t, 'h3')).join('') : `<p>${t.noPastIncidents}</p>`}</section>`,
    subscribeHtml(view.lang, t, view.components.filter((c) => !c.group)),
  ].join('\n');
  return layout(view.pageName, view.lang, view.selfPath, t, body);
}

/** One incident on its own page (the `shortlink` of the JSON). */
export function statusIncidentHtml(pageName: string, lang: Lang, selfPath: string, incident: PublicIncident | undefined): string {
  const t = statusStrings[lang];
  const body = incident ? `<section>${incidentHtml(incident, lang, t, 'h2')}</section>` : `<section><p>${t.notFound}</p></section>`;
  return layout(incident ? `${incident.incident.title} · ${pageName}` : pageName, lang, selfPath, t, `${body}<p><a href="/status?lang=${lang}">${t.back}</a></p>`);
}

/** A short message page (subscription confirmed, unsubscribed, link invalid…), optionally with a form. */
export function statusMessageHtml(pageName: string, lang: Lang, message: string, form?: { action: string; button: string }): string {
  const t = statusStrings[lang];
  const formHtml = form ? `<form method="post" action="${esc(form.action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${esc(form.button)}</button></form>` : '';
  return layout(pageName, lang, '/status', t, `<section role="status"><p>${esc(message)}</p>${formHtml}</section><p><a href="/status?lang=${lang}">${t.back}</a></p>`);
}

function layout(title: string, lang: Lang, selfPath: string, t: StatusPageStrings, body: string): string {
  const sep = selfPath.includes('?') ? '&' : '?';
  const langNav = langs.map((l) => `<li><a href="${esc(selfPath)}${sep}lang=${l}" hreflang="${l}" lang="${l}"${l === lang ? ' aria-current="true"' : ''}>${{ en: 'English', es: 'Español', 'pt-BR': 'Português' }[l]}</a></li>`).join('');
  return `<!doctype html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="alternate" type="application/rss+xml" title="RSS" href="/history.rss?lang=${lang}">
<link rel="alternate" type="application/atom+xml" title="Atom" href="/history.atom?lang=${lang}">
<style>${css}</style>
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
<header><h1>${esc(title)}</h1><nav aria-label="${t.languageNav}"><ul>${langNav}</ul></nav></header>
<main id="main">
${body}
</main>
<footer><p>${t.poweredBy}</p><p>${t.feeds}: <a href="/history.rss?lang=${lang}">RSS</a> · <a href="/history.atom?lang=${lang}">Atom</a> · <a href="/api/v2/summary.json?lang=${lang}">JSON</a></p></footer>
</body>
</html>`;
}

function groupHtml(group: StatusComponent, children: readonly StatusComponent[], view: StatusPageView, t: StatusPageStrings): string {
  const worst = children.map((c) => c.status).sort((a, b) => rank[b] - rank[a])[0] ?? 'operational';
  return `<div class="comp group" role="group" aria-labelledby="g-${esc(group.id)}"><div class="row"><h3 id="g-${esc(group.id)}">${esc(group.name)}</h3><span class="st ${worst}">${t.componentStatus[worst]}</span></div>${children.map((c) => componentHtml(c, view, t)).join('')}</div>`;
}

const rank = { operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4 } as const;

function componentHtml(c: StatusComponent, view: StatusPageView, t: StatusPageStrings): string {
  const up = view.uptime.get(c.id);
  const days = up?.days ?? [];
  const num = new Intl.NumberFormat(view.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = up?.uptimePct === null || up?.uptimePct === undefined ? t.noData : t.uptime(num.format(up.uptimePct), days.length);
  const bars = days
    .map((d) => {
      const label = `${d.date}: ${d.uptimePct === null ? t.noData : `${num.format(d.uptimePct)}%`}${d.worst && d.worst !== 'operational' ? ` · ${t.componentStatus[d.worst]}` : ''}`;
      return `<span class="${d.worst === null ? 'nd' : d.worst}" title="${esc(label)}"></span>`;
    })
    .join('');
  const desc = c.description ? `<p class="meta">${esc(c.description)}</p>` : '';
  const barsHtml = c.showcase && days.length ? `<div class="bars" role="img" aria-label="${esc(pct)}">${bars}</div><div class="legend" aria-hidden="true"><span>${t.daysAgo(days.length)}</span><span>${esc(pct)}</span><span>${t.today}</span></div>` : '';
  return `<div class="comp"><div class="row"><span>${esc(c.name)}</span><span class="st ${c.status}">${t.componentStatus[c.status]}</span></div>${desc}${barsHtml}</div>`;
}

function incidentHtml(p: PublicIncident, lang: Lang, t: StatusPageStrings, heading: 'h2' | 'h3'): string {
  const i = p.incident;
  const impact = i.kind === 'maintenance' ? 'maintenance' : i.impact;
  const when = i.kind === 'maintenance' && i.scheduledFor ? `<p class="meta">${t.scheduledFor}: <time datetime="${i.scheduledFor}">${esc(formatTime(i.scheduledFor, lang))}</time> – <time datetime="${i.scheduledUntil ?? ''}">${esc(i.scheduledUntil ? formatTime(i.scheduledUntil, lang) : '')}</time></p>` : '';
  const affects = p.components.length ? `<p class="meta">${t.affects}: ${p.components.map((c) => esc(c.component.name)).join(', ')}</p>` : '';
  const updates = p.updates
    .map((u) => `<div class="upd"><p><strong>${statusLabels[u.status][lang]}</strong> — ${esc(u.bodies[lang] ?? u.bodies.en)}</p><p class="meta"><time datetime="${u.displayAt}">${esc(formatTime(u.displayAt, lang))}</time></p></div>`)
    .join('');
  return `<article id="${esc(i.id)}" aria-labelledby="t-${esc(i.id)}"><${heading} id="t-${esc(i.id)}"><a href="/status/incidents/${esc(i.id)}?lang=${lang}">${esc(i.title)}</a> <span class="meta">(${t.impact[impact]})</span></${heading}>${when}${affects}${updates}</article>`;
}

function subscribeHtml(lang: Lang, t: StatusPageStrings, components: readonly StatusComponent[]): string {
  const boxes = components.length
    ? `<fieldset><legend>${t.onlyThese}</legend>${components.map((c) => `<label><input type="checkbox" name="componentIds" value="${esc(c.id)}"> ${esc(c.name)}</label>`).join('')}</fieldset>`
    : '';
  const options = langs.map((l) => `<option value="${l}"${l === lang ? ' selected' : ''}>${{ en: 'English', es: 'Español', 'pt-BR': 'Português (Brasil)' }[l]}</option>`).join('');
  return `<section aria-labelledby="h-sub"><h2 id="h-sub">${t.subscribe}</h2><p class="meta">${t.subscribeHint}</p><form method="post" action="/api/status/subscribers"><div><label for="sub-email">${t.email}</label><input id="sub-email" name="email" type="email" autocomplete="email" required></div><div><label for="sub-lang">${t.language}</label><select id="sub-lang" name="lang">${options}</select></div>${boxes}<button type="submit">${t.subscribeButton}</button></form></section>`;
}
