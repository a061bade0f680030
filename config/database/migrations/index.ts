import { CreateOrgAndAudit1767225600000 } from './1767225600000-CreateOrgAndAudit';
import { AddPlansAndInbox1767225700000 } from './1767225700000-AddPlansAndInbox';
import { AddEmailOutbox1767312000000 } from './1767312000000-AddEmailOutbox';
import { AddReporting1767398400000 } from './1767398400000-AddReporting';
import { AddSupervision1767484800000 } from './1767484800000-AddSupervision';
import { AddWorkflowTimers1767571200000 } from './1767571200000-AddWorkflowTimers';
import { AddEscalationSteps1767657600000 } from './1767657600000-AddEscalationSteps';
import { AddAssessment1767744000000 } from './1767744000000-AddAssessment';
import { AddDashboardIndexes1767830400000 } from './1767830400000-AddDashboardIndexes';
import { AddWorkflowCommands1767916800000 } from './1767916800000-AddWorkflowCommands';
import { AddAssessmentReviewIndex1768003200000 } from './1768003200000-AddAssessmentReviewIndex';
import { AddPlanLadders1768089600000 } from './1768089600000-AddPlanLadders';
import { SealAuditChainInBackground1768176000000 } from './1768176000000-SealAuditChainInBackground';
import { AddProgressLagMargin1768262400000 } from './1768262400000-AddProgressLagMargin';
import { AddObligationAcceptedRating1768348800000 } from './1768348800000-AddObligationAcceptedRating';
import { AddObligationAcceptedComplete1768435200000 } from './1768435200000-AddObligationAcceptedComplete';
import { AddExportJobs1768521600000 } from './1768521600000-AddExportJobs';

/** Every migration, in order. Listed explicitly so the bundled API and the CLI run the same set. */
export const MIGRATIONS = [
  CreateOrgAndAudit1767225600000,
  AddPlansAndInbox1767225700000,
  AddEmailOutbox1767312000000,
  AddReporting1767398400000,
  AddSupervision1767484800000,
  AddWorkflowTimers1767571200000,
  AddEscalationSteps1767657600000,
  AddAssessment1767744000000,
  AddDashboardIndexes1767830400000,
  AddWorkflowCommands1767916800000,
  AddAssessmentReviewIndex1768003200000,
  AddPlanLadders1768089600000,
  SealAuditChainInBackground1768176000000,
  AddProgressLagMargin1768262400000,
  AddObligationAcceptedRating1768348800000,
  AddObligationAcceptedComplete1768435200000,
  AddExportJobs1768521600000,
];
