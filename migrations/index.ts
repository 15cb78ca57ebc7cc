import { CreateCoreSchema1763900000000 } from './1763900000000-CreateCoreSchema';
import { CreateCases1763900100000 } from './1763900100000-CreateCases';
import { NotifySessionChanges1763900200000 } from './1763900200000-NotifySessionChanges';
import { GrantRuntimeRole1763900300000 } from './1763900300000-GrantRuntimeRole';
import { ChainAuditLog1763900310000 } from './1763900310000-ChainAuditLog';
import { CreateNotifications1764000000000 } from './1764000000000-CreateNotifications';
import { CreateJobQueue1764000010000 } from './1764000010000-CreateJobQueue';
import { IndexReminderClocks1764000020000 } from './1764000020000-IndexReminderClocks';
import { CreateEmailDeliveries1764000100000 } from './1764000100000-CreateEmailDeliveries';
import { IndexOpenCasesByDue1764000100100 } from './1764000100100-IndexOpenCasesByDue';
import { TrackCaseActivityAndHandover1764000200000 } from './1764000200000-TrackCaseActivityAndHandover';
import { IndexOpenCasesForWorkload1764000210000 } from './1764000210000-IndexOpenCasesForWorkload';
import { IndexOpenCasesByAssignee1764000220000 } from './1764000220000-IndexOpenCasesByAssignee';
import { IndexOpenPromisesForWorkload1764000230000 } from './1764000230000-IndexOpenPromisesForWorkload';
import { CreateRootCausesAndImprovementActions1764000300000 } from './1764000300000-CreateRootCausesAndImprovementActions';
import { FoldCaseSearchText1764000600000 } from './1764000600000-FoldCaseSearchText';
import { WordPrefixCaseSearch1764000800000 } from './1764000800000-WordPrefixCaseSearch';
import { CreateCaseReportFacts1764000900000 } from './1764000900000-CreateCaseReportFacts';
import { CreateCaseReportRollup1764001000000 } from './1764001000000-CreateCaseReportRollup';
import { IndexOpenCaseSearchWords1764001200000 } from './1764001200000-IndexOpenCaseSearchWords';

/** Every migration in order; the app bundle and the CLI DataSource both read this list. */
export const ALL_MIGRATIONS = [
  CreateCoreSchema1763900000000,
  CreateCases1763900100000,
  NotifySessionChanges1763900200000,
  GrantRuntimeRole1763900300000,
  ChainAuditLog1763900310000,
  CreateNotifications1764000000000,
  CreateJobQueue1764000010000,
  IndexReminderClocks1764000020000,
  CreateEmailDeliveries1764000100000,
  IndexOpenCasesByDue1764000100100,
  TrackCaseActivityAndHandover1764000200000,
  IndexOpenCasesForWorkload1764000210000,
  IndexOpenCasesByAssignee1764000220000,
  IndexOpenPromisesForWorkload1764000230000,
  CreateRootCausesAndImprovementActions1764000300000,
  FoldCaseSearchText1764000600000,
  WordPrefixCaseSearch1764000800000,
  CreateCaseReportFacts1764000900000,
  CreateCaseReportRollup1764001000000,
  IndexOpenCaseSearchWords1764001200000,
];
