import { EntityManager } from 'typeorm';
import { DomainError } from '@app/core';
import { AssessmentScheme } from '../scheme/assessment-scheme.entity';
import { finalizeScore } from '../scoring/score-unit';
import type { AssessmentResult } from '../runs/assessment-result.entity';
import type { AssessmentRun } from '../runs/assessment-run.entity';
import { AssessmentAdjustment } from './assessment-adjustment.entity';

export const MAX_ADJUSTMENT = 100;
export const MAX_REASON = 2000;

/** An adjustment's points and reason: the reason is mandatory (it is what the unit and the audit read). */
export function checkedAdjustment(input: { points: unknown; reason: unknown }): { points: number; reason: string } {
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (!reason) {
    throw DomainError.invalid('reason', '调整分数必须说明理由');
  }
  if (reason.length > MAX_REASON) {
    throw DomainError.invalid('reason', `长度不能超过 ${MAX_REASON} 个字符`);
  }
  const points = input.points;
  if (typeof points !== 'number' || !Number.isFinite(points) || points === 0 || Math.abs(points) > MAX_ADJUSTMENT) {
    throw DomainError.invalid('points', `调整分值须为非零数字，绝对值不超过 ${MAX_ADJUSTMENT}`);
  }
  if (Math.abs(Math.round(points * 100) - points * 100) > 1e-6) {
    throw DomainError.invalid('points', '最多保留两位小数');
  }
  return { points, reason };
}

/**
 * The result's columns after its adjustments changed: the lines computed from the records stay as they were, the
 * adjustment lines and the floor are rebuilt from every adjustment of the unit in the run.
 */
export async function rescoredColumns(
  em: EntityManager,
  run: AssessmentRun,
  result: AssessmentResult,
): Promise<Pick<AssessmentResult, 'trace' | 'adjustments' | 'floor' | 'total' | 'grade'>> {
  const scheme = await em.findOneByOrFail(AssessmentScheme, { id: run.schemeId as number });
  const adjustments = await em.find(AssessmentAdjustment, {
    where: { runId: run.id, unitId: result.unitId },
    order: { id: 'ASC' },
  });
  const score = finalizeScore(
    result.trace,
    adjustments.map((a) => ({ id: a.id, kind: a.kind, points: a.points, reason: a.reason, appealId: a.appealId })),
    scheme.config,
  );
  const breakdown = score.breakdown as NonNullable<typeof score.breakdown>;
  return {
    trace: score.trace,
    adjustments: breakdown.adjustments,
    floor: breakdown.floor,
    total: breakdown.total,
    grade: score.grade,
  };
}
