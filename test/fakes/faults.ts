import { createHash } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A deterministic fault and latency layer for the local wire-protocol fakes. It sits in front of a
 * fake (as a reverse proxy, so the fakes stay unchanged) and, per request, either forwards it or
 * answers the way the real service answers when it throttles or fails:
 *
 * - AWS query protocol (IAM, STS): HTTP 400 `<ErrorResponse><Error><Code>Throttling</Code>...`
 * - AWS JSON 1.1 (Config, Organizations): HTTP 400 `{"__type":"ThrottlingException"}`
 * - GitHub: 403 or 429 "You have exceeded a secondary rate limit" with `retry-after`
 * - Google: 429 `rateLimitExceeded` or 403 `userRateLimitExceeded` (Google's error envelope)
 * - all: 5xx (AWS 500 InternalFailure / 503 ServiceUnavailable, GitHub 502/503, Google 500 backendError / 503)
 *
 * Decisions do not depend on arrival order: each request is identified by what it asks (method,
 * URL, body, AWS target and credential scope), and the n-th time an identical request is seen, the
 * answer is a pure function of (seed, identity, n). Concurrency changes timing, never which answers
 * are faults.
 */

export type Dialect = 'aws' | 'github' | 'google';

export interface FaultPlan {
  dialect: Dialect;
  seed?: number;
  /** Share of requests answered with the service's throttling error (0..1). */
  throttle?: number;
  /** Share of requests answered with a 5xx (0..1). */
  serverError?: number;
  /**
   * At most this many faults in a row for one request: transient faults end, and every provider's
   * retry budget is larger than this. Default 2.
   */
  maxConsecutive?: number;
  /** Seconds sent in `retry-after` (GitHub, Google). Default 1; providers scale it in tests. */
  retryAfter?: number;
  /** Fixed delay before every answer, fault or not (ms). */
  latencyMs?: number;
  /** Names a request's service for the per-service counters (default: the dialect). */
  classify?: (request: RequestFacts) => string;
}

export interface RequestFacts {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface ServiceCounts {
  requests: number;
  throttled: number;
  serverErrors: number;
  forwarded: number;
}

export interface FaultStats {
  total: ServiceCounts;
  byService: Map<string, ServiceCounts>;
  /** Highest number of requests in flight at once. */
  peakInFlight: number;
}

export interface FaultProxy {
  url: string;
  stats: FaultStats;
  close(): Promise<void>;
}

type Fault = 'throttle' | 'server';

/** A uniform number in [0, 1) from a string, stable across runs and platforms. */
function uniform(text: string): number {
  const digest = createHash('sha256').update(text).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** What a request asks, without signatures, dates, invocation ids or anything else that varies per try. */
export function identityOf(request: RequestFacts): string {
  const auth = String(request.headers.authorization ?? '');
  const awsScope = /Credential=([^/]+\/)\d+(\/[^/]+\/[^/]+\/)/.exec(auth);
  return [
    request.method,
    request.url,
    String(request.headers['x-amz-target'] ?? ''),
    awsScope ? awsScope[1]! + awsScope[2]! : '',
    request.body,
  ].join('\n');
}

/** Name of the AWS service from the SigV4 credential scope, e.g. `iam`, `config`, `sts`. */
export function awsService(request: RequestFacts): string {
  const scope = /Credential=[^/]+\/\d+\/[^/]+\/([^/]+)\//.exec(String(request.headers.authorization ?? ''));
  return scope?.[1] ?? 'aws';
}

/** Decides the answer to each try of each request: a pure function of the seed and what was asked. */
export function faultDecider(plan: FaultPlan): (request: RequestFacts) => Fault | undefined {
  const seen = new Map<string, { tries: number; streak: number }>();
  const maxConsecutive = plan.maxConsecutive ?? 2;
  const throttle = plan.throttle ?? 0;
  const server = plan.serverError ?? 0;
  return (request) => {
    const identity = identityOf(request);
    const state = seen.get(identity) ?? { tries: 0, streak: 0 };
    seen.set(identity, state);
    const draw = uniform(`${plan.seed ?? 0}\n${state.tries}\n${identity}`);
    state.tries += 1;
    let fault: Fault | undefined;
    if (state.streak < maxConsecutive) {
      if (draw < throttle) fault = 'throttle';
      else if (draw < throttle + server) fault = 'server';
    }
    state.streak = fault ? state.streak + 1 : 0;
    return fault;
  };
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The service's own throttling or server error answer for a request, chosen by the draw. */
export function faultAnswer(plan: FaultPlan, request: RequestFacts, fault: Fault): Answer {
  const variant = uniform(`variant\n${plan.seed ?? 0}\n${identityOf(request)}\n${fault}`) < 0.5 ? 0 : 1;
  const retryAfter = String(plan.retryAfter ?? 1);
  switch (plan.dialect) {
    case 'aws': {
      const json = request.headers['x-amz-target'] !== undefined;
      const code =
        fault === 'throttle'
          ? json
            ? 'ThrottlingException'
            : 'Throttling'
          : variant === 0
            ? 'InternalFailure'
            : 'ServiceUnavailable';
      const status = fault === 'throttle' ? 400 : variant === 0 ? 500 : 503;
      const message = fault === 'throttle' ? 'Rate exceeded' : 'We encountered an internal error.';
      const requestId = `fault-${uniform(identityOf(request)).toString(16).slice(2, 10)}`;
      if (json) {
        return {
          status,
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
          body: JSON.stringify({ __type: code, message }),
        };
      }
      const ns =
        awsService(request) === 'sts'
          ? 'https://sts.amazonaws.com/doc/2011-06-15/'
          : 'https://iam.amazonaws.com/doc/2010-05-08/';
      return {
        status,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body: `<ErrorResponse xmlns="${ns}"><Error><Type>${fault === 'throttle' ? 'Sender' : 'Receiver'}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    }
    case 'github': {
      const headers = { 'content-type': 'application/json; charset=utf-8' };
      if (fault === 'server') {
        return {
          status: variant === 0 ? 502 : 503,
          headers,
          body: JSON.stringify({ message: variant === 0 ? 'Server Error' : 'Service Unavailable' }),
        };
      }
      const status = variant === 0 ? 403 : 429;
      return {
        status,
        headers: { ...headers, 'retry-after': retryAfter },
        body: JSON.stringify({
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAULT.',
          documentation_url:
            'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: String(status),
        }),
      };
    }
    case 'google': {
      const [status, reason, message, rpc] =
        fault === 'throttle'
          ? variant === 0
            ? ([429, 'rateLimitExceeded', 'Rate Limit Exceeded', 'RESOURCE_EXHAUSTED'] as const)
            : ([
                403,
                'userRateLimitExceeded',
                "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'",
                'PERMISSION_DENIED',
              ] as const)
          : variant === 0
            ? ([500, 'backendError', 'Backend Error', 'INTERNAL'] as const)
            : ([503, 'backendError', 'The service is currently unavailable.', 'UNAVAILABLE'] as const);
      return {
        status,
        headers: {
          'content-type': 'application/json; charset=UTF-8',
          ...(fault === 'throttle' ? { 'retry-after': retryAfter } : {}),
        },
        body: JSON.stringify({
          error: {
            code: status,
            message,
            errors: [{ message, domain: fault === 'throttle' ? 'usageLimits' : 'global', reason }],
            status: rpc,
          },
        }),
      };
    }
  }
}

function emptyCounts(): ServiceCounts {
  return { requests: 0, throttled: 0, serverErrors: 0, forwarded: 0 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A request listener that applies the plan, then hands the request (with its body already read) to
 * `forward`. Used by startFaultProxy; usable in front of any handler that accepts a buffered body.
 */
export function withFaults(
  plan: FaultPlan,
  forward: (request: RequestFacts, res: ServerResponse) => void,
  stats: FaultStats = { total: emptyCounts(), byService: new Map(), peakInFlight: 0 },
): RequestListener & { stats: FaultStats } {
  const decide = faultDecider(plan);
  let inFlight = 0;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      inFlight += 1;
      stats.peakInFlight = Math.max(stats.peakInFlight, inFlight);
      res.on('close', () => (inFlight -= 1));
      const facts: RequestFacts = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const service = plan.classify?.(facts) ?? plan.dialect;
      let counts = stats.byService.get(service);
      if (!counts) stats.byService.set(service, (counts = emptyCounts()));
      const fault = decide(facts);
      for (const c of [stats.total, counts]) {
        c.requests += 1;
        if (fault === 'throttle') c.throttled += 1;
        else if (fault === 'server') c.serverErrors += 1;
        else c.forwarded += 1;
      }
      const answer = () => {
        if (res.destroyed) return;
        if (!fault) return forward(facts, res);
        const { status, headers, body } = faultAnswer(plan, facts, fault);
        res.writeHead(status, headers);
        res.end(body);
      };
      if (plan.latencyMs) void sleep(plan.latencyMs).then(answer);
      else answer();
    });
  };
  return Object.assign(listener, { stats });
}

/** Starts a proxy on 127.0.0.1 (random port) in front of `upstream` (e.g. a fake's URL). */
export async function startFaultProxy(upstream: string, plan: FaultPlan): Promise<FaultProxy> {
  const target = new URL(upstream);
  const forward = (request: RequestFacts, res: ServerResponse) => {
    // The Host header stays the proxy's: fakes build pagination links from it, and those must come back here.
    const headers = { ...request.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    const body = Buffer.from(request.body, 'utf8');
    const upstreamRequest = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: { ...headers, 'content-length': String(body.length) },
      },
      (upstreamResponse) => {
        res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(res);
      },
    );
    upstreamRequest.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('fault proxy: upstream unreachable');
    });
    upstreamRequest.end(body);
  };
  const listener = withFaults(plan, forward);
  const server = createServer(listener);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats: listener.stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
