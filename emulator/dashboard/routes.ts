// The dashboard at the local Stripe's root: GET pages, and POST forms that call the /_emulator controls and
// redirect back (303). It answers only at a loopback host or the one it listens on (a page elsewhere cannot
// reach it by rebinding a name to 127.0.0.1), and its forms refuse cross-site requests as the storefront's
// lib/http.ts does: an `Origin` other than its own, or a `Sec-Fetch-Site` other than same-origin / none, is a 403.
//   GET  /[?starting_after=cs_…]        Checkout Sessions, a page at a time   GET /checkout/sessions/:id   one session
//   GET  /requests[?older_than=req_…]   the request log, a page at a time     GET /controls   faults, clock, latency, reset
//   POST /controls/faults {method, path, count, kind, delayMs?}   POST /controls/faults/clear
//   POST /controls/clock {seconds}  POST /controls/latency {ms}   POST /controls/reset
//   POST /events/:id/redeliver {session}: sends the event again, back to the session's page
import { StripeApiError } from '../core/errors';
import { handleControl } from '../controls/routes';
import { header, type HttpRequest, type HttpResponse } from '../http/responses';
import { controlsPage } from './controls-page';
import type { DashboardDeps } from './deps';
import { html, type Html } from './html';
import { layout } from './layout';
import { requestsPage } from './requests-page';
import { sessionPage } from './session-page';
import { sessionsPage } from './sessions-page';

export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

const HTML_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

const SESSION_PAGE = /^\/checkout\/sessions\/([^/]+)$/;
const REDELIVER = /^\/events\/([^/]+)\/redeliver$/;

function page(deps: DashboardDeps, status: number, title: string, body: Html): HttpResponse {
  const frame = { nowMs: deps.nowMs(), latency: deps.controls.latency.toJSON().description };
  return { status, headers: HTML_HEADERS, body: layout(title, frame, body) };
}

const problem = (deps: DashboardDeps, status: number, message: string, back = '/') =>
  page(
    deps,
    status,
    status === 404 ? 'Not found' : 'Refused',
    html`<p role="alert">${message}</p><p><a href="${back}">Back</a></p>`,
  );

/** The dashboard's answer, or null when the path is none of its pages (the server then answers 404 JSON). */
export async function handleDashboard(
  deps: DashboardDeps,
  req: HttpRequest,
  url: URL,
  hosts: ReadonlySet<string>,
): Promise<HttpResponse | null> {
  const method = req.method.toUpperCase();
  const path = url.pathname;
  const isPage = path === '/' || path === '/requests' || path === '/controls' || SESSION_PAGE.test(path);
  const isForm = path.startsWith('/controls/') || REDELIVER.test(path);
  if (!isPage && !isForm) return null;
  const host = header(req, 'host') ?? '';
  if (!hosts.has(hostnameOf(host)))
    return problem(deps, 403, 'The dashboard answers only at its own address (127.0.0.1 or localhost).');
  try {
    if (isPage && (method === 'GET' || method === 'HEAD')) return view(deps, path, url.searchParams);
    if (isForm && method === 'POST') {
      const refused = crossSite(req, `http://${host}`);
      if (refused) return problem(deps, 403, refused);
      return await submit(deps, path, req);
    }
    return problem(deps, 405, `${method} is not accepted here.`);
  } catch (error) {
    if (error instanceof StripeApiError && error.status === 404) return problem(deps, 404, error.message);
    throw error;
  }
}

function hostnameOf(host: string): string {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return '';
  }
}

function view(deps: DashboardDeps, path: string, query: URLSearchParams): HttpResponse {
  if (path === '/') return page(deps, 200, 'Checkout Sessions', sessionsPage(deps, query));
  if (path === '/requests') return page(deps, 200, 'Request log', requestsPage(deps, query));
  if (path === '/controls') return page(deps, 200, 'Faults, clock, latency, reset', controlsPage(deps));
  const id = decodeURIComponent(SESSION_PAGE.exec(path)?.[1] ?? '');
  return page(deps, 200, `Checkout Session ${id}`, sessionPage(deps, id));
}

/** Why a form post is refused as cross-site, or null. */
export function crossSite(req: HttpRequest, ownOrigin: string): string | null {
  const origin = header(req, 'origin');
  const site = header(req, 'sec-fetch-site');
  if (origin !== undefined && origin !== ownOrigin)
    return `This form must be sent from the dashboard's own pages (Origin ${origin}).`;
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `This form must be sent from the dashboard's own pages (Sec-Fetch-Site ${site}).`;
  return null;
}

/** A number where the control expects one; anything else goes through as text for the control to refuse. */
const numeric = (value: string | null) =>
  value !== null && /^\d+(\.\d+)?$/.test(value) ? Number(value) : (value ?? undefined);

type ControlCall = { method: 'POST' | 'DELETE'; path: string; body: Record<string, unknown> };

/** The /_emulator control a dashboard form stands for, with the form's fields as its JSON body. */
function controlFor(path: string, form: URLSearchParams): ControlCall | null {
  const redeliver = REDELIVER.exec(path);
  if (redeliver) return { method: 'POST', path: `/_emulator/events/${redeliver[1] ?? ''}/redeliver`, body: {} };
  switch (path) {
    case '/controls/faults': {
      const delayMs = form.get('delayMs');
      const fault = {
        method: form.get('method'),
        path: form.get('path'),
        count: numeric(form.get('count')),
        kind: form.get('kind'),
      };
      return {
        method: 'POST',
        path: '/_emulator/faults',
        body: delayMs ? { ...fault, delayMs: numeric(delayMs) } : fault,
      };
    }
    case '/controls/faults/clear':
      return { method: 'DELETE', path: '/_emulator/faults', body: {} };
    case '/controls/clock':
      return { method: 'POST', path: '/_emulator/clock/advance', body: { seconds: numeric(form.get('seconds')) } };
    case '/controls/latency':
      return { method: 'POST', path: '/_emulator/latency', body: { ms: form.get('ms') ?? '' } };
    case '/controls/reset':
      return { method: 'POST', path: '/_emulator/reset', body: {} };
    default:
      return null;
  }
}

/** Where a form goes back to: the session's events after a redelivery, the sessions after a reset, else the controls. */
function backFrom(path: string, form: URLSearchParams): string {
  if (REDELIVER.test(path)) {
    const session = form.get('session') ?? '';
    return /^cs_\w+$/.test(session) ? `/checkout/sessions/${session}#events` : '/';
  }
  return path === '/controls/reset' ? '/' : '/controls';
}

async function submit(deps: DashboardDeps, path: string, req: HttpRequest): Promise<HttpResponse> {
  const mediaType = header(req, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded')
    return problem(deps, 415, 'The dashboard takes its own forms only.');
  const form = new URLSearchParams(req.body);
  const call = controlFor(path, form);
  const back = backFrom(path, form);
  if (!call) return problem(deps, 404, `No form at ${path}.`);
  const answer = await handleControl(deps.controls, call.method, call.path, JSON.stringify(call.body), {});
  if (answer.status !== 200) {
    const message =
      (JSON.parse(answer.body) as { error?: { message?: string } }).error?.message ?? 'The local Stripe refused that.';
    return problem(deps, answer.status, message, back);
  }
  return { status: 303, headers: { ...HTML_HEADERS, Location: back }, body: '' };
}
