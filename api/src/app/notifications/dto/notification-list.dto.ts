import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../../common/optional';

export class NotificationListQueryDto {
  @ApiPropertyOptional({ default: 30, maximum: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional({ description: 'Only the unread ones' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString()
  @MaxLength(200)
  before?: string;
}
