// createLocalStripe: the local Stripe as a pure-ish `handle(request)` that tests call in-process,
// and a thin `listen` that puts it on a port.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkoutExpansions } from './checkout/expansions';
import { sweepExpired } from './checkout/expiry';
import { Clock } from './core/clock';
import type { World } from './core/context';
import { MSG, StripeApiError } from './core/errors';
import { newRequestId } from './core/ids';
import { createExpander } from './core/respond';
import { Store } from './core/store';
import { Faults } from './http/faults';
import { RequestLog } from './http/request-log';
import { handleControl } from './controls/routes';
import { handleApi } from './http/api';
import { AssetCache } from './http/assets';
import { IdempotencyStore } from './http/idempotency';
import { CORS_HEADERS, errorResponse, type HttpRequest, type HttpResponse, type Outcome } from './http/responses';
import { Router } from './http/router';
import { allRoutes } from './routes';
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

function numberFromEnv(name: 'STRIPE_EMULATOR_REQUEST_LOG_SIZE' | 'STRIPE_EMULATOR_IDEMPOTENCY_KEYS'): number | undefined {
  const raw = process.env[name];
  return raw ? Number(raw) : undefined;
}

export function createLocalStripe(options: LocalStripeOptions = {}): LocalStripe {
  const webhookSecret = options.webhookSecret ?? newWebhookSecret();
  const store = new Store();
  const clock = new Clock(options.now);
  const deliverer = new WebhookDeliverer(store, webhookSecret, options.webhookRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
  const world: World = { store, clock, events: new Events(store, clock, deliverer), expander: createExpander(checkoutExpansions) };
  const deps = { world, router: new Router(allRoutes(webhookSecret)), idempotency: new IdempotencyStore(clock, options.idempotencyKeys ?? numberFromEnv('STRIPE_EMULATOR_IDEMPOTENCY_KEYS')), faults: new Faults(), log: new RequestLog(options.requestLogSize ?? numberFromEnv('STRIPE_EMULATOR_REQUEST_LOG_SIZE')) };
  const assets = new AssetCache();
  const controls = {
    faults: deps.faults,
    log: deps.log,
    reset() {
      deliverer.stop();
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
  };

  async function route(req: HttpRequest): Promise<Outcome> {
    const requestId = newRequestId();
    const url = new URL(req.path, 'http://localhost');
    const method = req.method.toUpperCase();
    const path = url.pathname;
    const isApi = path.startsWith('/v1/');
    const headers = { 'Request-Id': requestId };
    try {
      if (isApi) {
        if (method === 'OPTIONS') return { status: 204, headers: { ...headers, ...CORS_HEADERS }, body: '' };
        return await handleApi(deps, req, url, requestId);
      }
      if (path.startsWith('/_emulator/')) return handleControl(controls, method, path, req.body, headers);
      const asset = await assets.get(path);
      if (asset && (method === 'GET' || method === 'HEAD' || method === 'OPTIONS')) {
        if (method === 'OPTIONS') return { status: 204, headers: { ...headers, ...CORS_HEADERS }, body: '' };
        const assetHeaders = { ...headers, ...CORS_HEADERS, 'Content-Type': asset.contentType, 'Cache-Control': 'public, max-age=60' };
        return { status: 200, headers: assetHeaders, body: asset.body };
      }
      return errorResponse(new StripeApiError(404, 'invalid_request_error', MSG.unrecognizedUrl(method, path)), headers);
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
      const out = await route({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (out.drop) return req.socket.destroy();
      res.writeHead(out.status, out.headers);
      res.end(req.method === 'HEAD' ? undefined : out.body);
    }
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
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
