// The Temporal engine: workflow definitions (signals, queries, inputs), ids, the activity contract and factories.
// Node-side code may import these; the worker bundles `workflows.ts` for the workflow sandbox.
export * from './activities';
export * from './workflow-ids';
export * from './schedules';
export type { RejectedSignal } from './workflow-support';
export * from './reporting-obligation.workflow';
export * from './supervision-case.workflow';
export * from './interview.workflow';
export * from './monthly-cycle.workflow';
export * from './year-end-assessment.workflow';
