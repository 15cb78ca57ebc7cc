import { message, type LocalizedText, type MessageArgs, type MessageKey } from '@pu/workflow';

// class-validator takes a message as a string, fixed when the DTO class is declared, before any request has a
// language. A DTO names a catalogue message instead; the validation pipe turns it into both languages.
const PREFIX = 'i18n:';

/** `@Matches(RE, { message: messageRef('validation.username') })`. */
export function messageRef<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
  return `${PREFIX}${key}${args[0] ? JSON.stringify(args[0]) : ''}`;
}

/** The catalogue message a `messageRef` names, or null for any other text. */
export function fromMessageRef(text: string): LocalizedText | null {
  if (!text.startsWith(PREFIX)) return null;
  const brace = text.indexOf('{');
  const key = (brace < 0 ? text.slice(PREFIX.length) : text.slice(PREFIX.length, brace)) as MessageKey;
  const params = brace < 0 ? undefined : (JSON.parse(text.slice(brace)) as Record<string, unknown>);
  return (message as (k: MessageKey, p?: Record<string, unknown>) => LocalizedText)(key, params);
}
