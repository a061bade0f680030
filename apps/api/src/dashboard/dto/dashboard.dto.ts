import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../../reporting/dto/obligation.dto';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

export class PlanFilterQuery {
  @ApiPropertyOptional({ description: '只看某一计划' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  planId?: number;
}

export class OverviewQueryDto extends PlanFilterQuery {
  @ApiPropertyOptional({ example: '2026-11', description: '报送周期（YYYY-MM 或 YYYY-Qn），默认为上个月' })
  @IsOptional()
  @Matches(PERIOD)
  period?: string;
}

export class PeriodRangeQuery extends PlanFilterQuery {
  @ApiPropertyOptional({ example: '2026-01', description: '起始周期，默认为结束周期所在年度的1月' })
  @IsOptional()
  @Matches(PERIOD)
  from?: string;

  @ApiPropertyOptional({ example: '2026-11', description: '结束周期，默认为上个月' })
  @IsOptional()
  @Matches(PERIOD)
  to?: string;
}

export class MatrixQueryDto extends PeriodRangeQuery {
  @ApiPropertyOptional({ type: Number, default: 50, maximum: 200, description: '每页单位数' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional({ type: Number, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

export class LeagueQueryDto extends PeriodRangeQuery {
  @ApiPropertyOptional({ type: Number, default: 10, maximum: 100, description: '红榜、黄榜各列出的单位数' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 10;
}

/** A plan filter and the usual page (100 by default, at most 500). */
export class OverdueQueryDto extends IntersectionType(PlanFilterQuery, PageQuery) {}
