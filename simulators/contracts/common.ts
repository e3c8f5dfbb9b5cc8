/**
 * Shapes shared by every simulated system's REST contract. These TypeBox schemas are the single
 * source of each published OpenAPI document (`npm run contracts` writes contracts/*.openapi.json);
 * the hub's connectors are generated from those documents, never from this file.
 */
import { Type, type TSchema } from '@sinclair/typebox';

export const IsoDate = Type.String({ format: 'date', description: 'Calendar date, YYYY-MM-DD' });
export const IsoDateTime = Type.String({ format: 'date-time', description: 'Instant, ISO 8601 with offset' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** One page of a list. `nextCursor` is null on the last page. */
export const Page = <T extends TSchema>(item: T, name: string) =>
  Type.Object(
    { items: Type.Array(item), nextCursor: Nullable(Type.String()) },
    { $id: `${name}Page`, additionalProperties: false },
  );

/** A batch read (`?ids=a,b,c`, at most 100): found records, and the ids that matched nothing. */
export const Batch = <T extends TSchema>(item: T, name: string) =>
  Type.Object(
    { items: Type.Array(item), missing: Type.Array(Type.String()) },
    { $id: `${name}Batch`, additionalProperties: false },
  );

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.Union([
        Type.Literal('NOT_FOUND'),
        Type.Literal('BAD_REQUEST'),
        Type.Literal('INTERNAL'),
        Type.Literal('UNAVAILABLE'),
        Type.Literal('RATE_LIMITED'),
      ]),
      message: Type.String(),
    }),
  },
  { $id: 'Error', additionalProperties: false },
);

export const Address = Type.Object(
  {
    line1: Type.String(),
    town: Type.String(),
    postcode: Type.String(),
    from: IsoDate,
    to: Nullable(IsoDate),
  },
  { $id: 'Address', additionalProperties: false },
);

/** Limits every system applies to list and batch reads. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_BATCH_IDS = 100;
