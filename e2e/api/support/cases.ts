import type { CaseKindName, CaseResponse, CreateCaseRequest, HistoryEntry, PromiseResponse } from '@pu/contracts';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { ApiClient } from './api-client';

// Helpers for the cases API tests: valid request bodies, step data for every workflow, and a small
// driver that keeps track of the case version so every change sends the right If-Match.

export const KINDS: readonly CaseKindName[] = ['complaint', 'office_error', 'refusal', 'aggressive_client'];

/** A well-formed UUID that names nothing. */
export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** The register year of a case created now (registers are numbered per calendar year in Warsaw). */
export const REGISTER_YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Warsaw', year: 'numeric' }).format(
  new Date(),
);

export const ifMatch = (version: number): Record<string, string> => ({ 'If-Match': `"${version}"` });

/** Contact details distinctive enough to grep a response for (they must never appear in lists). */
export const CLIENT = {
  name: 'Jan Kowalski',
  address: 'ul. Długa 17/3, 00-238 Warszawa',
  phone: '+48 600 123 457',
  email: 'jan.kowalski.e2e@example.com',
} as const;

let counter = 0;
/** A subject unique within the run, so searches and counts find exactly this test's cases. */
export const uniqueSubject = (label = 'Sprawa'): string =>
  `${label} ${Date.now().toString(36)}-${++counter}-${randomUUID().slice(0, 6)}`;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** A valid CreateCaseRequest for `kind`, received now unless overridden. */
export function caseRequest(kind: CaseKindName, over: Partial<CreateCaseRequest> = {}): CreateCaseRequest {
  return {
    kind,
    subject: uniqueSubject(kind),
    description: 'Opis sprawy do testu.',
    channel: 'in_person',
    client: { ...CLIENT },
    ...(kind === 'office_error' ? { discoveredAt: hoursAgo(2) } : {}),
    ...over,
  };
}

/** Valid data for every step of every workflow (field ids from libs/workflow/src/kinds). */
export function stepData(kind: CaseKindName, stepId: string): Record<string, unknown> {
  const data = STEP_DATA[kind][stepId];
  if (!data) throw new Error(`No sample data for ${kind}/${stepId}`);
  return data();
}

const STEP_DATA: Record<CaseKindName, Record<string, () => Record<string, unknown>>> = {
  complaint: {
    listen: () => ({ account: 'Czekałem dwie godziny w kolejce, a potem odesłano mnie do innego pokoju.' }),
    quiet_place: () => ({ quietPlace: 'accepted' }),
    restate: () => ({ restatement: 'Długie oczekiwanie i odesłanie do innego stanowiska.', clientConfirmed: true }),
    regret: () => ({ confirmed: true }),
    cause: () => ({ rootCause: 'waiting_time', description: 'Jedno stanowisko obsługi w godzinach szczytu.' }),
    propose: () => ({ proposal: 'Obsługa bez kolejki przy następnej wizycie po umówieniu telefonicznym.' }),
    satisfaction: () => ({ satisfaction: 'yes' }),
    next_steps: () => ({ nextSteps: 'Kierownik odpowie pisemnie w ciągu tygodnia.' }),
    outcome: () => ({
      outcome: 'justified',
      summary: 'Skarga zasadna, zmieniono grafik.',
      replySentAt: new Date().toISOString().slice(0, 10),
      replyChannel: 'letter',
    }),
  },
  office_error: {
    record: () => ({
      description: 'Błędnie naliczona opłata za odpady.',
      affectedMatter: 'Deklaracja śmieciowa 2026',
      discoveredBy: 'Anna Nowak',
    }),
    inform: () => ({ informedAt: hoursAgo(1), channel: 'phone' }),
    apologise: () => ({ confirmed: true }),
    consequences: () => ({ consequences: 'Nadpłata 120 zł za luty.' }),
    doubts: () => ({ questionsAndAnswers: 'Czy muszę składać wniosek? Nie, zwrot z urzędu.' }),
    fix: () => ({ fixPlan: 'Korekta naliczenia i zwrot nadpłaty na konto.' }),
    accepted: () => ({ accepted: 'yes' }),
    next_steps: () => ({ nextSteps: 'Zwrot w ciągu 7 dni, potwierdzenie e-mailem.' }),
    close: () => ({ fixCompletedAt: new Date().toISOString(), preventiveAction: 'Kontrola krzyżowa naliczeń.' }),
  },
  refusal: {
    decision: () => ({
      decisionReference: 'GK.6733.4.2026',
      scope: 'Odmowa ustalenia lokalizacji inwestycji celu publicznego.',
    }),
    deliver: () => ({ deliveredAt: hoursAgo(1), channel: 'in_person' }),
    justify: () => ({ facts: 'Teren objęty ochroną konserwatorską.', legalBasis: 'art. 56 ustawy o planowaniu' }),
    emotions: () => ({ clientReaction: 'Klient rozczarowany, spokojny.' }),
    alternative: () => ({ alternative: 'Wniosek dla sąsiedniej działki.' }),
    farewell: () => ({ appealInfoGiven: true }),
  },
  aggressive_client: {
    listen: () => ({ account: 'Klient żąda natychmiastowego wydania zaświadczenia.' }),
    quiet_place: () => ({ quietPlace: 'not_possible' }),
    restate: () => ({ restatement: 'Zaświadczenie potrzebne dziś do banku.', clientConfirmed: true }),
    conduct: () => ({
      events: [
        { kind: 'shouting', at: hoursAgo(1.5), note: 'Podniesiony głos' },
        { kind: 'insult', at: hoursAgo(1.4) },
      ],
    }),
    legal_basis: () => ({ legalBasis: 'art. 217 § 3 KPA – 7 dni na wydanie zaświadczenia' }),
    resolve: () => ({
      proposal: 'Wydanie jutro rano.',
      satisfaction: 'partly',
      expectation: 'Dziś do 15:00',
      steps: 'Telefon jutro o 8:00.',
    }),
    close: () => ({ handled: true, severity: 'medium', securityCalled: false, policeCalled: false }),
  },
};

