import { YES_NO, YES_NO_LABELS, toOptions } from '../enums';
import type { CaseProgress } from '../progress-types';
import type { WorkflowDef } from '../workflow-types';
import { COMMON_CONDUCT } from './common-conduct';
import { channelField, confirmation, longtext, text } from './common-fields';
import { instantOf } from './step-facts';

/** Standard 21: "Przekazuj Klientowi jak najszybciej informację o pomyłce wraz z propozycją jej naprawienia". */
export const OFFICE_ERROR_WORKFLOW: WorkflowDef = {
  kind: 'office_error',
  standard: 21,
  title: { pl: 'Pomyłka urzędu', en: 'Office error' },
  purpose: {
    pl: 'Przekazuj Klientowi jak najszybciej informację o pomyłce wraz z propozycją jej naprawienia.',
    en: 'Tell the client about an error as soon as possible, together with a proposal to put it right.',
  },
  steps: [
    {
      id: 'record',
      required: true,
      title: { pl: 'Zarejestruj pomyłkę', en: 'Record the error' },
      guidance: {
        pl: 'Jeżeli popełniono błąd, Klient powinien być o nim niezwłocznie poinformowany. Należy podjąć szybkie działania mające na celu zminimalizowanie niekorzystnych następstw błędów.',
        en: 'If an error was made, the client should be told about it without delay. Act quickly to minimise its adverse consequences.',
      },
      source: 'Standard 21 – uzasadnienie',
      // When the error was found is asked once, when the case is registered (it starts the deadline).
      fields: [
        longtext('description', { pl: 'Na czym polega pomyłka', en: 'What went wrong' }),
        text('affectedMatter', { pl: 'Sprawa, której dotyczy', en: 'Matter affected' }),
        text('discoveredBy', { pl: 'Kto stwierdził pomyłkę', en: 'Discovered by' }, false),
      ],
    },
    {
      id: 'inform',
      required: true,
      title: { pl: 'Poinformuj klienta', en: 'Inform the client' },
      guidance: {
        pl: 'Rozpocznij rozmowę w uprzejmy sposób. Poinformuj Klienta o pomyłce/błędzie Urzędu w sposób jasny i otwarty.',
        en: "Open the conversation politely. Tell the client about the office's error clearly and openly.",
      },
      source: 'Standard 21 pkt 1–2',
      fields: [
        { id: 'informedAt', type: 'datetime', label: { pl: 'Kiedy poinformowano', en: 'Informed at' }, required: true },
        channelField('channel', { pl: 'Jak poinformowano', en: 'Informed by' }),
      ],
    },
    {
      id: 'apologise',
      required: true,
      title: { pl: 'Przeproś', en: 'Apologise' },
      guidance: { pl: 'Przeproś za zaistniałą sytuację.', en: 'Apologise for the situation.' },
      source: 'Standard 21 pkt 3',
      fields: [confirmation('confirmed', { pl: 'Przeproszono klienta', en: 'The client was given an apology' })],
    },
    {
      id: 'consequences',
      required: true,
      title: { pl: 'Przedstaw konsekwencje', en: 'Present the consequences' },
      guidance: {
        pl: 'Przedstaw konsekwencje, jakie ta pomyłka spowodowała. Nie przerysowuj sytuacji, rzetelnie podaj fakty.',
        en: 'Present the consequences the error caused. Do not overstate the situation; give the facts accurately.',
      },
      source: 'Standard 21 pkt 4',
      fields: [longtext('consequences', { pl: 'Konsekwencje pomyłki', en: 'Consequences of the error' })],
    },
    {
      id: 'doubts',
      required: false,
      title: { pl: 'Wyjaśnij wątpliwości', en: "Clear up the client's doubts" },
      guidance: { pl: 'Wyjaśnij wszelkie wątpliwości Klienta.', en: "Clear up all of the client's doubts." },
      source: 'Standard 21 pkt 5',
      fields: [longtext('questionsAndAnswers', { pl: 'Pytania klienta i odpowiedzi', en: 'Questions and answers' })],
    },
    {
      id: 'fix',
      required: true,
      title: { pl: 'Przedstaw sposób naprawienia', en: 'Present how it will be fixed' },
      guidance: {
        pl: 'Przedstaw Klientowi sposób, w jaki chcesz naprawić pomyłkę.',
        en: 'Present to the client how you intend to put the error right.',
      },
      source: 'Standard 21 pkt 6',
      fields: [longtext('fixPlan', { pl: 'Sposób naprawienia pomyłki', en: 'How the error will be fixed' })],
    },
    {
      id: 'accepted',
      required: true,
      title: { pl: 'Upewnij się, że sposób odpowiada klientowi', en: 'Make sure the fix suits the client' },
      guidance: {
        pl: 'Upewnij się, że ten sposób odpowiada Klientowi.',
        en: 'Make sure that this way suits the client.',
      },
      source: 'Standard 21 pkt 7',
      fields: [
        {
          id: 'accepted',
          type: 'choice',
          label: { pl: 'Czy sposób naprawienia odpowiada klientowi?', en: 'Does the fix suit the client?' },
          required: true,
          options: toOptions(YES_NO, YES_NO_LABELS),
          help: {
            pl: 'Odpowiedź „nie” wraca do kroku „Przedstaw sposób naprawienia”.',
            en: '"No" goes back to "Present how it will be fixed".',
          },
        },
        longtext('expectation', { pl: 'Czego oczekuje klient', en: 'What the client expects' }, false, {
          pl: 'Gdy sposób nie odpowiada klientowi: co by mu odpowiadało. Zobaczysz to przy kolejnej propozycji.',
          en: 'When the fix does not suit the client: what would. It is shown with the next proposal.',
        }),
      ],
      loop: { field: 'accepted', values: ['no'], backTo: 'fix', expectation: 'expectation' },
    },
    {
      id: 'next_steps',
      required: true,
      title: { pl: 'Ustal kolejne kroki', en: 'Agree the next steps' },
      guidance: { pl: 'Ustal z nim, jakie będą następne kroki.', en: 'Agree the next steps with the client.' },
      source: 'Standard 21 pkt 8',
      fields: [
        longtext('nextSteps', { pl: 'Uzgodnione kroki', en: 'Agreed steps' }, true, {
          pl: 'Zapisz w sprawie obietnicę: co, komu i do kiedy.',
          en: 'Log a promise on the case: what, to whom and by when.',
        }),
      ],
      needsPromise: true,
    },
    {
      id: 'close',
      required: true,
      title: { pl: 'Zakończ: pomyłka naprawiona', en: 'Close: the error is fixed' },
      guidance: {
        pl: 'Pożegnaj Klienta i zapewnij go, że dołożysz wszelkich starań, aby sytuacja się nie powtórzyła.',
        en: 'Say goodbye to the client and assure them you will do everything you can so that it does not happen again.',
      },
      source: 'Standard 21 pkt 9',
      fields: [
        {
          id: 'fixCompletedAt',
          type: 'datetime',
          label: { pl: 'Kiedy naprawiono pomyłkę', en: 'Fix completed at' },
          required: true,
        },
        longtext('preventiveAction', { pl: 'Działanie zapobiegawcze', en: 'Preventive action' }, true, {
          pl: 'Co urząd zmienia, aby pomyłka się nie powtórzyła (trafia do raportu jakości).',
          en: 'What the office changes so the error does not recur (goes into the quality report).',
        }),
      ],
    },
  ],
  conduct: [
    {
      source: 'Standard 21 – uzasadnienie',
      pl: 'Klienci potrafią docenić przyznanie się do błędu, jeżeli w ślad za tym idzie informacja, jak błąd zostanie poprawiony.',
      en: 'Clients appreciate an admission of error when it comes with information on how the error will be corrected.',
    },
    {
      source: 'Standard 1 pkt 1',
      pl: 'Zawsze przyjmuj odpowiedzialność za Urząd i współpracowników przed Klientem.',
      en: 'Always take responsibility for the office and your colleagues before the client.',
    },
    ...COMMON_CONDUCT,
  ],
};

/** What other code reads from an office error's steps. */
export const OFFICE_ERROR_FACTS = {
  /** When the client was told of the error: the figure standard 21 measures from discovery. */
  informedAt: (p: CaseProgress): Date | null => instantOf(p, 'inform', 'informedAt'),
} as const;
