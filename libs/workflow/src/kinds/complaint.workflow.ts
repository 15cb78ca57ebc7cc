import {
  COMPLAINT_OUTCOME_LABELS,
  COMPLAINT_OUTCOMES,
  DEFAULT_ROOT_CAUSES,
  EARLY_COMPLAINT_OUTCOMES,
  NOTIFIED_COMPLAINT_OUTCOMES,
  CHANNEL_LABELS,
  REPLY_CHANNELS,
  SATISFACTION_LEVELS,
  toOptions,
  type ComplaintOutcome,
  type Satisfaction,
} from '../enums';
import type { CaseProgress } from '../progress-types';
import type { WorkflowDef } from '../workflow-types';
import { COMMON_CONDUCT } from './common-conduct';
import {
  confirmation,
  expectationField,
  longtext,
  quietPlaceField,
  restatementFields,
  satisfactionField,
  text,
} from './common-fields';
import { isDone, oneOf, textOf } from './step-facts';

/** Standard 20: "Skargi od Klienta przyjmuj ze zrozumieniem oraz wykaż inicjatywę w rozwiązaniu problemu Klienta". */
export const COMPLAINT_WORKFLOW: WorkflowDef = {
  kind: 'complaint',
  standard: 20,
  title: { pl: 'Skarga', en: 'Complaint' },
  purpose: {
    pl: 'Skargi od Klienta przyjmuj ze zrozumieniem oraz wykaż inicjatywę w rozwiązaniu problemu Klienta. Warto wykorzystać każdą skargę jako wskazówkę, na jakim obszarze należy poprawić działania Urzędu.',
    en: "Receive a client's complaint with understanding and take the initiative in solving their problem. Use every complaint as a pointer to the area where the office needs to improve.",
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
      source: 'Standard 20 pkt 1',
      fields: [
        longtext('account', { pl: 'Relacja klienta, jego słowami', en: "The client's account, in their words" }),
      ],
    },
    {
      id: 'quiet_place',
      required: false,
      title: { pl: 'Zaproponuj spokojne miejsce', en: 'Offer a quiet place' },
      guidance: {
        pl: 'Jeśli jest taka możliwość, zaproponuj Klientowi spokojne miejsce, w którym można porozmawiać.',
        en: 'If possible, offer the client a quiet place where you can talk.',
      },
      source: 'Standard 20 pkt 2',
      fields: [quietPlaceField],
    },
    {
      id: 'restate',
      required: true,
      title: { pl: 'Powtórz sprawę własnymi słowami', en: 'Restate the problem' },
      guidance: {
        pl: 'Okaż Klientowi, że rozumiesz problem. Przedstaw własnymi słowami sprawę relacjonowaną przez Klienta. Upewnij się, że dobrze zrozumiałeś.',
        en: 'Show the client you understand the problem. Put the matter they described in your own words. Make sure you understood it correctly.',
      },
      source: 'Standard 20 pkt 3',
      fields: restatementFields,
    },
    {
      id: 'regret',
      required: true,
      title: { pl: 'Powiedz, że jest Ci przykro', en: 'Say you are sorry' },
      guidance: {
        pl: 'Powiedz, że jest Ci przykro w związku z zaistniałą sytuacją.',
        en: 'Say that you are sorry about the situation.',
      },
      source: 'Standard 20 pkt 6',
      fields: [
        confirmation('confirmed', {
          pl: 'Powiedziano klientowi, że jest nam przykro',
          en: 'The client was told we are sorry',
        }),
      ],
    },
    {
      id: 'cause',
      required: true,
      title: { pl: 'Ustal przyczynę skargi', en: 'Determine the cause' },
      guidance: {
        pl: 'Ustal, co było przyczyną skargi. Warto wykorzystać każdą skargę jako wskazówkę, na jakim obszarze należy poprawić działania Urzędu.',
        en: 'Determine what caused the complaint. Use every complaint as a pointer to the area where the office needs to improve.',
      },
      source: 'Standard 20 pkt 7 i uzasadnienie',
      fields: [
        {
          id: 'rootCause',
          type: 'choice',
          label: { pl: 'Kategoria przyczyny', en: 'Root-cause category' },
          required: true,
          options: DEFAULT_ROOT_CAUSES.map((c) => ({ value: c.code, label: c.label })),
          optionsFrom: 'rootCauses',
          help: {
            pl: 'Z kategorii powstaje roczny raport o obszarach do poprawy.',
            en: 'The annual report on areas to improve is built from these categories.',
          },
        },
        longtext('description', { pl: 'Opis przyczyny', en: 'Description of the cause' }),
      ],
    },
    {
      id: 'propose',
      required: true,
      title: { pl: 'Zaproponuj rozwiązanie', en: 'Propose a resolution' },
      guidance: {
        pl: 'Zaproponuj Klientowi rozwiązanie sprawy.',
        en: 'Propose a resolution of the matter to the client.',
      },
      source: 'Standard 20 pkt 9',
      fields: [longtext('proposal', { pl: 'Proponowane rozwiązanie', en: 'Proposed resolution' })],
    },
    {
      id: 'satisfaction',
      required: true,
      title: { pl: 'Zapytaj, czy klient jest zadowolony', en: 'Ask whether the client is satisfied' },
      guidance: {
        pl: 'Spytaj, czy będzie zadowolony z takiego rozwiązania. Jeśli nie, spytaj, jakie działania z Twojej strony spotkałyby się z jego aprobatą.',
        en: 'Ask whether they will be satisfied with that resolution. If not, ask what action on your part they would approve of.',
      },
      source: 'Standard 20 pkt 10',
      fields: [
        {
          ...satisfactionField,
          help: {
            pl: 'Odpowiedź „nie” wraca do kroku „Zaproponuj rozwiązanie”.',
            en: '"No" goes back to "Propose a resolution".',
          },
        },
        expectationField,
      ],
      loop: { field: 'satisfaction', values: ['no'], backTo: 'propose', expectation: 'expectation' },
    },
    {
      id: 'next_steps',
      required: true,
      title: { pl: 'Poinformuj o kolejnych krokach', en: 'Inform of the next steps' },
      guidance: {
        pl: 'Poinformuj o kolejnych krokach, które podejmiesz; powiedz Klientowi, kiedy i jak poinformujesz go, że sprawa została załatwiona.',
        en: 'Tell the client the next steps you will take, and when and how you will let them know the matter has been settled.',
      },
      source: 'Standard 20 pkt 11',
      fields: [
        longtext('nextSteps', { pl: 'Kolejne kroki', en: 'Next steps' }, true, {
          pl: 'Zapisz w sprawie obietnicę: kiedy i jak klient dowie się o załatwieniu skargi.',
          en: 'Log a promise on the case: when and how the client will learn the complaint is settled.',
        }),
      ],
      needsPromise: true,
    },
    {
      id: 'outcome',
      required: true,
      title: { pl: 'Rozstrzygnij skargę', en: 'Settle the complaint' },
      guidance: {
        pl: 'Skargę załatwia się bez zbędnej zwłoki, nie później niż w ciągu miesiąca (art. 237 § 1 KPA); o sposobie jej załatwienia zawiadamia się skarżącego (art. 238 KPA). Jeśli urząd nie jest właściwy, skargę przekazuje się organowi właściwemu nie później niż w ciągu 7 dni, zawiadamiając o tym skarżącego (art. 231 KPA). Skargę anonimową pozostawia się bez rozpatrzenia. Skarga ponowiona bez nowych okoliczności, gdy bezzasadność wykazano już w odpowiedzi, może zostać załatwiona przez podtrzymanie stanowiska z adnotacją w aktach (art. 239 KPA).',
        en: 'A complaint is settled without undue delay and no later than one month (KPA art. 237 § 1), and the complainant is notified how it was settled (art. 238). If the office is not competent, the complaint is forwarded to the competent body within 7 days, telling the complainant (art. 231). An anonymous complaint is left without consideration. A complaint repeated with no new circumstances, once shown to be unfounded, may be settled by maintaining the earlier position with a note in the file (art. 239).',
      },
      source: 'KPA art. 231, 237–239',
      fields: [
        {
          id: 'outcome',
          type: 'choice',
          label: { pl: 'Rozstrzygnięcie', en: 'Outcome' },
          required: true,
          options: toOptions(COMPLAINT_OUTCOMES, COMPLAINT_OUTCOME_LABELS),
          help: {
            pl: 'Przekazanie, pozostawienie bez rozpatrzenia i podtrzymanie stanowiska można zapisać od razu, bez rozmowy z klientem.',
            en: 'Forwarding, leaving without consideration and maintaining the position may be recorded at once, without a conversation.',
          },
        },
        longtext('summary', { pl: 'Sposób załatwienia / uzasadnienie', en: 'How it was settled / reasons' }),
        {
          id: 'replySentAt',
          type: 'date',
          label: { pl: 'Data wysłania odpowiedzi', en: 'Reply sent on' },
          required: false,
          requiredWhen: { field: 'outcome', in: NOTIFIED_COMPLAINT_OUTCOMES },
        },
        {
          id: 'replyChannel',
          type: 'choice',
          label: { pl: 'Forma odpowiedzi', en: 'Reply sent by' },
          required: false,
          requiredWhen: { field: 'outcome', in: NOTIFIED_COMPLAINT_OUTCOMES },
          options: toOptions(REPLY_CHANNELS, CHANNEL_LABELS),
        },
        {
          ...text(
            'forwardedTo',
            { pl: 'Organ, któremu przekazano skargę', en: 'Body the complaint was forwarded to' },
            false,
          ),
          requiredWhen: { field: 'outcome', in: ['forwarded'] },
        },
      ],
      earlyOutcomes: { field: 'outcome', values: EARLY_COMPLAINT_OUTCOMES },
    },
  ],
  conduct: [
    {
      source: 'Standard 20 pkt 4',
      pl: 'Nie proś Klienta, żeby się uspokoił – to tylko pogorszy sprawę. Skoncentruj się na problemie. Bądź opanowany i mów spokojnym głosem.',
      en: 'Do not ask the client to calm down – it only makes things worse. Focus on the problem. Stay composed and speak calmly.',
    },
    {
      source: 'Standard 20 pkt 5',
      pl: 'Nigdy nie mów, że Klient nie ma racji.',
      en: 'Never tell the client they are wrong.',
    },
    {
      source: 'Standard 20 pkt 8',
      pl: 'Nie obwiniaj innych pracowników Urzędu, przepisów, procedur.',
      en: 'Do not blame other staff of the office, regulations or procedures.',
    },
    ...COMMON_CONDUCT,
  ],
};

/** What other code reads from a complaint's steps. */
export const COMPLAINT_FACTS = {
  /** The root-cause category (the quality report ranks them); codes are the office's own. */
  rootCause: (p: CaseProgress): string | null => textOf(p, 'cause', 'rootCause'),
  satisfaction: (p: CaseProgress): Satisfaction | null => oneOf(SATISFACTION_LEVELS, p, 'satisfaction', 'satisfaction'),
  outcome: (p: CaseProgress): ComplaintOutcome | null => oneOf(COMPLAINT_OUTCOMES, p, 'outcome', 'outcome'),
  /** How the complaint was settled has been recorded (after that, who complained is part of the record). */
  settled: (p: CaseProgress): boolean => isDone(p, 'outcome'),
} as const;
