import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ClientDetails } from '@pu/contracts';
import { CASE_TEXT_LIMITS } from '@pu/workflow';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsString, MaxLength, ValidateIf } from 'class-validator';
import { Optional } from '../../common/optional';

export const trimToNull = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  return t === '' ? null : t;
};
const present = (field: keyof ClientDetails) => (o: ClientDto) => o[field] !== null && o[field] !== undefined;

export class ClientDto implements ClientDetails {
  @ApiPropertyOptional({ nullable: true })
  @Transform(trimToNull)
  @ValidateIf(present('name'))
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.clientName)
  name?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @Transform(trimToNull)
  @ValidateIf(present('address'))
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.clientAddress)
  address?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @Transform(trimToNull)
  @ValidateIf(present('phone'))
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.clientPhone)
  phone?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @Transform(trimToNull)
  @ValidateIf(present('email'))
  @IsEmail()
  @MaxLength(CASE_TEXT_LIMITS.clientEmail)
  email?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Standard 23: accommodation need' })
  @Transform(trimToNull)
  @ValidateIf(present('accommodation'))
  @IsString()
  @MaxLength(CASE_TEXT_LIMITS.clientAccommodation)
  accommodation?: string | null;
  @ApiPropertyOptional() @Optional() @IsBoolean() isCouncillorOrMp?: boolean;
}
