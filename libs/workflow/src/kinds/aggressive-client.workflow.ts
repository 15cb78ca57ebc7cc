import {
  INCIDENT_EVENT_KIND_LABELS,
  INCIDENT_EVENT_KINDS,
  INCIDENT_SEVERITIES,
  INCIDENT_SEVERITY_LABELS,
  SATISFACTION_LEVELS,
  toOptions,
  type IncidentSeverity,
  type Satisfaction,
} from '../enums';
import type { CaseProgress } from '../progress-types';
import type { WorkflowDef } from '../workflow-types';
import { COMMON_CONDUCT } from './common-conduct';
import { expectationField, longtext, quietPlaceField, restatementFields, satisfactionField } from './common-fields';
import { flagOf, oneOf } from './step-facts';

/** The protest the standard puts in the clerk's mouth, word for word (standard 22 pkt 6). */
export const PROTEST_WORDING = {
  pl: 'Chcę pomóc w załatwieniu Pańskiej sprawy. Proszę jednak mnie nie obrażać.',
  en: 'I want to help settle your matter. But please do not insult me.',
} as const;

/**
 * Standard 22: "Obsługując agresywnego Klienta doprowadź do obniżenia poziomu jego emocji
 * i załatwienia sprawy, z którą przyszedł".
 */
