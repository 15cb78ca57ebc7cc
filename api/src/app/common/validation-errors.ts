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
import { validationFailed } from './domain-error';
import { isStableQuery } from './stable-query';

/**
 * Polish wording for class-validator constraints, keyed by class-validator's own constraint names (a key spelt
 * by hand once missed `isIso8601`); a constraint not listed keeps its own (English) message.
 */
const POLISH: Record<string, (args: string[]) => string> = {
  whitelistValidation: () => 'Nieznane pole — usuń je z żądania.',
  nestedValidation: () => 'Nieprawidłowa wartość.',
  [IS_NOT_EMPTY]: () => 'Pole jest wymagane.',
  [IS_DEFINED]: () => 'Pole jest wymagane.',
  [IS_STRING]: () => 'Wartość musi być tekstem.',
  [IS_BOOLEAN]: () => 'Wartość musi być prawdą albo fałszem.',
  [IS_INT]: () => 'Wartość musi być liczbą całkowitą.',
  [IS_NUMBER]: () => 'Wartość musi być liczbą.',
  [IS_UUID]: () => 'Nieprawidłowy identyfikator.',
  [IS_EMAIL]: () => 'Nieprawidłowy adres e-mail.',
  [IS_IN]: (a) => `Dozwolone wartości: ${a.join(', ')}.`,
  [IS_ENUM]: () => 'Niedozwolona wartość.',
  [IS_DATE_STRING]: () => 'Nieprawidłowa data (oczekiwany format ISO 8601).',
  [IS_ISO8601]: () => 'Nieprawidłowa data (oczekiwany format ISO 8601, np. 2026-11-30T09:00:00+01:00).',
  [MIN_LENGTH]: (a) => `Za krótkie — co najmniej ${a[0]} znaków.`,
  [MAX_LENGTH]: (a) => `Za długie — najwyżej ${a[0]} znaków.`,
  [MIN]: (a) => `Wartość nie może być mniejsza niż ${a[0]}.`,
  [MAX]: (a) => `Wartość nie może być większa niż ${a[0]}.`,
  [MATCHES]: () => 'Nieprawidłowy format.',
  [IS_ARRAY]: () => 'Wartość musi być listą.',
  [ARRAY_MAX_SIZE]: (a) => `Najwyżej ${a[0]} elementów.`,
  [IS_OBJECT]: () => 'Wartość musi być obiektem.',
};

function describe(constraint: string, message: string, error: ValidationError): string {
  const template = POLISH[constraint];
  // A message written on the DTO is already meant for the clerk; only class-validator's defaults start with the property name.
  const isDefault =
    message.startsWith(`${error.property} `) ||
    message.startsWith('each value in ') ||
    constraint === 'whitelistValidation';
  if (!template || !isDefault) return message;
  const context = error.contexts?.[constraint] as { args?: string[] } | undefined;
  const args = context?.args ?? extractArgs(message);
  return template(args);
}

/** class-validator keeps constraint arguments only in the message; pull the numbers/lists back out. */
function extractArgs(message: string): string[] {
  const list = /following values: (.*)$/.exec(message);
  if (list) return list[1].split(',').map((s) => s.trim());
  const number = /(\d+)/.exec(message);
  return number ? [number[1]] : [];
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
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
      if (field)
        throw validationFailed({
          [field]: ['Tekst zawiera niedozwolone znaki sterujące — usuń je i spróbuj ponownie.'],
        });
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
