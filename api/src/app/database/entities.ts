import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { LoginThrottleEntity } from '../auth/login-throttle.entity';
import { SessionEntity } from '../auth/session.entity';
import { DepartmentEntity } from '../departments/department.entity';
import { UserEntity } from '../users/user.entity';

export const ENTITIES = [DepartmentEntity, UserEntity, SessionEntity, LoginThrottleEntity, AuditEntryEntity];
