import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import {
  ARRAY_MAX_SIZE,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_DATE_STRING,
  IS_DEFINED,
  IS_EMAIL,
  IS_ENUM,
  IS_IN,
  IS_INT,
  IS_ISO8601,
  IS_NOT_EMPTY,
  IS_NUMBER,
  IS_OBJECT,
  IS_STRING,
  IS_UUID,
  MATCHES,
  MAX,
  MAX_LENGTH,
  MIN,
  MIN_LENGTH,
} from 'class-validator';
import { message, type LocalizedText } from '@pu/workflow';
import { type ErrorText, type FieldMessages, validationFailed } from './domain-error';
import { fromMessageRef } from '../i18n/message-ref';
import { isStableQuery } from './stable-query';

/**
 * The catalogue's wording for class-validator constraints, keyed by class-validator's own constraint names (a key
 * spelt by hand once missed `isIso8601`); a constraint not listed keeps its own (English) message.
 */
const WORDING: Record<string, (args: string[]) => LocalizedText> = {
  whitelistValidation: () => message('validation.unknownField'),
  nestedValidation: () => message('validation.invalid'),
  [IS_NOT_EMPTY]: () => message('validation.required'),
  [IS_DEFINED]: () => message('validation.required'),
  [IS_STRING]: () => message('validation.string'),
  [IS_BOOLEAN]: () => message('validation.boolean'),
  [IS_INT]: () => message('validation.int'),
  [IS_NUMBER]: () => message('validation.number'),
  [IS_UUID]: () => message('validation.uuid'),
  [IS_EMAIL]: () => message('validation.email'),
  [IS_IN]: (a) => message('validation.in', { values: a.join(', ') }),
  [IS_ENUM]: () => message('validation.enum'),
  [IS_DATE_STRING]: () => message('validation.dateString'),
  [IS_ISO8601]: () => message('validation.iso8601'),
  [MIN_LENGTH]: (a) => message('validation.minLength', { n: a[0] ?? '' }),
  [MAX_LENGTH]: (a) => message('validation.maxLength', { n: a[0] ?? '' }),
  [MIN]: (a) => message('validation.min', { n: a[0] ?? '' }),
  [MAX]: (a) => message('validation.max', { n: a[0] ?? '' }),
  [MATCHES]: () => message('validation.matches'),
  [IS_ARRAY]: () => message('validation.array'),
  [ARRAY_MAX_SIZE]: (a) => message('validation.arrayMaxSize', { n: a[0] ?? '' }),
  [IS_OBJECT]: () => message('validation.object'),
};

function describe(constraint: string, text: string, error: ValidationError): ErrorText {
  const catalogued = fromMessageRef(text);
  if (catalogued) return catalogued;
  const template = WORDING[constraint];
  // A message written on the DTO is already meant for the clerk; only class-validator's defaults start with the property name.
  const isDefault =
    text.startsWith(`${error.property} `) || text.startsWith('each value in ') || constraint === 'whitelistValidation';
  if (!template || !isDefault) return text;
  const context = error.contexts?.[constraint] as { args?: string[] } | undefined;
  const args = context?.args ?? extractArgs(text);
  return template(args);
}

/** class-validator keeps constraint arguments only in the message; pull the numbers/lists back out. */
function extractArgs(message: string): string[] {
  const list = /following values: (.*)$/.exec(message);
  if (list) return list[1].split(',').map((s) => s.trim());
  const number = /(\d+)/.exec(message);
  return number ? [number[1]] : [];
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldMessages {
  const fields: Record<string, ErrorText[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      fields[path] = Object.entries(error.constraints).map(([c, m]) => describe(c, m, error));
    }
    if (error.children?.length) Object.assign(fields, flattenValidationErrors(error.children, path));
  }
  return fields;
}

/** NUL and unpaired surrogates cannot be stored as PostgreSQL text: refuse them with the field's name. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findUnstorableText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || 'body' : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (UNSTORABLE.test(key)) return path || 'body';
    const found = findUnstorableText(child, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The global pipe: unstorable characters first (in any body, typed or not), then class-validator. */
class ApiValidationPipe extends ValidationPipe {
  private readonly queries = new ValidatedQueries();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only a query read into a DTO class: one taken as a plain object is the request's own, not to be kept.
    if (metadata.type === 'query' && this.toValidate(metadata))
      return this.queries.get(value, metadata, () => this.checkAndValidate(value, metadata));
    return this.checkAndValidate(value, metadata);
  }

  private async checkAndValidate(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const field = findUnstorableText(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (field) throw validationFailed({ [field]: [message('validation.controlChars')] });
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/**
 * Query DTOs already validated, by class and query string. A list screen asks the same query again and again
 * (paging back, refreshing), and class-validator was a twentieth of the case list's CPU. Only successes are kept,
 * frozen because every request with that query gets the same object, and only for DTOs marked @StableQuery()
 * (stable-query.ts): their answer for one query string cannot change, as no default or clock is read in them.
 */
class ValidatedQueries {
  private static readonly PER_CLASS = 256;
  /** null: a class whose queries are validated every time. */
  private readonly byClass = new Map<unknown, Map<string, unknown> | null>();

  async get(value: unknown, metadata: ArgumentMetadata, validate: () => Promise<unknown>): Promise<unknown> {
    const dto = metadata.metatype;
    if (!dto || typeof value !== 'object' || value === null) return validate();
    let memo = this.byClass.get(dto);
    if (memo === undefined) this.byClass.set(dto, (memo = isStableQuery(dto) ? new Map<string, unknown>() : null));
    if (memo === null) return validate();
    const key = JSON.stringify(value);
    if (memo.has(key)) return memo.get(key);
    const validated = Object.freeze(await validate());
    // Oldest first out: a Map iterates in insertion order.
    if (memo.size >= ValidatedQueries.PER_CLASS) memo.delete(memo.keys().next().value as string);
    memo.set(key, validated);
    return validated;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
