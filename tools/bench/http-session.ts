/** A signed-in browser, as far as the API can tell: the session cookie plus the CSRF token bound to it. */
export interface HttpSession {
  cookie: string;
  xsrf: string;
  headers: Record<string, string>;
  me: { id: string; username: string; role: string; department: { id: string; symbol: string; name: string } };
}

function cookieValue(res: Response, name: string): string | null {
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq).trim() === name) return decodeURIComponent(pair.slice(eq + 1).trim());
  }
  return null;
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<HttpSession> {
  // Any GET answers with the XSRF-TOKEN cookie; every POST must echo it in X-XSRF-TOKEN.
  const health = await fetch(`${baseUrl}/api/health`);
  const xsrf = cookieValue(health, 'XSRF-TOKEN');
  if (!xsrf) throw new Error('GET /api/health set no XSRF-TOKEN cookie');
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `XSRF-TOKEN=${encodeURIComponent(xsrf)}`,
      'x-xsrf-token': xsrf,
    },
    body: JSON.stringify({ username, password }),
  });
  const body = (await login.json()) as HttpSession['me'];
  if (!login.ok) throw new Error(`Sign-in as ${username} failed: HTTP ${login.status} ${JSON.stringify(body)}`);
  const session = cookieValue(login, 'pu_session');
  if (!session) throw new Error('Sign-in set no pu_session cookie (is SECURE_COOKIES off?)');
  // Sign-in replaces the token with one bound to the new session; the one from before is refused after it.
  const bound = cookieValue(login, 'XSRF-TOKEN');
  if (!bound) throw new Error('Sign-in set no new XSRF-TOKEN cookie');
  const cookie = `XSRF-TOKEN=${encodeURIComponent(bound)}; pu_session=${encodeURIComponent(session)}`;
  return { cookie, xsrf: bound, me: body, headers: { cookie, 'x-xsrf-token': bound, accept: 'application/json' } };
}

export async function getJson<T>(url: string, session: HttpSession): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { headers: session.headers });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the error message
  }
  return { status: res.status, body: body as T };
}
