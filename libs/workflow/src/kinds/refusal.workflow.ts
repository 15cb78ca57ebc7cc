import type { CaseProgress } from '../progress-types';
import type { WorkflowDef } from '../workflow-types';
import { COMMON_CONDUCT } from './common-conduct';
import { channelField, longtext, text } from './common-fields';
import { instantOf, textOf } from './step-facts';

/** Standard 19: "Przekazuj Klientowi decyzję odmowną w sposób okazujący poszanowanie jego osoby". */
export const REFUSAL_WORKFLOW: WorkflowDef = {
  kind: 'refusal',
  standard: 19,
  title: { pl: 'Decyzja odmowna', en: 'Refusal' },
  purpose: {
    pl: 'Przekazuj Klientowi decyzję odmowną w sposób okazujący poszanowanie jego osoby. Dołóż wszelkich starań, aby Klient zrozumiał, że odmowa dotyczy aktualnej sytuacji i decyzja może się zmienić w przyszłości, jeśli sytuacja Klienta ulegnie zmianie.',
    en: 'Deliver a refusal in a way that shows respect for the person. Do everything you can so the client understands that the refusal concerns their current situation and the decision may change if their situation changes.',
  },
  steps: [
    {
      id: 'decision',
      required: true,
      title: { pl: 'Wskaż decyzję', en: 'Identify the decision' },
      guidance: {
        pl: 'Skoncentruj się na sprawie, z jaką Klient zgłosił się do Urzędu. Precyzyjnie określ, czego dotyczy decyzja odmowna.',
        en: 'Focus on the matter the client came to the office with. State precisely what the refusal concerns.',
      },
      source: 'Standard 19 pkt 1–2',
      fields: [
        text('decisionReference', { pl: 'Znak decyzji', en: 'Decision reference' }),
        longtext('scope', { pl: 'Czego dotyczy odmowa', en: 'What is refused' }),
      ],
    },
    {
      id: 'deliver',
      required: true,
      title: { pl: 'Przekaż decyzję odmowną', en: 'Deliver the refusal' },
      guidance: {
        pl: 'Rozpocznij rozmowę w sposób adekwatny do sytuacji (bez okazywania emocji). Szybko przejdź do przekazania trudnej informacji. Przekaż decyzję odmowną w sposób jasny i zdecydowany.',
        en: 'Open the conversation in a way that fits the situation (without showing emotion). Get quickly to the difficult news. Deliver the refusal clearly and decisively.',
      },
      source: 'Standard 19 pkt 1–2',
      fields: [
        {
          id: 'deliveredAt',
          type: 'datetime',
          label: { pl: 'Kiedy doręczono decyzję', en: 'Delivered at' },
          required: true,
          help: {
            pl: 'Od doręczenia liczy się 14-dniowy termin na odwołanie (art. 129 § 2 KPA).',
            en: 'The 14-day appeal period runs from delivery (KPA art. 129 § 2).',
          },
        },
        channelField('channel', { pl: 'Jak przekazano', en: 'Delivered by' }),
      ],
    },
    {
      id: 'justify',
      required: true,
      title: { pl: 'Uzasadnij odmowę', en: 'Justify the refusal' },
      guidance: {
        pl: 'Przedstaw Klientowi dokładne uzasadnienie odmowy. Należy powoływać się w nim jedynie na fakty.',
        en: 'Give the client the exact reasons for the refusal, citing facts only.',
      },
      source: 'Standard 19 pkt 3',
      fields: [
        longtext('facts', { pl: 'Fakty', en: 'Facts' }),
        longtext('legalBasis', { pl: 'Podstawa prawna', en: 'Legal basis' }),
      ],
    },
    {
      id: 'emotions',
      required: false,
      title: { pl: 'Okaż zrozumienie dla emocji', en: "Acknowledge the client's emotions" },
      guidance: {
        pl: 'Okaż zrozumienie dla emocji Klienta. Pozwól mu wyrazić swoje emocje. Powiedz: „Wyobrażam sobie, że czuje się Pan/i zdenerwowany/a”, jeżeli taka sytuacja ma miejsce. Nie mów, że wiesz, jak czuje się klient.',
        en: 'Show understanding for the client\'s emotions and let them express them. Say "I imagine you feel upset" if that is the case. Never say you know how the client feels.',
      },
      source: 'Standard 19 pkt 4',
      fields: [longtext('clientReaction', { pl: 'Reakcja klienta', en: "Client's reaction" })],
    },
    {
      id: 'alternative',
      required: false,
      title: { pl: 'Zaproponuj rozwiązanie alternatywne', en: 'Offer an alternative' },
      guidance: {
        pl: 'Ewentualnie zaproponuj rozwiązanie alternatywne, które pomoże Klientowi rozwiązać jego problem.',
        en: 'Where possible, offer an alternative that may help the client solve their problem.',
      },
      source: 'Standard 19 pkt 5',
      fields: [longtext('alternative', { pl: 'Proponowane rozwiązanie alternatywne', en: 'Alternative offered' })],
    },
    {
      id: 'farewell',
      required: true,
      title: { pl: 'Pożegnaj klienta i poucz o odwołaniu', en: 'Close the conversation; explain the appeal' },
      guidance: {
        pl: 'Pożegnaj Klienta. Doceń jego wysiłki pozytywnego załatwienia swojej sprawy. Poinformuj, że odwołanie wnosi się w terminie 14 dni od dnia doręczenia decyzji (art. 129 § 2 KPA).',
        en: "Say goodbye to the client, appreciating their efforts to get their matter settled. Tell them an appeal may be lodged within 14 days of the decision's delivery (KPA art. 129 § 2).",
      },
      source: 'Standard 19 pkt 6; KPA art. 129 § 2',
      fields: [
        {
          id: 'appealInfoGiven',
          type: 'boolean',
          label: { pl: 'Pouczono o możliwości odwołania', en: 'Appeal information given' },
          required: true,
        },
        {
          id: 'appealDeadline',
          type: 'date',
          label: { pl: 'Termin na odwołanie', en: 'Appeal deadline' },
          required: false,
          requiredWhen: { field: 'appealInfoGiven', in: [true] },
          computedFrom: 'appeal',
          help: {
            pl: '14 dni od doręczenia decyzji (art. 129 § 2 KPA), wyliczone z daty doręczenia.',
            en: '14 days from delivery of the decision (KPA art. 129 § 2), computed from the delivery date.',
          },
        },
      ],
    },
  ],
  conduct: [
    {
      source: 'Standard 19 – uzasadnienie',
      pl: 'Dołóż wszelkich starań, aby Klient zrozumiał, że odmowa dotyczy aktualnej sytuacji i decyzja może się zmienić w przyszłości, jeśli sytuacja Klienta ulegnie zmianie.',
      en: 'Do everything you can so the client understands the refusal concerns their current situation and the decision may change if their situation changes.',
    },
    {
      source: 'Standard 19 pkt 4',
      pl: 'Nie mów, że wiesz, jak czuje się klient.',
      en: 'Never say you know how the client feels.',
    },
    ...COMMON_CONDUCT,
  ],
};

/** What other code reads from a refusal's steps. */
export const REFUSAL_FACTS = {
  /** When the decision was delivered: the appeal period runs from here (KPA art. 129 § 2). */
  deliveredAt: (p: CaseProgress): Date | null => instantOf(p, 'deliver', 'deliveredAt'),
  /** The appeal deadline the client was told at the farewell. */
  appealDeadlineTold: (p: CaseProgress): string | null => textOf(p, 'farewell', 'appealDeadline'),
} as const;
