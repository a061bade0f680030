import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, UnitOfWork } from '@app/core';
import { AccessScope, scopeCovers } from '../access/access-scope';
import { ResolvableUnit, Resolution, ResolveContext, UnitResolver } from '../resolution/unit-resolver';
import { cleanUnitName } from '../resolution/unit-name';
import { GovLevel, Unit, UnitKind } from './unit.entity';
import { UnitAlias } from './unit-alias.entity';

export interface UnitInput {
  parentId: number | null;
  kind: UnitKind;
  level: GovLevel;
  name: string;
  shortName?: string;
  headName?: string | null;
  headTitle?: string | null;
  emails?: string[];
}

export type UnitPatch = Partial<Omit<UnitInput, 'parentId' | 'kind' | 'level'>>;

export interface UnitWithAliases {
  unit: Unit;
  aliases: UnitAlias[];
}

export interface UnitFilter {
  q?: string;
  parentId?: number;
  kind?: UnitKind;
}

@Injectable()
export class UnitsService {
  private resolverCache: UnitResolver | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(scope: AccessScope, filter: UnitFilter = {}): Promise<Unit[]> {
    const qb = this.dataSource.getRepository(Unit).createQueryBuilder('u').orderBy('u.path', 'ASC');
    if (scope.kind === 'subtree') {
      qb.andWhere('u.path LIKE :prefix', { prefix: `${scope.rootPath}%` });
    } else if (scope.kind === 'unit') {
      qb.andWhere('u.id = :id', { id: scope.unitId });
    }
    if (filter.parentId !== undefined) {
      qb.andWhere('u.parent_id = :parentId', { parentId: filter.parentId });
    }
    if (filter.kind) {
      qb.andWhere('u.kind = :kind', { kind: filter.kind });
    }
    if (filter.q) {
      qb.andWhere('(u.name LIKE :q OR u.short_name LIKE :q)', { q: `%${filter.q}%` });
    }
    return qb.getMany();
  }

  async get(id: number): Promise<Unit> {
    const unit = await this.dataSource.getRepository(Unit).findOneBy({ id });
    if (!unit) {
      throw DomainError.notFound('单位', id);
    }
    return unit;
  }

  async getWithAliases(id: number): Promise<UnitWithAliases> {
    const unit = await this.get(id);
    const aliases = await this.dataSource
      .getRepository(UnitAlias)
      .find({ where: { unitId: id }, order: { id: 'ASC' } });
    return { unit, aliases };
  }

  async findByIds(ids: number[]): Promise<Unit[]> {
    return ids.length === 0 ? [] : this.dataSource.getRepository(Unit).findBy({ id: In(ids) });
  }

  /** The nearest government at or above the unit; null when none (a unit directly at the root). */
  async governmentOf(unit: Unit): Promise<Unit | null> {
    if (unit.kind === 'government') {
      return unit;
    }
    const ancestorIds = unit.path.split('/').filter(Boolean).map(Number).reverse();
    const ancestors = await this.findByIds(ancestorIds);
    for (const id of ancestorIds) {
      const ancestor = ancestors.find((a) => a.id === id);
      if (ancestor?.kind === 'government') {
        return ancestor;
      }
    }
    return null;
  }

  async idsInScope(scope: AccessScope): Promise<number[] | null> {
    if (scope.kind === 'all') {
      return null;
    }
    return (await this.list(scope)).map((u) => u.id);
  }

  async create(actor: Actor, scope: AccessScope, input: UnitInput, manager?: EntityManager): Promise<Unit> {
    const work = async (em: EntityManager) => {
      const parent = input.parentId === null ? null : await em.findOneBy(Unit, { id: input.parentId });
      if (input.parentId !== null && !parent) {
        throw new DomainError('VALIDATION', `上级单位不存在：${input.parentId}`, { parentId: ['上级单位不存在'] });
      }
      if (parent ? !scopeCovers(scope, parent) : scope.kind !== 'all') {
        throw new DomainError('FORBIDDEN', '无权在该上级单位下创建单位', { parentId: ['不在您的管辖范围内'] });
      }
      const name = cleanUnitName(input.name);
      if (await em.findOneBy(Unit, { parentId: input.parentId ?? IsNull(), name })) {
        throw new DomainError('CONFLICT', `同一上级单位下已有同名单位：${name}`, { name: ['名称已存在'] });
      }
      const now = this.clock.now();
      const unit = await em.save(
        em.create(Unit, {
          parentId: input.parentId,
          kind: input.kind,
          level: input.level,
          name,
          shortName: input.shortName ? cleanUnitName(input.shortName) : name,
          headName: input.headName ?? null,
          headTitle: input.headTitle ?? null,
          emails: input.emails ?? [],
          path: 'pending',
          createdAt: now,
          updatedAt: now,
        }),
      );
      unit.path = `${parent ? parent.path : '/'}${unit.id}/`;
      await em.update(Unit, { id: unit.id }, { path: unit.path });
      await this.audit.record(em, {
        actor,
        action: 'unit.create',
        entityType: 'unit',
        entityId: unit.id,
        unitId: unit.id,
        after: unit,
      });
      return unit;
    };
    const unit = manager ? await work(manager) : await this.unitOfWork.run(work);
    this.resolverCache = null;
    return unit;
  }

