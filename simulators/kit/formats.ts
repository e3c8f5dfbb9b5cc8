/**
 * TypeBox checks `format` only for registered formats; register the two the contracts use (once,
 * and only if nobody else has), with the same rules the query parser applies.
 */
import { FormatRegistry } from '@sinclair/typebox';
import { isCalendarDate, isDateTime } from './query.ts';

export function registerContractFormats(): void {
  if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isCalendarDate);
  if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', isDateTime);
}
