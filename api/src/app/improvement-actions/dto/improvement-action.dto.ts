import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateImprovementActionRequest, UpdateImprovementActionRequest } from '@pu/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsLocalDay } from '../../common/date-rules';
import { Optional } from '../../common/optional';
import { ROOT_CAUSE_CODE } from '../../root-causes/dto/root-cause.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const CODE_MESSAGE = 'Wybierz kategorię przyczyny z listy.';

export class CreateImprovementActionDto implements CreateImprovementActionRequest {
  @ApiProperty({ example: 'waiting_time' })
  @IsString()
  @Matches(ROOT_CAUSE_CODE, { message: CODE_MESSAGE })
  rootCause!: string;
  @ApiProperty({ example: 'Drugie stanowisko obsługi w godzinach szczytu' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Opisz działanie.' })
  @MaxLength(2000)
  what!: string;
  @ApiProperty({ example: 'Kierownik Wydziału Spraw Obywatelskich' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Podaj, kto odpowiada za działanie.' })
  @MaxLength(200)
  owner!: string;
  @IsLocalDay() dueOn!: string;
  @ApiPropertyOptional({ nullable: true, format: 'date' })
  @ValidateIf((o: CreateImprovementActionDto) => o.doneOn !== null && o.doneOn !== undefined)
  @IsLocalDay()
  doneOn?: string | null;
  @ApiProperty({ example: 'Skrócenie czasu oczekiwania o połowę' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Podaj oczekiwany efekt.' })
  @MaxLength(2000)
  expectedEffect!: string;
}

export class UpdateImprovementActionDto implements UpdateImprovementActionRequest {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Matches(ROOT_CAUSE_CODE, { message: CODE_MESSAGE })
  rootCause?: string;
  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Opisz działanie.' })
  @MaxLength(2000)
  what?: string;
  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Podaj, kto odpowiada za działanie.' })
  @MaxLength(200)
  owner?: string;
  @Optional() @IsLocalDay() dueOn?: string;
  @ApiPropertyOptional({ nullable: true, format: 'date' })
  @ValidateIf((o: UpdateImprovementActionDto) => o.doneOn !== null && o.doneOn !== undefined)
  @IsLocalDay()
  doneOn?: string | null;
  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Podaj oczekiwany efekt.' })
  @MaxLength(2000)
  expectedEffect?: string;
}
