import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type CreateUserRequest,
  type ResetPasswordRequest,
  type Role,
  type UpdateUserRequest,
} from '@pu/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Optional } from '../../common/optional';
import { messageRef } from '../../i18n/message-ref';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const passwordRule = messageRef('validation.password', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'jkowalska' })
  @Transform(lower)
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,49}$/, {
    message: messageRef('validation.username'),
  })
  username!: string;
  @ApiProperty({ example: 'Joanna Kowalska' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName!: string;
  @ApiPropertyOptional() @Optional() @Transform(trim) @IsEmail() @MaxLength(254) email?: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
  @ApiProperty() @IsUUID() departmentId!: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: passwordRule })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: passwordRule })
  password!: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional() @Optional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((o: UpdateUserDto) => o.email !== null && o.email !== undefined)
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
  @ApiPropertyOptional({ enum: ROLES }) @Optional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @Optional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional() @Optional() @IsBoolean() disabled?: boolean;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: passwordRule })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: passwordRule })
  password!: string;
}
