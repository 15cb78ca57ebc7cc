import {
  CHANNEL_LABELS,
  CHANNELS,
  QUIET_PLACE_LABELS,
  QUIET_PLACE_RESPONSES,
  SATISFACTION_LABELS,
  SATISFACTION_LEVELS,
  toOptions,
} from '../enums';
import type { LocalizedText } from '../localized-text';
import type { FieldDef } from '../workflow-types';

// Builders for fields that recur across kinds, so the same datum has the same id, label and
// options everywhere (reports aggregate them across kinds).

export function longtext(id: string, label: LocalizedText, required = true, help?: LocalizedText): FieldDef {
  return { id, type: 'longtext', label, required, ...(help ? { help } : {}) };
}

export function text(id: string, label: LocalizedText, required = true, help?: LocalizedText): FieldDef {
  return { id, type: 'text', label, required, ...(help ? { help } : {}) };
}

export function confirmation(id: string, label: LocalizedText): FieldDef {
  return { id, type: 'boolean', label, required: true, mustBeTrue: true };
}

export function channelField(id: string, label: LocalizedText): FieldDef {
  return { id, type: 'choice', label, required: true, options: toOptions(CHANNELS, CHANNEL_LABELS) };
}

export const quietPlaceField: FieldDef = {
  id: 'quietPlace',
  type: 'choice',
  label: { pl: 'Spokojne miejsce do rozmowy', en: 'Quiet place to talk' },
  required: true,
  options: toOptions(QUIET_PLACE_RESPONSES, QUIET_PLACE_LABELS),
};

export const satisfactionField: FieldDef = {
  id: 'satisfaction',
  type: 'choice',
  label: { pl: 'Czy klient jest zadowolony z rozwiązania?', en: 'Is the client satisfied with the resolution?' },
  required: true,
  options: toOptions(SATISFACTION_LEVELS, SATISFACTION_LABELS),
};

export const expectationField: FieldDef = {
  id: 'expectation',
  type: 'longtext',
  label: { pl: 'Czego oczekuje klient', en: 'What the client expects' },
  required: false,
  requiredWhen: { field: 'satisfaction', in: ['partly', 'no'] },
};

export const restatementFields: FieldDef[] = [
  longtext('restatement', { pl: 'Sprawa opisana własnymi słowami', en: 'The matter restated in your own words' }),
  {
    id: 'clientConfirmed',
    type: 'boolean',
    label: { pl: 'Klient potwierdził, że dobrze zrozumiano', en: 'The client confirmed it was understood correctly' },
    required: true,
  },
];
