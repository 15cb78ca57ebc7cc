import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateRootCauseCategoryRequest, UpdateRootCauseCategoryRequest } from '@pu/contracts';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Optional } from '../../common/optional';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Codes are stored on cases and never change, so they are plain identifiers. */
export const ROOT_CAUSE_CODE = /^[a-z][a-z0-9_]{1,39}$/;
const CODE_MESSAGE = 'Kod kategorii: 2–40 małych liter, cyfr lub podkreśleń, zaczyna się literą, np. "parking".';

export class LabelDto {
  @ApiProperty({ example: 'Parkowanie' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Podaj nazwę po polsku.' })
  @MaxLength(200)
  pl!: string;
  @ApiProperty({ example: 'Parking' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Podaj nazwę po angielsku.' })
  @MaxLength(200)
  en!: string;
}

export class DescriptionDto {
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(2000) pl!: string;
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(2000) en!: string;
}

export class CreateRootCauseDto implements CreateRootCauseCategoryRequest {
  @ApiProperty({ example: 'parking' })
  @IsString()
  @Matches(ROOT_CAUSE_CODE, { message: CODE_MESSAGE })
  code!: string;
  @ApiProperty({ type: LabelDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => LabelDto)
  label!: LabelDto;
  @ApiPropertyOptional({ type: DescriptionDto, nullable: true })
  @ValidateIf((o: CreateRootCauseDto) => o.description !== null && o.description !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => DescriptionDto)
  description?: DescriptionDto | null;
}

export class UpdateRootCauseDto implements UpdateRootCauseCategoryRequest {
  @ApiPropertyOptional({ type: LabelDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => LabelDto)
  label?: LabelDto;
  @ApiPropertyOptional({ type: DescriptionDto, nullable: true })
  @ValidateIf((o: UpdateRootCauseDto) => o.description !== null && o.description !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => DescriptionDto)
  description?: DescriptionDto | null;
  @ApiPropertyOptional({ description: 'true retires the category, false brings it back' })
  @Optional()
  @IsBoolean()
  retired?: boolean;
}
