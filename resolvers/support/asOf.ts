/** The day a report, caseload or statutory position is judged at. */
import type { HubContext } from '../context.ts';
import { hubError } from '../../src/platform/errors.ts';
import { checkReportDate, ReportInputError } from '../../src/domain/reports/index.ts';

/** The `asOf` asked for (a date whose year's bank holidays are known), else today (Europe/London). */
export function judgedAt(ctx: HubContext, asOf: string | null | undefined): string {
  if (asOf === null || asOf === undefined) return ctx.today;
  try {
    return checkReportDate(asOf, 'asOf');
  } catch (error) {
    if (error instanceof ReportInputError) throw hubError('BAD_USER_INPUT', error.message);
    throw error;
  }
}
