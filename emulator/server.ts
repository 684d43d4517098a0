// createLocalStripe: the local Stripe as a pure-ish `handle(request)` that tests call in-process,
// and a thin `listen` that puts it on a port.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkoutExpansions } from './checkout/expansions';
import { sweepExpired } from './checkout/expiry';
import { Clock } from './core/clock';
import type { World } from './core/context';
import { MSG, StripeApiError } from './core/errors';
import { parseForm } from './core/form-encoding';
import { newRequestId } from './core/ids';
import { createExpander } from './core/respond';
import { Store } from './core/store';
import { parseApiVersion } from './core/version';
import { Faults } from './http/faults';
import { RequestLog } from './http/request-log';
import { handleControl } from './controls/routes';
import { handleDashboard, LOOPBACK_HOSTS } from './dashboard/routes';
import { handleApi } from './http/api';
import { AssetCache } from './http/assets';
import { IdempotencyStore } from './http/idempotency';
import { Latency } from './http/latency';
import { CORS_HEADERS, errorResponse, type HttpRequest, type HttpResponse, type Outcome } from './http/responses';
import { Router } from './http/router';
import { allRoutes } from './routes';
import { DeliveryLog } from './webhooks/deliveries';
import { DEFAULT_RETRY_DELAYS_MS, WebhookDeliverer } from './webhooks/deliver';
import { Events } from './webhooks/events';
import { newWebhookSecret } from './webhooks/sign';

export type LocalStripeOptions = {
  webhookSecret?: string;
  /** The host clock in milliseconds (default Date.now); the controls add an offset to it. */
  now?: () => number;
  /** Delays between webhook delivery attempts (default 1, 2, 4, 8, 16 s). */
  webhookRetryDelaysMs?: number[];
  /**
   * How many /v1 requests the request log keeps (the oldest are dropped). Default: the environment's
   * STRIPE_EMULATOR_REQUEST_LOG_SIZE, else 1000; read here so every way of starting the emulator honours it.
   */
  requestLogSize?: number;
  /**
   * Delay added to every /v1 answer: milliseconds, or a range `"150-400"` drawn from a PRNG seeded with
   * `latencySeed`, so a run repeats (http/latency.ts). Default none; POST /_emulator/latency changes it.
   * The CLIs read STRIPE_EMULATOR_LATENCY_MS / _SEED (latencyFromEnv); createLocalStripe reads no env for
   * it, so a test or a bench gets the latency it asks for whatever the shell has set.
   */
  latencyMs?: number | string;
  latencySeed?: number;
  /**
   * How many idempotency keys are kept (the least recently used go first). Default: the environment's
   * STRIPE_EMULATOR_IDEMPOTENCY_KEYS, else 10,000.
   */
  idempotencyKeys?: number;
};

export type LocalStripe = {
  handle(req: HttpRequest): Promise<HttpResponse>;
  listen(port?: number, host?: string): Promise<{ url: string; close(): Promise<void> }>;
  webhookSecret: string;
};

function numberFromEnv(
  name: 'STRIPE_EMULATOR_REQUEST_LOG_SIZE' | 'STRIPE_EMULATOR_IDEMPOTENCY_KEYS',
): number | undefined {
  const raw = process.env[name];
  return raw ? Number(raw) : undefined;
}

