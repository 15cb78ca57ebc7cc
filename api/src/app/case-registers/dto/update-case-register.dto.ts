import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateCaseRegisterRequest } from '@pu/contracts';
import { JRWA_SYMBOL } from '@pu/workflow';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from '../../common/optional';
import { messageRef } from '../../i18n/message-ref';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UpdateCaseRegisterDto implements UpdateCaseRegisterRequest {
  @ApiPropertyOptional({ example: '1510', description: 'JRWA symbol of the register' })
  @Optional()
  @Transform(trim)
  @IsString()
  @Matches(JRWA_SYMBOL, {
    message: messageRef('validation.jrwaSymbol'),
  })
  jrwa?: string;

  @ApiPropertyOptional({
    example: '{department}.1510.{n}.{yyyy}',
    description: 'With {department}, {jrwa}, {n}, {yyyy}',
  })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  format?: string;
}
