import { BAD_UUIDS, hostileHeader, hostileValue, ODD_DATES, RAW_PATH_SEGMENTS, rawBody } from './hostile';
import type { FuzzRequest } from './http';
import type { Operation, Schema } from './openapi';
import type { Random } from './random';
import type { World } from './world';

const enc = (v: string) =>
  encodeURIComponent(v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

const TEXT = ['Jan Kowalski', 'Skarga na czas oczekiwania', 'Oddzwonię jutro', 'Opis sprawy', 'ul. Długa 5'];

/**
 * How hostile one request is: a clean request (valid-looking everywhere) gets past validation and grows the
 * data the others work on; a hostile one replaces values with junk at this rate.
 */
export interface Gen {
  rng: Random;
  world: World;
  junk: number;
}

function instant({ rng, junk }: Gen): string {
  if (rng.chance(junk)) return rng.pick(ODD_DATES);
  return rng.weighted<string>([
    [6, () => new Date(Date.now() - rng.int(60_000, 30 * 86_400_000)).toISOString()],
    [2, () => new Date(Date.now() + rng.int(60_000, 40 * 86_400_000)).toISOString()],
    [1, () => new Date(Date.now() - rng.int(60_000, 86_400_000)).toISOString().replace('Z', '+00:00')],
  ]);
}

const localDay = ({ rng, junk }: Gen) =>
  rng.chance(junk)
    ? rng.pick(ODD_DATES)
    : new Date(Date.now() + rng.int(-5, 60) * 86_400_000).toISOString().slice(0, 10);

/** A value for a named field: ids from what the API handed out, dates near now, text within its limit. */
function plausible(g: Gen, name: string, schema: Schema, depth: number): unknown {
  const { rng, world } = g;
  if (schema.enum?.length) return rng.pick(schema.enum);
  if (/Id$/.test(name)) return world.idFor(rng, name);
  if (schema.format === 'date-time' || /At$/.test(name) || name === 'dueBefore') return instant(g);
  if (schema.format === 'date' || /Due$|Deadline$/.test(name)) return localDay(g);
  switch (schema.type) {
    case 'boolean':
      return rng.chance(0.5);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -5;
      const max = schema.maximum ?? 1000;
      return rng.chance(g.junk) ? rng.pick([min - 1, max + 1, 0.5]) : rng.int(min, max);
    }
    case 'array':
      return Array.from({ length: rng.int(0, 3) }, () => value(g, name, schema.items ?? {}, depth + 1));
    case 'object':
      if (schema.properties) return objectOf(g, schema, depth + 1);
      break;
  }
  if (schema.maxLength !== undefined && rng.chance(g.junk / 2)) return 'x'.repeat(schema.maxLength + rng.int(0, 1));
  if (/password/i.test(name)) return rng.pick(['Demo-haslo-2026', 'krótkie', 'Nowe-haslo-2026!', 'x'.repeat(1025)]);
  // Never the fuzzer's own users: failures would lock their accounts, and with them the sessions it works with.
  if (name === 'username') return rng.pick(['urzednik.gk', 'nikt', `u${rng.int(0, 1e6)}`, 'A B', 'ADMIN']);
  if (name === 'symbol') return rng.pick(['XY', 'SO', `Z${rng.int(0, 99)}`, 'lower', '']);
  if (name === 'email') return rng.pick(['jan@urzad.pl', 'nie-email', '']);
  return `${rng.pick(TEXT)} ${rng.int(1, 9999)}`;
}

function value(g: Gen, name: string, schema: Schema, depth = 0): unknown {
  if (depth > 4) return hostileValue(g.rng, 3);
  return g.rng.chance(g.junk) ? hostileValue(g.rng) : plausible(g, name, schema, depth);
}

function objectOf(g: Gen, schema: Schema, depth = 0): Record<string, unknown> {
  const { rng } = g;
  const out: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if (rng.chance(required.has(name) ? 1 - g.junk / 2 : 0.45)) out[name] = value(g, name, prop, depth);
  }
  if (rng.chance(g.junk / 3))
    out[rng.pick(['id', 'version', 'role', 'status', 'createdAt', 'x', ''])] = hostileValue(rng);
  return out;
}

/** Step data shaped by the step's own field definitions (from GET /api/workflows), junk mixed in. */
function stepBody(g: Gen, stepId: string): Record<string, unknown> {
  const { rng, world } = g;
  const fields = world.stepFields(stepId);
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!rng.chance(f.required ? 1 - g.junk / 2 : 0.5)) continue;
    if (rng.chance(g.junk)) {
      out[f.id] = hostileValue(rng);
      continue;
    }
    const option = () => (f.options?.length ? rng.pick(f.options).value : 'x');
    out[f.id] = {
      text: () => `${rng.pick(TEXT)} ${rng.int(1, 99)}`,
      longtext: () => (rng.chance(g.junk / 2) ? 'ą'.repeat((f.maxLength ?? 4000) + 1) : rng.pick(TEXT)),
      boolean: () => rng.chance(0.9),
      choice: option,
      date: () => localDay(g),
      datetime: () => instant(g),
      events: () =>
        Array.from({ length: rng.int(0, 4) }, () => ({ kind: option(), at: instant(g), note: rng.pick(TEXT) })),
    }[f.type as 'text']();
  }
  return out;
}