export function createLocalStripe(options: LocalStripeOptions = {}): LocalStripe {
  const webhookSecret = options.webhookSecret ?? newWebhookSecret();
  const store = new Store();
  const clock = new Clock(options.now);
  const deliveries = new DeliveryLog();
  const deliverer = new WebhookDeliverer(
    store,
    webhookSecret,
    options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    deliveries,
    () => clock.nowMs(),
  );
  const latency = new Latency(options.latencyMs, options.latencySeed);
  const world: World = {
    store,
    clock,
    events: new Events(store, clock, deliverer),
    expander: createExpander(checkoutExpansions),
  };
  const deps = {
    world,
    router: new Router(allRoutes(webhookSecret)),
    idempotency: new IdempotencyStore(
      clock,
      options.idempotencyKeys ?? numberFromEnv('STRIPE_EMULATOR_IDEMPOTENCY_KEYS'),
    ),
    faults: new Faults(),
    log: new RequestLog(options.requestLogSize ?? numberFromEnv('STRIPE_EMULATOR_REQUEST_LOG_SIZE')),
  };
  const assets = new AssetCache();
  const controls = {
    faults: deps.faults,
    log: deps.log,
    latency,
    deliveries,
    reset() {
      deliverer.stop();
      deliveries.clear();
      store.reset();
      clock.reset();
      deps.idempotency.reset();
      deps.faults.clear();
      deps.log.clear();
    },
    advanceClock(seconds: number) {
      clock.advance(seconds);
      sweepExpired(world);
      return clock.now();
    },
    async redeliver(eventId: string, endpointId?: string) {
      return store.get('event', eventId) ? deliverer.redeliver(eventId, endpointId) : null;
    },
  };

  // The dashboard reads through the API's own GET handlers, in-process: no latency, faults or log entry.
  const dashboard = {
    controls,
    nowMs: () => clock.nowMs(),
    readApi(pathAndQuery: string): unknown {
      const url = new URL(pathAndQuery, 'http://localhost');
      const match = deps.router.match('GET', url.pathname);
      if (!match) throw new StripeApiError(404, 'invalid_request_error', MSG.unrecognizedUrl('GET', url.pathname));
      const ctx = {
        ...world,
        requestId: newRequestId(),
        idempotencyKey: null,
        version: parseApiVersion(undefined),
        auth: 'secret' as const,
      };
      return match.route.run(ctx, parseForm(url.search.slice(1)), match.path);
    },
  };
  /** Where the dashboard answers: loopback names, and the host `listen` was given. */
  const dashboardHosts = new Set(LOOPBACK_HOSTS);

  async function route(req: HttpRequest): Promise<Outcome> {
    const requestId = newRequestId();
    const url = new URL(req.path, 'http://localhost');
    const method = req.method.toUpperCase();
    const path = url.pathname;
    const isApi = path.startsWith('/v1/');
    const headers = { 'Request-Id': requestId };
    try {
      if (isApi) {
        // Every /v1 answer waits out the latency setting, before faults and the handler, as the network would.
        await latency.wait();
        if (method === 'OPTIONS') return { status: 204, headers: { ...headers, ...CORS_HEADERS }, body: '' };
        return await handleApi(deps, req, url, requestId);
      }
      if (path.startsWith('/_emulator/')) return handleControl(controls, method, path, req.body, headers);
      const page = await handleDashboard(dashboard, req, url, dashboardHosts);
      if (page) return { ...page, headers: { ...headers, ...page.headers } };
      const asset = await assets.get(path);
      if (asset && (method === 'GET' || method === 'HEAD' || method === 'OPTIONS')) {
        if (method === 'OPTIONS') return { status: 204, headers: { ...headers, ...CORS_HEADERS }, body: '' };
        const assetHeaders = {
          ...headers,
          ...CORS_HEADERS,
          'Content-Type': asset.contentType,
          'Cache-Control': 'public, max-age=60',
        };
        return { status: 200, headers: assetHeaders, body: asset.body };
      }
      return errorResponse(
        new StripeApiError(404, 'invalid_request_error', MSG.unrecognizedUrl(method, path)),
        headers,
      );
    } catch (error) {
      return errorResponse(error, headers);
    }
  }

  async function handle(req: HttpRequest): Promise<HttpResponse> {
    const out = await route(req);
    // In-process there is no socket to destroy: a dropped connection surfaces as a rejected promise.
    if (out.drop) throw Object.assign(new Error('socket hang up (injected drop fault)'), { code: 'ECONNRESET' });
    return { status: out.status, headers: out.headers, body: out.body };
  }

  async function listen(port = 0, host = '127.0.0.1') {
    const server = createServer((req, res) => void serve(req, res));
    async function serve(req: IncomingMessage, res: ServerResponse) {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const out = await route({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (out.drop) return req.socket.destroy();
      res.writeHead(out.status, out.headers);
      res.end(req.method === 'HEAD' ? undefined : out.body);
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    dashboardHosts.add(host.includes(':') ? `[${host}]` : host);
    return {
      url: `http://${host}:${address.port}`,
      close: () =>
        new Promise<void>((resolve) => {
          deliverer.stop();
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }

  return { handle, listen, webhookSecret };
}
