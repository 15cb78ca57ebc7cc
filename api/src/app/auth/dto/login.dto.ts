import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@pu/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'urzednik' }) @IsString() @IsNotEmpty() @MaxLength(100) username!: string;
  @ApiProperty({ example: 'Demo-haslo-2026' }) @IsString() @IsNotEmpty() @MaxLength(256) password!: string;
}
