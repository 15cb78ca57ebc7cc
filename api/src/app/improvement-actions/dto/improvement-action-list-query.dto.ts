import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { StableQuery } from '../../common/stable-query';
import { ROOT_CAUSE_CODE } from '../../root-causes/dto/root-cause.dto';

@StableQuery()
export class ImprovementActionListQueryDto {
  @ApiPropertyOptional({ description: 'Only the actions of this root-cause category' })
  @IsOptional()
  @IsString()
  @Matches(ROOT_CAUSE_CODE, { message: 'Nieprawidłowy kod kategorii.' })
  rootCause?: string;
}
