/** The list and batch envelopes every system's contract uses (see each contracts/*.openapi.json). */
export type Page<T> = { items: T[]; nextCursor: string | null };
export type Batch<T> = { items: T[]; missing: string[] };
