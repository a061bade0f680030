import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { Actor, Clock, DomainError, UnitOfWork } from '@app/core';
import { Unit, UnitResolver, UnitsService } from '@app/org';
import {
  ParsedPlan,
  ParsedTask,
  PlanParseError,
  PlanSource,
  parsePlanSheets,
  parsePlanText,
  readPlanDocument,
} from '../parser';
import { DEFAULT_REPORTING, Plan } from '../plans/plan.entity';
import { PlanIndicator, Task, TaskDeadline, TaskUnit } from '../tasks/task.entity';

export interface PlanDocumentInput {
  text?: string;
  buffer?: Buffer;
  filename?: string;
}

export interface ImportOptions {
  year?: number;
  source?: PlanSource;
  title?: string;
}

/** Parser error code → why the upload is refused, as the API reports it. */
const PARSE_ERROR_CODES: Record<PlanParseError['code'], 'VALIDATION' | 'PAYLOAD_TOO_LARGE'> = {
  EMPTY: 'VALIDATION',
  BINARY: 'VALIDATION',
  TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  NOT_DOCX: 'VALIDATION',
  MISSING_COLUMNS: 'VALIDATION',
  NO_TASKS: 'VALIDATION',
};

/**
 * Reads a plan document into a draft plan of a government: tasks, the units they name (resolved through the org's
 * names, aliases and renames — never created), deadlines and indicators. Nothing is stored when the document is
 * unusable.
 */
@Injectable()
export class PlanImportService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async importDraft(actor: Actor, government: Unit, input: PlanDocumentInput, options: ImportOptions): Promise<Plan> {
    const { parsed, sourceText } = await this.parse(input, options);
    const resolver = await this.units.resolver();
    const subtree = new Set(
      (await this.units.list({ kind: 'subtree', rootId: government.id, rootPath: government.path })).map((u) => u.id),
    );
    return this.unitOfWork.run(async (em) => {
      const now = this.clock.now();
      const plan = await em.save(
        em.create(Plan, {
          title: (options.title ?? parsed.title ?? input.filename ?? '未命名计划').slice(0, 200),
          governmentId: government.id,
          issuingUnitId: government.id,
          yearStart: parsed.year,
          yearEnd: lastYearOf(parsed) ?? parsed.year,
          status: 'draft',
          sourceText,
          sourceFilename: input.filename ?? null,
          sourceForm: parsed.source,
          reporting: DEFAULT_REPORTING,
          importNotes: parsed.unresolved.map((item) => ({ line: item.line, message: item.message, text: item.text })),
          createdBy: actor.kind === 'user' ? actor.username : actor.component,
          createdAt: now,
          updatedAt: now,
          publishedAt: null,
        }),
      );
      const taskIds: number[] = [];
      for (const [index, parsedTask] of parsed.tasks.entries()) {
        taskIds.push(await this.saveTask(em, plan, parsedTask, index + 1, resolver, subtree));
      }
      for (const indicator of parsed.indicators) {
        await em.insert(PlanIndicator, {
          planId: plan.id,
          taskId: null,
          name: indicator.name.slice(0, 200),
          comparator: indicator.comparator,
          target: indicator.target,
          unit: indicator.unit,
          approximate: indicator.approximate,
          baseline: null,
          targetDate: indicator.targetDate ?? null,
          ownerUnitId: null,
          raw: indicator.raw.slice(0, 500),
        });
      }
      await this.audit.record(em, {
        actor,
        action: 'plan.import',
        entityType: 'plan',
        entityId: plan.id,
        unitId: government.id,
        after: {
          title: plan.title,
          source: parsed.source,
          tasks: taskIds.length,
          indicators: parsed.indicators.length,
          filename: plan.sourceFilename,
        },
      });
      return plan;
    });
  }

  private async parse(
    input: PlanDocumentInput,
    options: ImportOptions,
  ): Promise<{ parsed: ParsedPlan; sourceText: string | null }> {
    try {
      const document = await readPlanDocument(input);
      const parseOptions = { year: options.year, source: options.source ?? 'auto' };
      if (document.kind === 'text') {
        return { parsed: parsePlanText(document.text, parseOptions), sourceText: document.text };
      }
      return { parsed: parsePlanSheets(document.sheets, parseOptions, input.filename), sourceText: null };
    } catch (error) {
      if (error instanceof PlanParseError) {
        throw new DomainError(PARSE_ERROR_CODES[error.code], error.message, { file: [error.message] });
      }
      throw error;
    }
  }

  private async saveTask(
    em: EntityManager,
    plan: Plan,
    parsed: ParsedTask,
    position: number,
    resolver: UnitResolver,
    subtree: Set<number>,
  ): Promise<number> {
    const now = this.clock.now();
    const task = await em.save(
      em.create(Task, {
        planId: plan.id,
        ref: parsed.ref.slice(0, 100),
        position,
        title: parsed.title.slice(0, 500),
        text: parsed.text,
        localResponsibility: parsed.localResponsibility,
        status: 'active',
        reportingCycle: 'monthly',
        sourceLine: parsed.line,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const named = [
      ...parsed.lead.map((name) => ({ name, role: 'lead' as const })),
      ...parsed.participants.map((name) => ({ name, role: 'participant' as const })),
    ];
    for (const [index, { name, role }] of named.entries()) {
      const resolution = resolver.resolve(name, { scopeGovernmentId: plan.governmentId });
      const unitId = resolution.status === 'resolved' && subtree.has(resolution.unitId) ? resolution.unitId : null;
      await em.insert(TaskUnit, {
        taskId: task.id,
        planId: plan.id,
        role,
        rawName: name.slice(0, 200),
        unitId,
        position: index + 1,
      });
    }
    for (const [index, deadline] of parsed.deadlines.entries()) {
      await em.insert(TaskDeadline, {
        taskId: task.id,
        raw: deadline.raw.slice(0, 200),
        date: deadline.date,
        kind: deadline.kind,
        every: deadline.every,
        position: index + 1,
      });
    }
    return task.id;
  }
}

function lastYearOf(parsed: ParsedPlan): number | null {
  const years = parsed.tasks
    .flatMap((task) => task.deadlines.map((d) => (d.date ? Number(d.date.slice(0, 4)) : null)))
    .filter((y): y is number => y !== null);
  return years.length > 0 ? Math.max(...years) : null;
}
