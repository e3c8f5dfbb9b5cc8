/* Generated from contracts/frontdoor.openapi.json by `npm run contracts:types`. Do not edit. */
export interface paths {
    "/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Batch read contacts by id or by the LCS person id they name, or page through contacts
         * @description With the batch parameter, a batch read; otherwise one page of the list. The two cannot be mixed. `ids` and `lcsPersonIds` cannot be combined. With `lcsPersonIds`, items are grouped by person id in request order and a person id named by no contact is listed in `missing`. Pages with `from`/`to` are ordered by contact date, with `updatedSince` by `updatedAt`.
         */
        get: operations["getContacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/contacts/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One contact */
        get: operations["getContact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @enum {string} */
                code: "NOT_FOUND" | "BAD_REQUEST" | "INTERNAL" | "UNAVAILABLE" | "RATE_LIMITED";
                message: string;
            };
        };
        /** @description A contact to the front door */
        FrontDoorContact: {
            contactId: string;
            /** @enum {string} */
            route: "C-SPA" | "L-SPA";
            /**
             * Format: date-time
             * @description Instant, ISO 8601 with offset
             */
            receivedAt: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            contactDate: string;
            /** @description Referral source code: 1A-1D, 2A, 2B, 3A-3F, 4, 5A-5D, 6, 7, 8, 9, 10 */
            sourceCode: string;
            reason: string;
            subject: components["schemas"]["FrontDoorSubject"];
            rag: ("RED" | "AMBER" | "GREEN") | null;
            decision: ("ADVICE" | "EARLY_HELP" | "SOCIAL_CARE_REFERRAL" | "SEND_SUPPORT" | "NFA") | null;
            decidedAt: string | null;
            routedTo: string | null;
            /**
             * Format: date-time
             * @description Instant, ISO 8601 with offset
             */
            updatedAt: string;
        };
        FrontDoorContactBatch: {
            items: components["schemas"]["FrontDoorContact"][];
            missing: string[];
        };
        FrontDoorContactPage: {
            items: components["schemas"]["FrontDoorContact"][];
            nextCursor: string | null;
        };
        /** @description The child as the caller described them */
        FrontDoorSubject: {
            forename: string;
            surname: string;
            dateOfBirth: string | null;
            postcode: string | null;
            sex: ("M" | "F") | null;
            nhsNumber: string | null;
            lcsPersonId: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getContacts: {
        parameters: {
            query?: {
                /** @description Batch read: comma-separated contact ids, at most 100. Items come back in request order; ids that matched nothing are listed in `missing`. */
                ids?: string[];
                /** @description Batch read: comma-separated LCS person ids, at most 100. Items come back in request order; ids that matched nothing are listed in `missing`. */
                lcsPersonIds?: string[];
                /** @description Earliest contactDate (inclusive). Results are ordered by contactDate. */
                from?: string;
                /** @description Latest contactDate (inclusive). */
                to?: string;
                /** @description Only records whose `updatedAt` is at or after this instant, ordered by `updatedAt` (for incremental loads). */
                updatedSince?: string;
                /** @description Page size: a positive integer, default 100; values above 500 are capped to 500. */
                limit?: number;
                /** @description Opaque cursor from the previous page’s `nextCursor`. Only valid with the same filters that produced it. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FrontDoorContactBatch"] | components["schemas"]["FrontDoorContactPage"];
                };
            };
            /** @description A parameter is missing, malformed, out of range or not allowed in this combination */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The system failed or is unavailable (for example 429, 500 or 503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Front door contact id */
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FrontDoorContact"];
                };
            };
            /** @description A parameter is missing, malformed, out of range or not allowed in this combination */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No record has this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The system failed or is unavailable (for example 429, 500 or 503) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
