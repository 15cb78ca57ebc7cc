import type { INestApplication } from '@nestjs/common';
import { CSRF_COOKIE, CSRF_HEADER } from '@pu/contracts';
import request, { type Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';

/**
 * A browser-like client: keeps cookies, echoes the CSRF cookie in its header like Angular does,
 * and signs in through the real endpoint.
 */
export class ApiClient {
  private readonly agent: TestAgent;
  private csrf: string | null = null;

  constructor(readonly app: INestApplication) {
    this.agent = request.agent(app.getHttpServer());
  }

  private async csrfToken(): Promise<string> {
    if (this.csrf) return this.csrf;
    this.remember(await this.agent.get('/api/health'));
    if (!this.csrf) throw new Error('No CSRF cookie issued');
    return this.csrf;
  }

  /** The server replaces the token at sign-in and sign-out (and gives the right one with a refusal), as a browser sees. */
  private remember(res: Response): Response {
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith(`${CSRF_COOKIE}=`));
    if (cookie) this.csrf = cookie.split(';')[0].slice(CSRF_COOKIE.length + 1);
    return res;
  }

  async login(username: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.post('/api/auth/login', { username, password }, headers);
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.remember(await this.agent.get(path).set(headers));
  }

  async post(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    // The token first: the agent attaches its cookies when a request is created.
    const token = await this.csrfToken();
    const req = this.agent.post(path).set(CSRF_HEADER, token).set(headers);
    return this.remember(await (body === undefined ? req : req.send(body as object)));
  }

  async patch(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const token = await this.csrfToken();
    return this.remember(
      await this.agent
        .patch(path)
        .set(CSRF_HEADER, token)
        .set(headers)
        .send(body as object),
    );
  }

  async delete(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const token = await this.csrfToken();
    return this.remember(await this.agent.delete(path).set(CSRF_HEADER, token).set(headers));
  }

  async csrfHeader(): Promise<Record<string, string>> {
    return { [CSRF_HEADER]: await this.csrfToken() };
  }

  /** The token this client sends now, for tests that replay it elsewhere. */
  currentCsrfToken(): Promise<string> {
    return this.csrfToken();
  }

  /** A raw request with this client's cookies but no CSRF header, for negative tests. */
  raw(): TestAgent {
    return this.agent;
  }
}

export async function signedIn(app: INestApplication, username: string, password: string): Promise<ApiClient> {
  const client = new ApiClient(app);
  const res = await client.login(username, password);
  if (res.status !== 200) throw new Error(`Sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}
