import { applyDecorators } from '@nestjs/common';
import { DATE_YEARS, hasPlausibleYear, isLocalDate } from '@pu/workflow';
import { isISO8601, IsISO8601, ValidateBy } from 'class-validator';

const OUT_OF_RANGE = `Rok spoza zakresu ${DATE_YEARS.min}–${DATE_YEARS.max} — sprawdź datę.`;

/**
 * An ISO 8601 date or date-time within the years any case can have (DATE_YEARS in libs/workflow): a year like
 * 20266 or 0202 is a typing slip, and one near 9999 would make a deadline computed from it unrepresentable.
 */
export const IsDateTime = () =>
  applyDecorators(
    IsISO8601({ strict: true }),
    ValidateBy({
      name: 'plausibleYear',
      // A value that is not ISO 8601 at all gets the format message only.
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !isISO8601(value, { strict: true }) || hasPlausibleYear(value),
        defaultMessage: () => OUT_OF_RANGE,
      },
    }),
  );

/** A calendar day, 'YYYY-MM-DD', that exists and falls within DATE_YEARS. */
export const IsLocalDay = () =>
  ValidateBy({
    name: 'localDay',
    validator: {
      validate: (value: unknown) => isLocalDate(value),
      defaultMessage: () => `Podaj istniejący dzień w formacie RRRR-MM-DD z lat ${DATE_YEARS.min}–${DATE_YEARS.max}.`,
    },
  });
