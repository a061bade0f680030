import { EntityManager, In } from 'typeorm';
import { Unit } from '@app/org';
import type { Plan } from '@app/plans';

/**
 * 发文机关: the plan's issuing office, else the government's leading-group office, else the government itself
 * (the same rule the notices by email follow).
 */
export async function issuingOfficeName(em: EntityManager, governmentId: number, plan: Plan | null): Promise<string> {
  const ids = plan ? [plan.issuingUnitId, governmentId] : [governmentId];
  const named = await em.findBy(Unit, { id: In(ids) });
  const issuing = plan ? named.find((u) => u.id === plan.issuingUnitId) : undefined;
  if (issuing && issuing.kind !== 'government') {
    return issuing.name;
  }
  const offices = await em.findBy(Unit, { parentId: governmentId, kind: 'office' });
  const office = offices.find((u) => u.name.includes('领导小组办公室')) ?? offices[0];
  return office?.name ?? named.find((u) => u.id === governmentId)?.name ?? '领导小组办公室';
}
