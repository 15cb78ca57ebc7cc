import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateDepartmentRequest, UpdateDepartmentRequest } from '@pu/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional';
import { messageRef } from '../../i18n/message-ref';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const SYMBOL = /^[A-Z][A-Z0-9-]{0,9}$/;
const SYMBOL_MESSAGE = messageRef('validation.departmentSymbol');

export class CreateDepartmentDto implements CreateDepartmentRequest {
  @ApiProperty({ example: 'OR' })
  @Transform(trim)
  @IsString()
  @Matches(SYMBOL, { message: SYMBOL_MESSAGE })
  symbol!: string;
  @ApiProperty({ example: 'Wydział Organizacyjny' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

export class UpdateDepartmentDto implements UpdateDepartmentRequest {
  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString()
  @Matches(SYMBOL, { message: SYMBOL_MESSAGE })
  symbol?: string;
  @ApiPropertyOptional() @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @Optional() @IsBoolean() active?: boolean;
}
