/**
 * Validation of what callers hand to the trail. Only the known fields are copied, so nothing a
 * resolver happens to carry on the object (a child's name, say) can leak into the audit file.
 */
import { AUDIT_ACTIONS, AUDIT_DECISIONS, type AuditEntry, type TimedEntry } from './types.ts';

export class AuditEntryError extends TypeError {
  constructor(field: string) {
    super(`Audit entry field "${field}" is missing or has the wrong type`);
    this.name = 'AuditEntryError';
  }
}

const ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);
const DECISIONS: ReadonlySet<string> = new Set(AUDIT_DECISIONS);

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new AuditEntryError(field);
  return value;
}
function textOrNull(value: unknown, field: string): string | null {
  return value === null ? null : text(value, field);
}
function texts(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new AuditEntryError(field);
  }
  return [...(value as string[])];
}

export function toTimedEntry(entry: AuditEntry, at: string): TimedEntry {
  if (entry === null || typeof entry !== 'object') throw new AuditEntryError('entry');
  if (!ACTIONS.has(entry.action)) throw new AuditEntryError('action');
  if (!DECISIONS.has(entry.decision)) throw new AuditEntryError('decision');
  const timed: TimedEntry = {
    at,
    requestId: text(entry.requestId, 'requestId'),
    userId: text(entry.userId, 'userId'),
    roles: texts(entry.roles, 'roles'),
    teamId: textOrNull(entry.teamId ?? null, 'teamId'),
    childId: textOrNull(entry.childId ?? null, 'childId'),
    action: entry.action,
    groups: texts(entry.groups, 'groups'),
    decision: entry.decision,
  };
  if (entry.correlationId !== undefined) timed.correlationId = text(entry.correlationId, 'correlationId');
  if (entry.childIds !== undefined) timed.childIds = texts(entry.childIds, 'childIds');
  if (entry.fields !== undefined) timed.fields = texts(entry.fields, 'fields');
  if (entry.purpose !== undefined) timed.purpose = text(entry.purpose, 'purpose');
  if (entry.breakGlass !== undefined) {
    const { reasonCode, justification } = entry.breakGlass;
    timed.breakGlass = {
      reasonCode: text(reasonCode, 'breakGlass.reasonCode'),
      justification: typeof justification === 'string' ? justification : '',
    };
  }
  if (entry.action === 'BREAK_GLASS' && timed.breakGlass === undefined)
    throw new AuditEntryError('breakGlass');
  return timed;
}