export const AGGRESSIVE_CLIENT_WORKFLOW: WorkflowDef = {
  kind: 'aggressive_client',
  standard: 22,
  title: { pl: 'Agresywny klient', en: 'Aggressive client' },
  purpose: {
    pl: 'Obsługując agresywnego Klienta doprowadź do obniżenia poziomu jego emocji i załatwienia sprawy, z którą przyszedł.',
    en: 'When serving an aggressive client, bring their emotions down and settle the matter they came with.',
  },
  steps: [
    {
      id: 'listen',
      required: true,
      title: { pl: 'Wysłuchaj klienta', en: 'Listen to the client' },
      guidance: {
        pl: 'Nie przerywaj Klientowi, nie staraj się już na samym początku wytłumaczyć sytuacji. Wysłuchaj Klienta.',
        en: 'Do not interrupt the client and do not try to explain the situation at the very start. Listen to the client.',
      },
      source: 'Standard 22 pkt 1',
      fields: [longtext('account', { pl: 'Co klient mówi i czego chce', en: 'What the client said and wants' })],
    },
    {
      id: 'quiet_place',
      required: false,
      title: { pl: 'Zaproponuj spokojne miejsce', en: 'Offer a quiet place' },
      guidance: {
        pl: 'Jeśli jest taka możliwość, zaproponuj Klientowi spokojne miejsce, w którym można porozmawiać.',
        en: 'If possible, offer the client a quiet place where you can talk.',
      },
      source: 'Standard 22 pkt 2',
      fields: [quietPlaceField],
    },
    {
      id: 'restate',
      required: true,
      title: { pl: 'Sprawdź, czy rozumiesz powód zdenerwowania', en: 'Check you understand the reason' },
      guidance: {
        pl: 'Sprawdź, czy rozumiesz powód zdenerwowania Klienta. Powtórz relacjonowany przez Klienta problem swoimi słowami. Upewnij się, czy o to właśnie chodziło Klientowi.',
        en: 'Check that you understand why the client is upset. Restate the problem they described in your own words. Make sure that is what the client meant.',
      },
      source: 'Standard 22 pkt 3',
      fields: restatementFields,
    },
    {
      id: 'conduct',
      required: true,
      title: { pl: 'Zapisz przebieg incydentu', en: 'Log the incident' },
      guidance: {
        pl: `Zignoruj obraźliwe słowa, gdy pojawiają się po raz pierwszy w niezbyt napastliwej formie. Jeśli jednak Klient jest wulgarny lub obraża Cię po raz kolejny, stanowczo choć spokojnie zaprotestuj: „${PROTEST_WORDING.pl}”`,
        en: `Ignore offensive words the first time they come in a not very aggressive form. But if the client is vulgar or insults you again, protest firmly but calmly: "${PROTEST_WORDING.en}"`,
      },
      source: 'Standard 22 pkt 6',
      fields: [
        {
          id: 'events',
          type: 'events',
          label: { pl: 'Zdarzenia (rodzaj, czas, opis)', en: 'Events (kind, time, note)' },
          required: true,
          options: toOptions(INCIDENT_EVENT_KINDS, INCIDENT_EVENT_KIND_LABELS),
          maxLength: 2000,
          help: {
            pl: 'Każda obelga, groźba lub inne zdarzenie osobno, z godziną.',
            en: 'Each insult, threat or other event separately, with its time.',
          },
        },
        {
          id: 'protestGivenAt',
          type: 'datetime',
          label: { pl: 'Kiedy zaprotestowano', en: 'Protest given at' },
          required: false,
          help: {
            pl: 'Wymagane, gdy klient był wulgarny lub obraził Cię więcej niż raz.',
            en: 'Required when the client was vulgar or insulted you more than once.',
          },
        },
      ],
    },
    {
      id: 'legal_basis',
      required: false,
      title: { pl: 'Powołaj się na podstawę prawną', en: 'Cite the legal basis' },
      guidance: {
        pl: 'W zależności od sytuacji powołaj się na właściwą podstawę prawną lub zarządzenie.',
        en: 'Depending on the situation, cite the relevant legal basis or internal regulation.',
      },
      source: 'Standard 22 pkt 8',
      fields: [longtext('legalBasis', { pl: 'Podstawa prawna lub zarządzenie', en: 'Legal basis or regulation' })],
    },
    {
      id: 'resolve',
      required: false,
      title: { pl: 'Zaproponuj rozwiązanie', en: 'Propose a solution' },
      guidance: {
        pl: 'Jeśli sytuacja tego wymaga: zaproponuj Klientowi rozwiązanie sprawy; spytaj, czy będzie zadowolony z takiego rozwiązania – jeśli nie, spytaj, czego oczekuje od Ciebie, ze strony Urzędu; poinformuj go o krokach, które podejmiesz.',
        en: 'If the situation needs it: propose a solution to the client; ask whether they will be satisfied with it – if not, ask what they expect from you, from the office; tell them the steps you will take.',
      },
      source: 'Standard 22 pkt 10',
      fields: [
        longtext('proposal', { pl: 'Proponowane rozwiązanie', en: 'Proposed solution' }),
        satisfactionField,
        expectationField,
        longtext('steps', { pl: 'Kroki, które podejmiesz', en: 'Steps you will take' }, true, {
          pl: 'Zapisz w sprawie obietnicę: co, komu i do kiedy.',
          en: 'Log a promise on the case: what, to whom and by when.',
        }),
      ],
      needsPromise: true,
    },
    {
      id: 'close',
      required: true,
      title: { pl: 'Zakończ incydent', en: 'Close the incident' },
      guidance: {
        pl: 'Doprowadź do obniżenia poziomu emocji Klienta i załatwienia sprawy, z którą przyszedł. Pokaż, że chcesz rozwiązać problem Klienta.',
        en: "Bring the client's emotions down and settle the matter they came with. Show that you want to solve the client's problem.",
      },
      source: 'Standard 22 (tytuł) i pkt 7',
      fields: [
        {
          id: 'handled',
          type: 'boolean',
          label: { pl: 'Sprawa klienta została załatwiona', en: "The client's matter was handled" },
          required: true,
        },
        {
          id: 'severity',
          type: 'choice',
          label: { pl: 'Waga incydentu', en: 'Severity of the incident' },
          required: true,
          options: toOptions(INCIDENT_SEVERITIES, INCIDENT_SEVERITY_LABELS),
        },
        {
          id: 'securityCalled',
          type: 'boolean',
          label: { pl: 'Wezwano ochronę', en: 'Security was called' },
          required: true,
        },
        {
          id: 'policeCalled',
          type: 'boolean',
          label: { pl: 'Wezwano policję', en: 'Police were called' },
          required: true,
        },
        longtext('notes', { pl: 'Uwagi', en: 'Notes' }, false),
      ],
    },
  ],
  conduct: [
    {
      source: 'Standard 22 pkt 4',
      pl: 'Bądź opanowany, ale uważaj, aby twój spokojny ton nie kontrastował zbyt mocno z tonem Klienta. Skoncentruj się na problemie, a nie na emocjach Klienta.',
      en: "Stay composed, but make sure your calm tone does not contrast too sharply with the client's. Focus on the problem, not on the client's emotions.",
    },
    {
      source: 'Standard 22 pkt 5',
      pl: 'Nigdy nie mów, że Klient nie ma racji.',
      en: 'Never tell the client they are wrong.',
    },
    {
      source: 'Standard 22 pkt 9',
      pl: 'Nie obwiniaj innych pracowników Urzędu, przepisów, procedur.',
      en: 'Do not blame other staff of the office, regulations or procedures.',
    },
    ...COMMON_CONDUCT,
  ],
};

/** What other code reads from an aggressive-client incident's steps. */
export const AGGRESSIVE_CLIENT_FACTS = {
  /** Whether the client's matter was settled after all (standard 22's aim). */
  handled: (p: CaseProgress): boolean | null => flagOf(p, 'close', 'handled'),
  severity: (p: CaseProgress): IncidentSeverity | null => oneOf(INCIDENT_SEVERITIES, p, 'close', 'severity'),
  satisfaction: (p: CaseProgress): Satisfaction | null => oneOf(SATISFACTION_LEVELS, p, 'resolve', 'satisfaction'),
} as const;
