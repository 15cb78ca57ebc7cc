import type { CaseResponse, HistoryEntry } from '@pu/contracts';
import type { HttpSession } from './http-session';

export interface CaseFixture {
  id: string;
  reference: string;
  subject: string;
  historyEntries: number;
  promises: number;
  lastPromise: string;
}

const HISTORY_ENTRIES = 50;
/** Reads of the client's data are recorded too, but the case page lists them only on request. */
const READ = 'read_personal_data';
const changes = (history: HistoryEntry[]) => history.filter((entry) => entry.action !== READ).length;
const PROMISES = 10;

async function call<T>(
  session: HttpSession,
  method: string,
  url: string,
  body?: unknown,
  version?: number,
): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: {
      ...session.headers,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} answered HTTP ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/**
 * The case the case page is timed on, made through the API as a clerk would make it: a complaint with ten
 * follow-up promises and corrections of its subject until its history lists fifty changes. A new one every run,
 * so every run times the same shape (each opening of the case adds a read to its history).
 */
export async function createCaseFixture(baseUrl: string, session: HttpSession): Promise<CaseFixture> {
  const api = `${baseUrl}/api`;
  const stamp = new Date().toISOString().slice(0, 19).replace('T', ' ');
  let subject = `Skarga na obsługę w punkcie podawczym (pomiar ${stamp})`;
  let created = await call<CaseResponse>(session, 'POST', `${api}/cases`, {
    kind: 'complaint',
    subject,
    description: 'Klient opisuje długie oczekiwanie i brak informacji o dalszym toku sprawy.',
    channel: 'letter',
    client: { name: 'Jan Kowalski', address: 'ul. Polna 1, 00-001 Warszawa', phone: '+48 600 100 200' },
  });
  let lastPromise = '';
  for (let i = 1; i <= PROMISES; i++) {
    lastPromise = `Oddzwonię z informacją o terminie (${i} z ${PROMISES})`;
    await call(session, 'POST', `${api}/cases/${created.id}/promises`, { description: lastPromise, channel: 'phone' });
  }
  let history = await call<HistoryEntry[]>(session, 'GET', `${api}/cases/${created.id}/history`);
  for (let n = 1; changes(history) < HISTORY_ENTRIES; n++) {
    subject = `Skarga na obsługę w punkcie podawczym (pomiar ${stamp}, poprawka ${n})`;
    created = await call<CaseResponse>(session, 'PATCH', `${api}/cases/${created.id}`, { subject }, created.version);
    history = await call<HistoryEntry[]>(session, 'GET', `${api}/cases/${created.id}/history`);
  }
  return {
    id: created.id,
    reference: created.reference,
    subject,
    historyEntries: changes(history),
    promises: PROMISES,
    lastPromise,
  };
}
