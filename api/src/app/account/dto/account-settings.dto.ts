import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMAIL_MODES,
  USER_LANGUAGES,
  type EmailMode,
  type UpdateAccountSettingsRequest,
  type UserLanguage,
} from '@pu/contracts';
import { IsIn } from 'class-validator';
import { Optional } from '../../common/optional';

export class UpdateAccountSettingsDto implements UpdateAccountSettingsRequest {
  @ApiPropertyOptional({ enum: EMAIL_MODES, description: 'all: each notification and the morning digest' })
  @Optional()
  @IsIn(EMAIL_MODES, { message: `emailMode: jedno z ${EMAIL_MODES.join(', ')}.` })
  emailMode?: EmailMode;
  @ApiPropertyOptional({ enum: USER_LANGUAGES })
  @Optional()
  @IsIn(USER_LANGUAGES, { message: `language: jedno z ${USER_LANGUAGES.join(', ')}.` })
  language?: UserLanguage;
}
