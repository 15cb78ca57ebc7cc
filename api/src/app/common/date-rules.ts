import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  DATE_YEARS,
  INSTANT_PATTERN,
  LOCAL_DATE_PATTERN,
  localDateProblem,
  readInstant,
  type InstantProblem,
} from '@pu/workflow';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { messageRef } from '../i18n/message-ref';

const YEARS = { min: DATE_YEARS.min, max: DATE_YEARS.max };
const OUT_OF_RANGE = messageRef('validation.yearOutOfRange', YEARS);
const BAD_INSTANT = messageRef('validation.badInstant');
const BAD_DAY = messageRef('validation.badDay', YEARS);

const message = (problem: InstantProblem | null, form: string) => (problem === 'range' ? OUT_OF_RANGE : form);
const instantProblem = (value: unknown) => {
  const read = readInstant(value);
  return 'at' in read ? null : read.problem;
};

/**
 * An instant in the API's one grammar (RFC 3339 date-time with seconds and an offset, see libs/workflow
 * local-date.ts) within the years any case can have: a year like 20266 or 0202 is a typing slip, and one near
 * 9999 would make a deadline computed from it unrepresentable. A valid value reaches the service as
 * `Date#toISOString()` text, so no code after validation depends on how leniently anything else parses dates.
 */
export const IsDateTime = () =>
  applyDecorators(
    ApiProperty({ type: String, format: 'date-time', pattern: INSTANT_PATTERN, example: '2026-11-30T09:00:00+01:00' }),
    Transform(({ value }: { value: unknown }) => {
      const read = readInstant(value);
      return 'at' in read ? read.at.toISOString() : value;
    }),
    ValidateBy({
      name: 'isDateTime',
      validator: {
        validate: (value: unknown) => instantProblem(value) === null,
        defaultMessage: (args) => message(instantProblem(args?.value), BAD_INSTANT),
      },
    }),
  );

/** A calendar day, 'YYYY-MM-DD' (RFC 3339 full-date), that exists and falls within DATE_YEARS. */
export const IsLocalDay = () =>
  applyDecorators(
    ApiProperty({ type: String, format: 'date', pattern: LOCAL_DATE_PATTERN, example: '2026-12-31' }),
    ValidateBy({
      name: 'localDay',
      validator: {
        validate: (value: unknown) => localDateProblem(value) === null,
        defaultMessage: (args) => message(localDateProblem(args?.value), BAD_DAY),
      },
    }),
  );
