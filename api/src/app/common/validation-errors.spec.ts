import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max } from 'class-validator';
import { DomainError } from './domain-error';
import { createValidationPipe } from './validation-errors';

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
});
