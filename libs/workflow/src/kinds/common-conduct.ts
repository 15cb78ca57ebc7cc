import type { ConductRule } from '../workflow-types';

/** Rules of standards 11, 12, 17 and 23 that hold in every kind of case. */
export const COMMON_CONDUCT: readonly ConductRule[] = [
  {
    source: 'Standard 11 pkt 5',
    pl: 'Podaj dokładny termin załatwienia jego sprawy.',
    en: 'Give the client the exact date by which their matter will be settled.',
  },
  {
    source: 'Standard 12 pkt 3',
    pl: 'Nigdy nie rozmawiaj przy Kliencie o sprawach innych Klientów.',
    en: "Never discuss other clients' matters in front of a client.",
  },
  {
    source: 'Standard 17 pkt 4–5',
    pl: 'Zawsze kontaktuj się z Klientem w ustalonym z Nim terminie. Jeśli w ustalonym terminie nie masz dla Klienta obiecanych informacji, zadzwoń do Niego podając nowy termin kontaktu.',
    en: 'Always contact the client at the time agreed with them. If you do not have the promised information by then, call them and give a new date of contact.',
  },
  {
    source: 'Standard 23 pkt 1–3',
    pl: 'Jeżeli jest taka możliwość, obsługuj osoby starsze i niepełnosprawne w miejscu do tego przeznaczonym, a jeśli go nie ma – w miejscu dla nich dogodnym. Bądź wyczulony, ale delikatny: po niektórych osobach nie widać niepełnosprawności; inne z kolei nie lubią być w sposób szczególny traktowane.',
    en: 'Where possible, serve older and disabled clients at the place set aside for it, or else wherever in the office suits them. Be attentive but tactful: some disabilities are not visible, and some people do not like being treated specially.',
  },
];
