import { SupervisionCase, SupervisionCaseLink } from './cases/supervision-case.entity';
import { Circular } from './circulars/circular.entity';
import { SupervisionEvent } from './events/supervision-event.entity';
import { Interview } from './interviews/interview.entity';
import { DocumentCounter } from './numbering/document-counter.entity';
import { Warning } from './warnings/warning.entity';

export const SUPERVISION_ENTITIES: Array<new () => object> = [
  Warning,
  SupervisionCase,
  SupervisionCaseLink,
  SupervisionEvent,
  Interview,
  Circular,
  DocumentCounter,
];
