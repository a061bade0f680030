import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GOV_LEVELS, UNIT_KINDS } from '@app/org';
import type { GovLevel, Resolution, Unit, UnitAlias, UnitKind } from '@app/org';

export class AliasView {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  alias!: string;

  @ApiProperty({ enum: ['seed', 'manual', 'import'] })
  source!: string;
}

export class UnitView {
  @ApiProperty()
  id!: number;

  @ApiProperty({ nullable: true, type: Number })
  parentId!: number | null;

  @ApiProperty({ enum: UNIT_KINDS })
  kind!: UnitKind;

  @ApiProperty({ enum: GOV_LEVELS })
  level!: GovLevel;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  shortName!: string;

  @ApiProperty({ nullable: true, type: String })
  headName!: string | null;

  @ApiProperty({ nullable: true, type: String })
  headTitle!: string | null;

  @ApiProperty({ type: [String] })
  emails!: string[];

  @ApiPropertyOptional({ type: [AliasView] })
  aliases?: AliasView[];

  static of(unit: Unit, aliases?: UnitAlias[]): UnitView {
    return {
      id: unit.id,
      parentId: unit.parentId,
      kind: unit.kind,
      level: unit.level,
      name: unit.name,
      shortName: unit.shortName,
      headName: unit.headName,
      headTitle: unit.headTitle,
      emails: unit.emails ?? [],
      ...(aliases ? { aliases: aliases.map((a) => ({ id: a.id, alias: a.alias, source: a.source })) } : {}),
    };
  }
}

export class CandidateView {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: '0–1' })
  score!: number;
}

export class ResolutionView {
  @ApiProperty({ enum: ['resolved', 'ambiguous', 'unresolved'] })
  status!: Resolution['status'];

  @ApiProperty()
  name!: string;

  @ApiPropertyOptional()
  unitId?: number;

  @ApiPropertyOptional()
  unitName?: string;

  @ApiProperty({ type: [CandidateView] })
  candidates!: CandidateView[];
}
