import { EntityManager, In, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { DomainError } from '@app/core';
import { AccessScope, Unit } from '@app/org';

/** Restricts a query on a table with a `unit_id` column to the units the scope covers. */
export function whereUnitInScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  scope: AccessScope,
): SelectQueryBuilder<T> {
  if (scope.kind === 'subtree') {
    qb.innerJoin(Unit, 'scope_unit', `scope_unit.id = ${alias}.unit_id`).andWhere('scope_unit.path LIKE :scopePrefix', {
      scopePrefix: `${scope.rootPath}%`,
    });
  } else if (scope.kind === 'unit') {
    qb.andWhere(`${alias}.unit_id = :scopeUnitId`, { scopeUnitId: scope.unitId });
  }
  return qb;
}

export async function requireUnit(em: EntityManager, field: string, unitId: number): Promise<Unit> {
  const unit = Number.isInteger(unitId) ? await em.findOneBy(Unit, { id: unitId }) : null;
  if (!unit) {
    throw DomainError.invalid(field, `单位不存在：${unitId}`);
  }
  return unit;
}

/** The units above `unit`, nearest first, `unit` itself included. */
export async function ancestorsOf(em: EntityManager, unit: Unit): Promise<Unit[]> {
  const ids = unit.path.split('/').filter(Boolean).map(Number).reverse();
  const units = await em.findBy(Unit, { id: In(ids) });
  return ids.map((id) => units.find((u) => u.id === id)).filter((u): u is Unit => u !== undefined);
}

/**
 * The government whose office acts on `unit`: `preferredId` when given (the plan's government, or the
 * supervisor's), which must be a government at or above the unit; otherwise the nearest government above it.
 */
export async function governmentOver(
  em: EntityManager,
  unit: Unit,
  preferredId: number | null | undefined,
  field = 'governmentId',
): Promise<Unit> {
  const ancestors = await ancestorsOf(em, unit);
  const government =
    preferredId === null || preferredId === undefined
      ? ancestors.find((u) => u.kind === 'government')
      : ancestors.find((u) => u.id === preferredId && u.kind === 'government');
  if (!government) {
    throw DomainError.invalid(
      field,
      preferredId === null || preferredId === undefined
        ? `${unit.name}不在任何人民政府之下`
        : `${unit.name}不在该政府（${preferredId}）的辖区内`,
    );
  }
  return government;
}
