import { Agent, request as httpRequest } from 'node:http';

export interface FuzzRequest {
  method: string;
  /** Path and query exactly as sent, malformed percent-encoding included. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export type Outcome =
  | { kind: 'answered'; status: number; headers: Record<string, string | string[] | undefined>; body: string }
  /** The request could not even be written (e.g. a header value Node refuses to send): not the API's doing. */
  | { kind: 'unsendable'; error: string }
  /** The connection ended without an answer. */
  | { kind: 'closed'; error: string }
  | { kind: 'timeout' };

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

export function send(baseUrl: string, req: FuzzRequest, timeoutMs = 30_000): Promise<Outcome> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: Outcome) => {
      if (!settled) {
        settled = true;
        resolve(outcome);
      }
    };
    let client;
    try {
      client = httpRequest(
        { host: url.hostname, port: url.port, method: req.method, path: req.path, headers: req.headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            done({
              kind: 'answered',
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', (e) => done({ kind: 'closed', error: e.message }));
        },
      );
    } catch (error) {
      done({ kind: 'unsendable', error: (error as Error).message });
      return;
    }
    client.setTimeout(timeoutMs, () => {
      done({ kind: 'timeout' });
      client.destroy();
    });
    client.on('error', (e: NodeJS.ErrnoException) =>
      done(
        e.code?.startsWith('ERR_') ? { kind: 'unsendable', error: e.message } : { kind: 'closed', error: e.message },
      ),
    );
    try {
      client.end(req.body);
    } catch (error) {
      done({ kind: 'unsendable', error: (error as Error).message });
      client.destroy();
    }
  });
}

/** A browser, as far as the API can tell: a cookie jar, and the CSRF cookie echoed in its header. */
export class Session {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly name: string,
    readonly username: string | null,
  ) {}

  remember(headers: Record<string, string | string[] | undefined>): void {
    for (const line of ([] as string[]).concat(headers['set-cookie'] ?? [])) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
      if (expired || pair.slice(eq + 1).trim() === '') this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
  }

  cookieHeader(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }

  csrf(): string | undefined {
    const raw = this.cookies.get('XSRF-TOKEN');
    return raw === undefined ? undefined : decodeURIComponent(raw);
  }

  get signedIn(): boolean {
    return this.cookies.has('pu_session');
  }
}

export async function signIn(baseUrl: string, session: Session, password: string): Promise<void> {
  const health = await send(baseUrl, { method: 'GET', path: '/api/health', headers: {} });
  if (health.kind !== 'answered') throw new Error(`GET /api/health: ${health.kind}`);
  session.remember(health.headers);
  if (!session.username) return;
  const res = await send(baseUrl, {
    method: 'POST',
    path: '/api/auth/login',
    headers: jsonHeaders(session),
    body: JSON.stringify({ username: session.username, password }),
  });
  if (res.kind !== 'answered' || res.status !== 200)
    throw new Error(
      `Sign-in as ${session.username}: ${res.kind === 'answered' ? `${res.status} ${res.body}` : res.kind}`,
    );
  session.remember(res.headers);
}

export function jsonHeaders(session: Session): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const cookie = session.cookieHeader();
  const csrf = session.csrf();
  if (cookie) headers['cookie'] = cookie;
  if (csrf) headers['x-xsrf-token'] = csrf;
  return headers;
}
