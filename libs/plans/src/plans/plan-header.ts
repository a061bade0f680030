import type { EntityManager, FindOptionsSelect } from 'typeorm';
import { Plan } from './plan.entity';

/** Every column but the document itself: hot paths (a submission's notice, a ladder step) need the title, not the text. */
const PLAN_HEADER: FindOptionsSelect<Plan> = {
  id: true,
  title: true,
  governmentId: true,
  issuingUnitId: true,
  yearStart: true,
  yearEnd: true,
  status: true,
  sourceFilename: true,
  sourceForm: true,
  reporting: true,
  createdBy: true,
  createdAt: true,
  updatedAt: true,
  publishedAt: true,
};

export function findPlanHeader(em: EntityManager, id: number): Promise<Plan | null> {
  return em.findOne(Plan, { where: { id }, select: PLAN_HEADER });
}

export function getPlanHeader(em: EntityManager, id: number): Promise<Plan> {
  return em.findOneOrFail(Plan, { where: { id }, select: PLAN_HEADER });
}