function pathValue(g: Gen, op: Operation, param: string): string {
  const { rng, world } = g;
  if (!rng.chance(g.junk)) return enc(world.pathParam(rng, op, param));
  return rng.weighted<string>([
    [4, () => enc(world.pathParam(rng, op, param))],
    [1, () => rng.uuid()],
    [1, () => enc(rng.pick(BAD_UUIDS))],
    [1, () => rng.pick(RAW_PATH_SEGMENTS)],
    [1, () => enc(String(hostileValue(rng)))],
  ]);
}

function queryString(g: Gen, op: Operation): string {
  const { rng, world } = g;
  const parts: string[] = [];
  for (const { name, schema } of op.query) {
    if (rng.chance(0.55)) continue;
    const raw = rng.weighted<string>([
      [8 / Math.max(g.junk, 0.01), () => enc(String(plausible(g, name, schema, 0)))],
      [1, () => enc(String(hostileValue(rng)))],
      [1, () => rng.pick(RAW_PATH_SEGMENTS)],
      [1, () => (name === 'cursor' ? enc(world.forgedCursor(rng)) : enc(rng.pick(ODD_DATES)))],
    ]);
    parts.push(`${name}=${raw}`);
    if (rng.chance(0.03)) parts.push(`${name}=${raw}`);
  }
  if (rng.chance(0.05))
    parts.push(`${rng.pick(['x', '__proto__', 'limit[]', 'a[b]'])}=${enc(String(hostileValue(rng)))}`);
  if (op.query.some((q) => q.name === 'cursor') && rng.chance(0.2)) parts.push(`cursor=${enc(world.cursor(rng))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function headersFor(g: Gen, op: Operation, who: string, body: string | undefined) {
  const { rng, world } = g;
  const session = world.session(who);
  const headers: Record<string, string> = { accept: 'application/json' };
  const cookie = session.cookieHeader();
  if (cookie && !rng.chance(g.junk / 8)) headers['cookie'] = cookie;
  else if (rng.chance(0.3))
    headers['cookie'] = rng.pick(['pu_session=forged', 'pu_session=', `XSRF-TOKEN=${'x'.repeat(5000)}`]);
  const csrf = session.csrf();
  if (op.method !== 'GET')
    rng.weighted<void>([
      [4 / Math.max(g.junk, 0.01), () => void (csrf && (headers['x-xsrf-token'] = csrf))],
      [1, () => undefined],
      [1, () => void (headers['x-xsrf-token'] = hostileHeader(rng))],
    ]);
  if (op.headers.includes('if-match') || rng.chance(g.junk / 10))
    headers['if-match'] = rng.chance(g.junk / 2) ? hostileHeader(rng) : world.ifMatch(rng, op);
  if (op.headers.includes('idempotency-key') && rng.chance(0.6)) headers['idempotency-key'] = world.idempotencyKey(rng);
  if (body !== undefined)
    headers['content-type'] = rng.weighted<string>([
      [6 / Math.max(g.junk, 0.01), () => 'application/json'],
      [1, () => 'application/json; charset=latin1'],
      [1, () => 'text/plain'],
      [1, () => 'application/x-www-form-urlencoded'],
      [1, () => 'multipart/form-data; boundary=x'],
      [1, () => 'application/JSON'],
    ]);
  if (rng.chance(g.junk / 6))
    headers[rng.pick(['x-request-id', 'x-forwarded-for', 'accept-language', 'origin', 'range', 'if-none-match'])] =
      hostileHeader(rng);
  return headers;
}

/** One request to `op` as `who`: a third are clean, the rest hostile to a varying degree. */
export function generateRequest(rng: Random, world: World, op: Operation, who: string): FuzzRequest {
  const g: Gen = { rng, world, junk: rng.chance(0.35) ? 0 : rng.pick([0.05, 0.15, 0.3, 0.6]) };
  let path = op.path;
  for (const param of op.pathParams) path = path.replace(`{${param}}`, pathValue(g, op, param));
  path += queryString(g, op);
  let body: string | undefined;
  const structured = () => {
    const stepId = op.path.endsWith('/steps/{stepId}') ? world.lastStepId : null;
    return JSON.stringify(stepId ? stepBody(g, stepId) : objectOf(g, op.body ?? {}));
  };
  if (op.body && !rng.chance(g.junk)) body = structured();
  else if (op.body)
    body = rng.weighted<string | undefined>([
      [2, structured],
      [3, () => rawBody(rng)],
      [1, () => JSON.stringify(hostileValue(rng))],
      [1, () => undefined],
    ]);
  else if (op.method !== 'GET' && rng.chance(g.junk / 2)) body = rawBody(rng);
  return { method: op.method, path, headers: headersFor(g, op, who, body), body };
}
