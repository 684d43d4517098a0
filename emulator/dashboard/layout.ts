// Every dashboard page's frame: the navigation, the emulator's clock and latency, a little CSS. No script:
// reading works without JavaScript, and the forms are plain POSTs that redirect back.
import { html, Html } from './html';

export type Frame = { nowMs: number; latency: string };

const CSS = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f6f7f9}
header{background:#1f2937;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}
header a{color:#fff}header p{margin:0;font-size:.9rem}
nav ul{list-style:none;margin:0;padding:0;display:flex;gap:1rem}
main{padding:1rem 1.2rem;max-width:80rem}h1{overflow-wrap:anywhere}
table{border-collapse:collapse;background:#fff;margin:.5rem 0 1.2rem;width:100%}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #d1d5db;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef0f3}
code{font-size:.9em}
.ok{color:#166534;font-weight:600}.bad{color:#991b1b;font-weight:600}
form{margin:.3rem 0}fieldset{background:#fff;border:1px solid #d1d5db;margin:0 0 1rem;padding:.6rem 1rem}
label{margin-right:.8rem}input,select,button{font:inherit}input[type=number]{width:7em}
button{background:#1d4ed8;color:#fff;border:0;border-radius:4px;padding:.25rem .8rem;cursor:pointer}
button.danger{background:#b91c1c}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;background:#fff;padding:.6rem 1rem;border:1px solid #d1d5db}
dt{font-weight:600}dd{margin:0}
.pager{display:flex;gap:1.5rem}
`;

export function layout(title: string, frame: Frame, body: Html): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Local Stripe</title><style>${new Html(CSS)}</style></head>
<body><header><strong>Local Stripe</strong>
<nav aria-label="Dashboard"><ul><li><a href="/">Checkout Sessions</a></li><li><a href="/requests">Request log</a></li><li><a href="/controls">Faults, clock, latency, reset</a></li></ul></nav>
<p>Clock: <span data-testid="clock">${new Date(frame.nowMs).toISOString()}</span> · Latency: <span data-testid="latency">${frame.latency}</span></p></header>
<main><h1>${title}</h1>${body}</main></body></html>`.value;
}
