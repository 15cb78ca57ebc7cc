import { ValidateIf } from 'class-validator';

/**
 * May be left out, but not sent as null: unlike @IsOptional(), a null still runs the other validators,
 * so `{"subject": null}` gets a 422 instead of reaching a NOT NULL column.
 */
export const Optional = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