/** Describes a response for failure messages: the request, the status and the body. */
export function describeResponse(res: Response): string {
  const req = (res as unknown as { req?: { method?: string; path?: string } }).req;
  return `${req?.method ?? '?'} ${req?.path ?? '?'} → ${res.status} ${res.text?.slice(0, 800)}`;
}

/** Asserts the status (one of `expected`), failing with the request and the whole answer. */
export function expectStatus(res: Response, ...expected: number[]): Response {
  if (!expected.includes(res.status)) {
    throw new Error(`Expected ${expected.join(' or ')}: ${describeResponse(res)}`);
  }
  return res;
}

/** Asserts an API error of the given status and code. */
export function expectError(res: Response, status: number, code?: string): Record<string, unknown> {
  expectStatus(res, status);
  if (code && res.body?.code !== code) throw new Error(`Expected code ${code}: ${describeResponse(res)}`);
  return res.body as Record<string, unknown>;
}

export async function createCase(
  client: ApiClient,
  kind: CaseKindName,
  over: Partial<CreateCaseRequest> = {},
): Promise<CaseResponse> {
  const res = expectStatus(await client.post('/api/cases', caseRequest(kind, over)), 201);
  return res.body as CaseResponse;
}

export async function history(client: ApiClient, caseId: string): Promise<HistoryEntry[]> {
  return expectStatus(await client.get(`/api/cases/${caseId}/history`), 200).body as HistoryEntry[];
}

/**
 * Works one case through the API as a clerk would, remembering the latest version from every
 * successful answer so the next change sends a current If-Match.
 */
export class CaseFlow {
  constructor(
    public client: ApiClient,
    public current: CaseResponse,
  ) {}

  static async create(client: ApiClient, kind: CaseKindName, over: Partial<CreateCaseRequest> = {}): Promise<CaseFlow> {
    return new CaseFlow(client, await createCase(client, kind, over));
  }

  get id(): string {
    return this.current.id;
  }
  get version(): number {
    return this.current.version;
  }
  get path(): string {
    return `/api/cases/${this.id}`;
  }

  /** Another user works the same case (keeps the known version). */
  as(client: ApiClient): CaseFlow {
    return new CaseFlow(client, this.current);
  }

  private track(res: Response): Response {
    const body = res.body as Partial<CaseResponse> | undefined;
    if (res.status < 300 && body?.id === this.id && typeof body.version === 'number')
      this.current = body as CaseResponse;
    return res;
  }

  async refresh(): Promise<CaseResponse> {
    this.track(expectStatus(await this.client.get(this.path), 200));
    return this.current;
  }

  async update(body: Record<string, unknown>): Promise<Response> {
    return this.track(await this.client.patch(this.path, body, ifMatch(this.version)));
  }

  async step(stepId: string, data?: Record<string, unknown>): Promise<Response> {
    const body = data ?? stepData(this.current.kind, stepId);
    return this.track(await this.client.post(`${this.path}/steps/${stepId}`, body, ifMatch(this.version)));
  }

  /** Completes the steps in order, failing on the first refusal. */
  async steps(...stepIds: string[]): Promise<CaseResponse> {
    for (const id of stepIds) expectStatus(await this.step(id), 200);
    return this.current;
  }

  async skip(stepId: string, reason = 'Nie było takiej potrzeby w tej rozmowie.'): Promise<Response> {
    return this.track(await this.client.post(`${this.path}/steps/${stepId}/skip`, { reason }, ifMatch(this.version)));
  }

  async reopen(stepId: string, reason = 'Pomyłka przy zapisie kroku.'): Promise<Response> {
    return this.track(await this.client.post(`${this.path}/steps/${stepId}/reopen`, { reason }, ifMatch(this.version)));
  }

  async close(note?: string): Promise<Response> {
    return this.track(
      await this.client.post(`${this.path}/close`, note === undefined ? {} : { note }, ifMatch(this.version)),
    );
  }

  async transfer(body: { departmentId?: string; assigneeId?: string | null; note: string }): Promise<Response> {
    return this.track(await this.client.post(`${this.path}/transfer`, body, ifMatch(this.version)));
  }

  async extend(body: { newDue: string; reason?: string; clientToldAt?: string }): Promise<Response> {
    return this.track(await this.client.post(`${this.path}/deadline-extensions`, body, ifMatch(this.version)));
  }

  /** Logs a follow-up promise, then re-reads the case (the promise count, and maybe the version, changed). */
  async promise(
    body: Record<string, unknown> = { description: 'Oddzwonię z informacją o postępie.', channel: 'phone' },
  ): Promise<PromiseResponse> {
    const res = expectStatus(await this.client.post(`${this.path}/promises`, body), 201);
    await this.refresh();
    return res.body as PromiseResponse;
  }
}
