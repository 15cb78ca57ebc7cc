import type { CaseKind } from '../case-kinds';
import type { CaseContext, CaseProgress } from '../progress-types';

// Realistic, valid data for every step, used by the specs. Not exported from the package.

export const CTX: CaseContext = { anonymous: false, repeatOfCaseId: null, promiseCount: 1 };
export const META = { at: '2026-03-02T09:00:00.000Z', by: 'user-1' };

export const SAMPLES: Record<CaseKind, Record<string, Record<string, unknown>>> = {
  complaint: {
    listen: { account: 'Czekałem dwie godziny w kolejce, a potem odesłano mnie do innego pokoju.' },
    quiet_place: { quietPlace: 'accepted' },
    restate: { restatement: 'Długie oczekiwanie i odesłanie do innego stanowiska.', clientConfirmed: true },
    regret: { confirmed: true },
    cause: { rootCause: 'waiting_time', description: 'Jedno stanowisko obsługi w godzinach szczytu.' },
    propose: { proposal: 'Obsługa bez kolejki przy następnej wizycie po umówieniu telefonicznym.' },
    satisfaction: { satisfaction: 'yes' },
    next_steps: { nextSteps: 'Kierownik odpowie pisemnie do 30 marca.' },
    outcome: {
      outcome: 'justified',
      summary: 'Skarga zasadna, zmieniono grafik.',
      replySentAt: '2026-03-20',
      replyChannel: 'letter',
    },
  },
  office_error: {
    record: {
      description: 'Błędnie naliczona opłata za odpady.',
      affectedMatter: 'Deklaracja śmieciowa 2026',
      discoveredBy: 'Anna Nowak',
    },
    inform: { informedAt: '2026-03-02T10:00:00+01:00', channel: 'phone' },
    apologise: { confirmed: true },
    consequences: { consequences: 'Nadpłata 120 zł za luty.' },
    doubts: { questionsAndAnswers: 'Czy muszę składać wniosek? Nie, zwrot z urzędu.' },
    fix: { fixPlan: 'Korekta naliczenia i zwrot nadpłaty na konto.' },
    accepted: { accepted: 'yes' },
    next_steps: { nextSteps: 'Zwrot w ciągu 7 dni, potwierdzenie e-mailem.' },
    close: { fixCompletedAt: '2026-03-06T12:00:00+01:00', preventiveAction: 'Kontrola krzyżowa naliczeń.' },
  },
  refusal: {
    decision: {
      decisionReference: 'GK.6733.4.2026',
      scope: 'Odmowa ustalenia lokalizacji inwestycji celu publicznego.',
    },
    deliver: { deliveredAt: '2026-03-02T11:00:00+01:00', channel: 'in_person' },
    justify: { facts: 'Teren objęty ochroną konserwatorską.', legalBasis: 'art. 56 ustawy o planowaniu' },
    emotions: { clientReaction: 'Klient rozczarowany, spokojny.' },
    alternative: { alternative: 'Wniosek dla sąsiedniej działki.' },
    farewell: { appealInfoGiven: true, appealDeadline: '2026-03-16' },
  },
  aggressive_client: {
    listen: { account: 'Klient żąda natychmiastowego wydania zaświadczenia.' },
    quiet_place: { quietPlace: 'not_possible' },
    restate: { restatement: 'Zaświadczenie potrzebne dziś do banku.', clientConfirmed: true },
    conduct: {
      events: [
        { kind: 'shouting', at: '2026-03-02T10:05:00+01:00', note: 'Podniesiony głos' },
        { kind: 'insult', at: '2026-03-02T10:06:00+01:00' },
      ],
    },
    legal_basis: { legalBasis: 'art. 217 § 3 KPA – 7 dni na wydanie zaświadczenia' },
    resolve: {
      proposal: 'Wydanie jutro rano.',
      satisfaction: 'partly',
      expectation: 'Dziś do 15:00',
      steps: 'Telefon jutro o 8:00.',
    },
    close: { handled: true, severity: 'medium', securityCalled: false, policeCalled: false },
  },
};

/** Unwraps a successful result or fails the test with what came back. */
export function must<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

export function snapshot(p: CaseProgress): string {
  return JSON.stringify(p);
}
