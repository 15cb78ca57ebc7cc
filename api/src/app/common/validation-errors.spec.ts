import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max } from 'class-validator';
import { Clock } from './clock';
import { DomainError } from './domain-error';
import { StableQuery } from './stable-query';
import { createValidationPipe } from './validation-errors';

@StableQuery()
class PageQuery {
  @IsOptional() @IsIn(['a', 'b']) sort?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Max(100) limit?: number;
  @IsOptional() @IsString() q?: string;
}

const asQuery = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'query', metatype });

describe('The validation pipe on query strings', () => {
  it('answers a repeated query with the same validated, frozen object', async () => {
    const pipe = createValidationPipe();
    const first = (await pipe.transform({ sort: 'a', limit: '25' }, asQuery(PageQuery))) as PageQuery;
    const again = await pipe.transform({ sort: 'a', limit: '25' }, asQuery(PageQuery));
    expect(first).toBeInstanceOf(PageQuery);
    expect(first).toEqual({ sort: 'a', limit: 25 });
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(await pipe.transform({ sort: 'b', limit: '25' }, asQuery(PageQuery))).toEqual({ sort: 'b', limit: 25 });
  });

  it('refuses an invalid query every time it comes, naming the field', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 2; i++) {
      const error = await pipe.transform({ limit: '1000' }, asQuery(PageQuery)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).fields).toHaveProperty('limit');
    }
    const unknownField = await pipe.transform({ color: 'red' }, asQuery(PageQuery)).catch((e: unknown) => e);
    expect((unknownField as DomainError).fields).toHaveProperty('color');
  });

  it('refuses control characters before anything is kept', async () => {
    const pipe = createValidationPipe();
    const error = await pipe.transform({ sort: 'a\u0000' }, asQuery(PageQuery)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
  });

  it('keeps nothing for a query taken as a plain object', async () => {
    const pipe = createValidationPipe();
    const raw = { anything: 'x' };
    expect(await pipe.transform(raw, asQuery(Object))).toBe(raw);
    expect(Object.isFrozen(raw)).toBe(false);
  });

  it('keeps a bounded number of queries per class', async () => {
    const pipe = createValidationPipe();
    const first = await pipe.transform({ limit: '0' }, asQuery(PageQuery));
    for (let i = 1; i <= 300; i++) await pipe.transform({ q: `query ${i}` }, asQuery(PageQuery));
    expect(await pipe.transform({ limit: '0' }, asQuery(PageQuery))).not.toBe(first);
  });

  describe('and the clock', () => {
    class SettableClock extends Clock {
      at = new Date('2026-03-02T09:00:00Z');
      now(): Date {
        return new Date(this.at);
      }
    }
    const clock = new SettableClock();

    /** "Due before now" unless the query says otherwise: a default read from the clock. */
    class DueQuery {
      @IsOptional() @IsString() dueBefore: string = clock.now().toISOString();
    }
    @StableQuery()
    class MarkedDueQuery {
      @IsOptional() @IsString() dueBefore: string = clock.now().toISOString();
    }

    it('validates a query DTO without the stable mark anew on every request, so its defaults follow the clock', async () => {
      const pipe = createValidationPipe();
      const first = (await pipe.transform({}, asQuery(DueQuery))) as DueQuery;
      clock.at = new Date('2026-03-02T10:30:00Z');
      const later = (await pipe.transform({}, asQuery(DueQuery))) as DueQuery;
      expect(first.dueBefore).toBe('2026-03-02T09:00:00.000Z');
      expect(later.dueBefore).toBe('2026-03-02T10:30:00.000Z');
      expect(Object.isFrozen(later)).toBe(false);
    });

    it('refuses to keep a DTO marked stable that fills in a value itself', async () => {
      const pipe = createValidationPipe();
      const error = await pipe.transform({}, asQuery(MarkedDueQuery)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/MarkedDueQuery .*dueBefore/);
    });
  });
});
