import type { LocalizedText } from './localized-text';
import type { ChoiceOption } from './workflow-types';

/** How a client reached the office, or how the office answers or keeps a promise. */
export const CHANNELS = ['in_person', 'phone', 'email', 'letter', 'epuap'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Readonly<Record<Channel, LocalizedText>> = {
  in_person: { pl: 'Osobiście', en: 'In person' },
  phone: { pl: 'Telefonicznie', en: 'By phone' },
  email: { pl: 'E-mail', en: 'Email' },
  letter: { pl: 'Pismo (poczta)', en: 'Letter (post)' },
  epuap: { pl: 'ePUAP', en: 'ePUAP' },
};

/** A complaint is settled in writing (KPA art. 238), so a phone call cannot be its reply. */
export const REPLY_CHANNELS = ['letter', 'epuap', 'email', 'in_person'] as const satisfies readonly Channel[];
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

export const COMPLAINT_OUTCOMES = [
  'justified',
  'partly_justified',
  'unjustified',
  'forwarded',
  'left_without_consideration',
  'position_maintained',
] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
export const COMPLAINT_OUTCOME_LABELS: Readonly<Record<ComplaintOutcome, LocalizedText>> = {
  justified: { pl: 'Zasadna', en: 'Justified' },
  partly_justified: { pl: 'Częściowo zasadna', en: 'Partly justified' },
  unjustified: { pl: 'Bezzasadna', en: 'Unjustified' },
  forwarded: {
    pl: 'Przekazana organowi właściwemu (art. 231 KPA)',
    en: 'Forwarded to the competent body (KPA art. 231)',
  },
  left_without_consideration: { pl: 'Pozostawiona bez rozpatrzenia', en: 'Left without consideration' },
  position_maintained: {
    pl: 'Podtrzymano stanowisko – skarga ponowiona bez nowych okoliczności (art. 239 KPA)',
    en: 'Position maintained – repeated complaint with no new circumstances (KPA art. 239)',
  },
};
/** Outcomes that need no conversation with the client, so they may be recorded at any point. */
export const EARLY_COMPLAINT_OUTCOMES = [
  'forwarded',
  'left_without_consideration',
  'position_maintained',
] as const satisfies readonly ComplaintOutcome[];
/** Outcomes of which the complainant is notified in writing (KPA art. 238; art. 231 for forwarding). */
export const NOTIFIED_COMPLAINT_OUTCOMES = [
  'justified',
  'partly_justified',
  'unjustified',
  'forwarded',
] as const satisfies readonly ComplaintOutcome[];

export const SATISFACTION_LEVELS = ['yes', 'partly', 'no'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
export const SATISFACTION_LABELS: Readonly<Record<Satisfaction, LocalizedText>> = {
  yes: { pl: 'Tak', en: 'Yes' },
  partly: { pl: 'Częściowo', en: 'Partly' },
  no: { pl: 'Nie', en: 'No' },
};

export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];
export const YES_NO_LABELS: Readonly<Record<YesNo, LocalizedText>> = {
  yes: { pl: 'Tak', en: 'Yes' },
  no: { pl: 'Nie', en: 'No' },
};

export const QUIET_PLACE_RESPONSES = ['offered', 'accepted', 'not_possible'] as const;
export type QuietPlaceResponse = (typeof QUIET_PLACE_RESPONSES)[number];
export const QUIET_PLACE_LABELS: Readonly<Record<QuietPlaceResponse, LocalizedText>> = {
  offered: { pl: 'Zaproponowano (klient nie skorzystał)', en: 'Offered (client declined)' },
  accepted: { pl: 'Zaproponowano i klient skorzystał', en: 'Offered and accepted' },
  not_possible: { pl: 'Nie było takiej możliwości', en: 'Not possible' },
};

export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];
export const INCIDENT_SEVERITY_LABELS: Readonly<Record<IncidentSeverity, LocalizedText>> = {
  low: { pl: 'Niska – podniesiony głos, pojedyncza uwaga', en: 'Low – raised voice, a single remark' },
  medium: { pl: 'Średnia – powtarzające się obelgi', en: 'Medium – repeated insults' },
  high: { pl: 'Wysoka – groźby, wulgaryzmy, zniszczenie mienia', en: 'High – threats, vulgarity, damage to property' },
  critical: {
    pl: 'Krytyczna – przemoc fizyczna lub wezwanie policji',
    en: 'Critical – physical violence or police called',
  },
};

export const INCIDENT_EVENT_KINDS = [
  'insult',
  'vulgar_insult',
  'threat',
  'shouting',
  'property_damage',
  'physical',
  'other',
] as const;
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];
export const INCIDENT_EVENT_KIND_LABELS: Readonly<Record<IncidentEventKind, LocalizedText>> = {
  insult: { pl: 'Obraźliwe słowa', en: 'Insult' },
  vulgar_insult: { pl: 'Wulgarna obelga', en: 'Vulgar insult' },
  threat: { pl: 'Groźba', en: 'Threat' },
  shouting: { pl: 'Krzyk', en: 'Shouting' },
  property_damage: { pl: 'Zniszczenie mienia', en: 'Damage to property' },
  physical: { pl: 'Naruszenie nietykalności / przemoc fizyczna', en: 'Physical contact / violence' },
  other: { pl: 'Inne', en: 'Other' },
};
/** One time-stamped entry of the aggressive-client incident log (`events` field). */
export interface IncidentEvent {
  kind: IncidentEventKind;
  /** ISO 8601 instant. */
  at: string;
  note?: string;
}

export interface RootCauseCategory {
  code: string;
  label: LocalizedText;
  /** Retired: still named on the cases that carry it, no longer offered for new ones. */
  retired?: boolean;
}
/**
 * The categories an office starts with. The quality officer owns the list: it lives in the
 * `root_cause_categories` table, which migration 1764000300000 filled with these, and the API and the SPA
 * read it from there. Stored codes are plain strings rather than this union.
 */
export const DEFAULT_ROOT_CAUSES = [
  { code: 'waiting_time', label: { pl: 'Czas oczekiwania', en: 'Waiting time' } },
  { code: 'staff_conduct', label: { pl: 'Zachowanie pracownika', en: 'Staff conduct' } },
  {
    code: 'unclear_information',
    label: { pl: 'Niejasna lub niepełna informacja', en: 'Unclear or incomplete information' },
  },
  { code: 'no_contact', label: { pl: 'Brak obiecanego kontaktu zwrotnego', en: 'Promised contact not made' } },
  { code: 'procedure', label: { pl: 'Procedura lub przepisy', en: 'Procedure or regulation' } },
  { code: 'office_error', label: { pl: 'Błąd urzędu', en: 'Office error' } },
  {
    code: 'accessibility',
    label: { pl: 'Dostępność budynku i stanowisk obsługi', en: 'Accessibility of premises and desks' },
  },
  { code: 'it_system', label: { pl: 'System informatyczny / e-usługi', en: 'IT system / e-services' } },
  { code: 'other', label: { pl: 'Inne', en: 'Other' } },
] as const satisfies readonly RootCauseCategory[];
export type DefaultRootCauseCode = (typeof DEFAULT_ROOT_CAUSES)[number]['code'];

/** Turns a label table into choice options, in the order of the value list. */
export function toOptions<V extends string>(
  values: readonly V[],
  labels: Readonly<Record<V, LocalizedText>>,
): ChoiceOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
