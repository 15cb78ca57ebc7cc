import { Param, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { notFound } from './domain-error';

/** A malformed id can name nothing: answer 404, as for an id that does not exist. */
class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw notFound();
    return value;
  }
}

export const IdParam = (name = 'id') => Param(name, new IdPipe());
