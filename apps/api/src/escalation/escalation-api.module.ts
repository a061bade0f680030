import { Module } from '@nestjs/common';
import { PlanLadderController } from './plan-ladder.controller';

/** The HTTP endpoints of the escalation ladder's settings. */
@Module({ controllers: [PlanLadderController] })
export class EscalationApiModule {}
