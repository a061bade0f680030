import { hasRole, UNIT_ROLES } from '../../session/roles';
import { useUser } from '../../session/session';
import { MyAssessment } from './my-assessment';
import { RunList } from './run-list';

/** 年度考核: a unit sees its own results (本单位考核); the office, supervisors and leaders the runs of their plans. */
export function AssessmentPage() {
  const user = useUser();
  return hasRole(user.role, UNIT_ROLES) ? <MyAssessment /> : <RunList />;
}
