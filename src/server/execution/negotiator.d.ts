/** The part of `negotiator` (no published types) the hub touches: media-type choice. */
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    request: { headers: Record<string, string | string[] | undefined> };
    mediaType(available?: readonly string[]): string | undefined;
  }
}