  async update(actor: Actor, id: number, patch: UnitPatch): Promise<Unit> {
    const unit = await this.unitOfWork.run(async (em) => {
      const before = await em.findOneBy(Unit, { id });
      if (!before) {
        throw DomainError.notFound('单位', id);
      }
      const after: Unit = {
        ...before,
        ...definedOnly({
          name: patch.name === undefined ? undefined : cleanUnitName(patch.name),
          shortName: patch.shortName === undefined ? undefined : cleanUnitName(patch.shortName),
          headName: patch.headName,
          headTitle: patch.headTitle,
          emails: patch.emails,
        }),
        updatedAt: this.clock.now(),
      };
      if (
        after.name !== before.name &&
        (await em.findOneBy(Unit, { parentId: before.parentId ?? IsNull(), name: after.name }))
      ) {
        throw new DomainError('CONFLICT', `同一上级单位下已有同名单位：${after.name}`, { name: ['名称已存在'] });
      }
      await em.save(Unit, after);
      await this.audit.record(em, {
        actor,
        action: 'unit.update',
        entityType: 'unit',
        entityId: id,
        unitId: id,
        before,
        after,
      });
      return after;
    });
    this.resolverCache = null;
    return unit;
  }

  async addAlias(
    actor: Actor,
    unitId: number,
    rawAlias: string,
    source: UnitAlias['source'] = 'manual',
    manager?: EntityManager,
  ): Promise<UnitAlias> {
    const alias = cleanUnitName(rawAlias);
    if (alias.length === 0) {
      throw DomainError.invalid('alias', '别名不能为空');
    }
    const work = async (em: EntityManager) => {
      if (!(await em.findOneBy(Unit, { id: unitId }))) {
        throw DomainError.notFound('单位', unitId);
      }
      const existing = await em.findOneBy(UnitAlias, { unitId, alias });
      if (existing) {
        return existing;
      }
      const saved = await em.save(em.create(UnitAlias, { unitId, alias, source, createdAt: this.clock.now() }));
      await this.audit.record(em, {
        actor,
        action: 'unit.alias.add',
        entityType: 'unit',
        entityId: unitId,
        unitId,
        after: { alias, source },
      });
      return saved;
    };
    const saved = manager ? await work(manager) : await this.unitOfWork.run(work);
    this.resolverCache = null;
    return saved;
  }

  async removeAlias(actor: Actor, unitId: number, aliasId: number): Promise<void> {
    await this.unitOfWork.run(async (em) => {
      const alias = await em.findOneBy(UnitAlias, { id: aliasId, unitId });
      if (!alias) {
        throw DomainError.notFound('别名', aliasId);
      }
      await em.delete(UnitAlias, { id: aliasId });
      await this.audit.record(em, {
        actor,
        action: 'unit.alias.remove',
        entityType: 'unit',
        entityId: unitId,
        unitId,
        before: { alias: alias.alias },
      });
    });
    this.resolverCache = null;
  }

  async resolve(name: string, context: ResolveContext = {}): Promise<Resolution> {
    return (await this.resolver()).resolve(name, context);
  }

  /** The resolver over every unit and alias, rebuilt after any change to units or aliases. */
  async resolver(): Promise<UnitResolver> {
    if (this.resolverCache) {
      return this.resolverCache;
    }
    const units = await this.dataSource.getRepository(Unit).find();
    const aliases = await this.dataSource.getRepository(UnitAlias).find();
    const byId = new Map(units.map((u) => [u.id, u]));
    const governmentIdOf = (unit: Unit): number | null => {
      for (const id of unit.path.split('/').filter(Boolean).map(Number).reverse()) {
        if (byId.get(id)?.kind === 'government') {
          return id;
        }
      }
      return null;
    };
    const resolvable: ResolvableUnit[] = units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      shortName: unit.shortName,
      kind: unit.kind,
      level: unit.level,
      aliases: aliases.filter((a) => a.unitId === unit.id).map((a) => a.alias),
      governmentId: governmentIdOf(unit),
    }));
    this.resolverCache = new UnitResolver(resolvable);
    return this.resolverCache;
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
