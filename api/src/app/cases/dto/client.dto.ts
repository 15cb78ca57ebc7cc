import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ClientDetails } from '@pu/contracts';
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
  @MaxLength(300)
  name?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @Transform(trimToNull)
  @ValidateIf(present('address'))
  @IsString()
  @MaxLength(500)
  address?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @Transform(trimToNull)
  @ValidateIf(present('phone'))
  @IsString()
  @MaxLength(50)
  phone?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @Transform(trimToNull)
  @ValidateIf(present('email'))
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Standard 23: accommodation need' })
  @Transform(trimToNull)
  @ValidateIf(present('accommodation'))
  @IsString()
  @MaxLength(500)
  accommodation?: string | null;
  @ApiPropertyOptional() @Optional() @IsBoolean() isCouncillorOrMp?: boolean;
}
