import type { components } from './schema';

/** Names for the API's response and request shapes, all taken from the generated OpenAPI types. */
type Schemas = components['schemas'];

export type User = Schemas['UserView'];
export type Role = User['role'];
export type Plan = Schemas['PlanView'];
export type PlanDetail = Schemas['PlanDetailView'];
export type Task = Schemas['TaskView'];
export type TaskUnit = Schemas['TaskUnitView'];
export type Problem = Schemas['ProblemView'];
export type UnresolvedName = Schemas['UnresolvedNameView'];
export type PublishResult = Schemas['PublishResultView'];
export type AcknowledgementStatus = Schemas['AcknowledgementStatusView'];
export type Assignment = Schemas['AssignmentView'];
export type InboxMessage = Schemas['InboxMessageView'];
export type Unit = Schemas['UnitView'];
export type CreateUnit = Schemas['CreateUnitDto'];

/** The API's error body; falls back to its documented shape until the document lists `ErrorBody`. */
export type ErrorBody = Schemas extends { ErrorBody: infer E }
  ? E
  : { statusCode: number; error: string; message: string; fields?: Record<string, string[]>; requestId?: string };
