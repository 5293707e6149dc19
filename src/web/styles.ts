/**
 * The one stylesheet, inlined in every page (no extra request, works from
 * a static folder). Colours meet WCAG AA contrast on white; layout is a
 * single column below 700px so the pages read on a phone.
 */
export const STYLES = `
:root { --fg:#1b1f24; --muted:#4a5360; --bg:#ffffff; --panel:#f4f6f8; --line:#c9d1da;
  --accent:#0b57d0; --ok:#146c2e; --bad:#b3261e; --warn:#7a4f00; --team:#6d2a8f; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
a { color:var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, textarea:focus-visible
  { outline:3px solid #f2a900; outline-offset:2px; }
.skip { position:absolute; left:-999px; top:0; background:var(--fg); color:#fff; padding:.5rem 1rem; z-index:2; }
.skip:focus { left:0; }
header.top { background:#102a43; color:#fff; padding:.5rem 1rem; }
header.top a { color:#fff; }
.brand { margin:0; font-weight:600; }
nav ul { list-style:none; margin:.25rem 0 0; padding:0; display:flex; flex-wrap:wrap; gap:.25rem .5rem; }
nav a { display:inline-block; padding:.35rem .6rem; border-radius:4px; text-decoration:none; }
nav a:hover { background:#243b53; }
nav a[aria-current="page"] { background:#fff; color:#102a43; font-weight:600; }
form.when { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; margin:.5rem 0 0; }
form.when label { display:flex; flex-direction:column; font-size:.85rem; }
input, select, button, textarea { font:inherit; }
input, select, textarea { border:1px solid var(--line); border-radius:4px; padding:.3rem .4rem; }
button { border:1px solid var(--accent); background:var(--accent); color:#fff; border-radius:4px; padding:.3rem .8rem; cursor:pointer; }
td form { display:flex; flex-wrap:wrap; gap:.3rem; align-items:center; margin:0; }
button.secondary { background:#fff; color:var(--accent); }
main { padding:1rem; max-width:1100px; margin:0 auto; }
h1 { font-size:1.6rem; margin:.2rem 0 .4rem; }
h2 { font-size:1.2rem; margin:1.5rem 0 .5rem; }
.age { color:var(--muted); font-size:.9rem; margin:0 0 1rem; }
.notice { border-left:4px solid var(--warn); background:#fff6e0; padding:.5rem .75rem; margin:.75rem 0; }
.notice.error { border-color:var(--bad); background:#fdecea; }
.notice.info { border-color:var(--accent); background:#e8f0fe; }
.banner { margin:.25rem 0 .75rem; }
.banner .notice { margin:.25rem 0; }
.table-wrap { overflow-x:auto; }
table { border-collapse:collapse; width:100%; font-size:.95rem; }
th, td { text-align:left; padding:.35rem .5rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:var(--panel); }
tr.current { background:#fff8d6; }
.badge { display:inline-block; font-size:.75rem; padding:0 .4rem; border-radius:999px; border:1px solid currentColor; white-space:nowrap; }
.scope-team { color:var(--team); } .scope-cross-project { color:var(--muted); } .scope-project-specific { color:var(--warn); }
.ok { color:var(--ok); } .bad { color:var(--bad); } .warn { color:var(--warn); } .muted { color:var(--muted); }
figure { margin:1rem 0; overflow-x:auto; }
figure svg { max-width:100%; height:auto; background:#fff; }
figure.wide svg { max-width:none; }
.legend { display:flex; flex-wrap:wrap; gap:.3rem .8rem; padding:0; list-style:none; font-size:.9rem; }
.swatch { display:inline-block; min-width:1.4em; text-align:center; border-radius:3px; margin-right:.3rem; font-weight:700; }
figcaption { color:var(--muted); font-size:.9rem; }
.cards { display:grid; grid-template-columns:repeat(auto-fit, minmax(220px, 1fr)); gap:.75rem; }
.card { background:var(--panel); border-radius:6px; padding:.6rem .8rem; }
.card h3 { margin:0 0 .25rem; font-size:1rem; }
.card p { margin:0; }
pre.paste { white-space:pre-wrap; overflow-wrap:anywhere; background:var(--panel); padding:.75rem; border-radius:6px; }
ul.plain { padding-left:1.2rem; }
footer { color:var(--muted); font-size:.85rem; padding:1rem; max-width:1100px; margin:0 auto; }
@media (max-width:700px) { main { padding:.75rem; } th, td { padding:.3rem; } h1 { font-size:1.35rem; } }
`;
