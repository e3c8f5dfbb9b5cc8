/* Generated from contracts/lift.openapi.json by `npm run contracts:types`. Do not edit. */
export interface paths {
    "/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Batch read clients by LCS person id, or page through every client
         * @description With the batch parameter, a batch read; otherwise one page of the list. The two cannot be mixed.
         */
        get: operations["getClients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Batch read agreements by agreement id or by client ref, or page through agreements open on a date or in a period
         * @description With the batch parameter, a batch read; otherwise one page of the list. The two cannot be mixed. `ids` and `clientRefs` cannot be combined. With `ids`, items come back in request order and an unknown agreement id is listed in `missing` (how a change notification naming an agreement finds its client). With `clientRefs`, items are grouped by client ref in request order and a client ref with no agreements is listed in `missing`. Pages are ordered by start date. An agreement is open until its actual end date; with none recorded, an ACTIVE agreement is open whatever its planned end date (it runs on until an end is recorded), and any other until its planned end date; a cancelled agreement is never open.
         */
        get: operations["getAgreements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientRef}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One client’s payments (single reads only) */
        get: operations["listClientPayments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Batch read payments by payment id, or page through payments by the date paid
         * @description With the batch parameter, a batch read; otherwise one page of the list. The two cannot be mixed. With `ids`, items come back in request order and an unknown payment id is listed in `missing` (how a change notification naming a payment finds its client).
         */
        get: operations["listPayments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/budget-lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Page through the budget lines of one financial year, with their in-year virements
         * @description Budget lines are per service line and cost centre (a placement service line may be split by placement type). An agreement is charged to the line with its own service line, cost centre and placement type, else to the line with its service line and cost centre and no placement type.
         */
        get: operations["listBudgetLines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/send-costs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Batch read SEND costs by SEND cost id or by EYES pupil id, or page through SEND costs open on a date or in a period
         * @description With the batch parameter, a batch read; otherwise one page of the list. The two cannot be mixed. `ids` and `pupilIds` cannot be combined. With `ids`, items come back in request order and an unknown SEND cost id is listed in `missing` (how a change notification naming a SEND cost finds its pupil). With `pupilIds`, items are grouped by pupil id in request order and a pupil with no SEND costs is listed in `missing`. Pages are ordered by start date; a cost is open as an agreement is (until its actual end; an ACTIVE one with none recorded runs on past its planned end).
         */
        get: operations["getSendCosts"];
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
        /** @description A service agreement: one commissioned service for one child */
        LiftAgreement: {
            agreementId: string;
            clientRef: string;
            lcsPersonId: string;
            lcsPlacementId: string | null;
            /** @description PLACEMENT, ALLOWANCE, FOSTERING_FEE, TRANSPORT, SUPPORT */
            serviceType: string;
            placementType: string | null;
            providerId: string;
            providerName: string;
            /** @description PR0-PR5 */
            providerType: string;
            teamId: string | null;
            /** @description The budget service line the agreement is charged to (e.g. RESIDENTIAL, FOSTERING_AGENCY, TRANSPORT) */
            serviceLine: string;
            /** @description The cost centre the agreement is charged to */
            costCentre: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            plannedEndDate: string | null;
            endDate: string | null;
            /** @enum {string} */
            status: "ACTIVE" | "ENDED" | "PENDING" | "CANCELLED";
            rates: components["schemas"]["LiftRate"][];
            /** @description Money in integer pence */
            commitmentPence: number;
        };
        LiftAgreementBatch: {
            items: components["schemas"]["LiftAgreement"][];
            missing: string[];
        };
        LiftAgreementPage: {
            items: components["schemas"]["LiftAgreement"][];
            nextCursor: string | null;
        };
        /** @description A budget line: what one cost centre may spend on one service line in one financial year */
        LiftBudgetLine: {
            budgetLineId: string;
            financialYear: string;
            serviceLine: string;
            costCentre: string;
            teamId: string | null;
            placementType: string | null;
            /** @enum {string} */
            fundingStream: "GENERAL_FUND" | "HIGH_NEEDS_BLOCK";
            /** @description Money in integer pence */
            originalBudgetPence: number;
            virements: components["schemas"]["LiftVirement"][];
        };
        LiftBudgetLinePage: {
            items: components["schemas"]["LiftBudgetLine"][];
            nextCursor: string | null;
        };
        /** @description A client: the finance view of a child */
        LiftClient: {
            clientRef: string;
            lcsPersonId: string;
            name: string;
            dateOfBirth: string | null;
        };
        LiftClientBatch: {
            items: components["schemas"]["LiftClient"][];
            missing: string[];
        };
        LiftClientPage: {
            items: components["schemas"]["LiftClient"][];
            nextCursor: string | null;
        };
        /** @description A payment against an agreement */
        LiftPayment: {
            paymentId: string;
            agreementId: string;
            clientRef: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            periodStart: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            periodEnd: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            paidOn: string;
            /** @description Money in integer pence */
            amountPence: number;
            invoiceRef: string | null;
        };
        LiftPaymentBatch: {
            items: components["schemas"]["LiftPayment"][];
            missing: string[];
        };
        LiftPaymentPage: {
            items: components["schemas"]["LiftPayment"][];
            nextCursor: string | null;
        };
        /** @description A rate in force from a date */
        LiftRate: {
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            effectiveFrom: string;
            /** @description Money in integer pence */
            amountPence: number;
            /** @enum {string} */
            unit: "WEEKLY" | "DAILY";
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            recordedAt: string;
        };
        /** @description A SEND cost (LIFT phase two): a special school placement, top-up funding, SEN transport or a personal budget for one pupil */
        LiftSendCost: {
            sendCostId: string;
            pupilId: string;
            upn: string | null;
            /** @enum {string} */
            costType: "INDEPENDENT_SPECIAL_SCHOOL" | "NON_MAINTAINED_SPECIAL_SCHOOL" | "TOP_UP" | "SEN_TRANSPORT" | "PERSONAL_BUDGET";
            /** @enum {string} */
            fundingStream: "GENERAL_FUND" | "HIGH_NEEDS_BLOCK";
            providerName: string;
            serviceLine: string;
            costCentre: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            plannedEndDate: string | null;
            endDate: string | null;
            /** @enum {string} */
            status: "ACTIVE" | "ENDED" | "PENDING" | "CANCELLED";
            rates: components["schemas"]["LiftRate"][];
        };
        LiftSendCostBatch: {
            items: components["schemas"]["LiftSendCost"][];
            missing: string[];
        };
        LiftSendCostPage: {
            items: components["schemas"]["LiftSendCost"][];
            nextCursor: string | null;
        };
        /** @description An in-year transfer of budget into or out of a budget line */
        LiftVirement: {
            virementId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            effectiveDate: string;
            /** @description Money in integer pence */
            amountPence: number;
            reason: string;
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
    getClients: {
        parameters: {
            query?: {
                /** @description Batch read: comma-separated LCS person ids, at most 100. Items come back in request order; ids that matched nothing are listed in `missing`. A person with several client records yields each of them. */
                lcsPersonIds?: string[];
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
                    "application/json": components["schemas"]["LiftClientBatch"] | components["schemas"]["LiftClientPage"];
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
    getAgreements: {
        parameters: {
            query?: {
                /** @description Batch read: comma-separated agreement ids, at most 100. Items come back in request order; ids that matched nothing are listed in `missing`. */
                ids?: string[];
                /** @description Batch read: comma-separated client refs, at most 100. Items come back in request order; ids that matched nothing are listed in `missing`. */
                clientRefs?: string[];
                /** @description Only agreements open on this date (started on or before it, not ended before it). */
                activeOn?: string;
                /** @description Only agreements open at some point on or after this date (inclusive). Not with `activeOn`. */
                from?: string;
                /** @description Only agreements started on or before this date (inclusive). Not with `activeOn`. */
                to?: string;
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
                    "application/json": components["schemas"]["LiftAgreementBatch"] | components["schemas"]["LiftAgreementPage"];
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
    listClientPayments: {
        parameters: {
            query?: {
                /** @description Page size: a positive integer, default 100; values above 500 are capped to 500. */
                limit?: number;
                /** @description Opaque cursor from the previous page’s `nextCursor`. Only valid with the same filters that produced it. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description LIFT client ref */
                clientRef: string;
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
                    "application/json": components["schemas"]["LiftPaymentPage"];
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
    listPayments: {
        parameters: {
            query?: {
                /** @description Batch read: comma-separated payment ids, at most 100. Items come back in request order; ids that matched nothing are listed in `missing`. */
                ids?: string[];
                /** @description Earliest paidOn (inclusive). Results are ordered by paidOn. */
                from?: string;
                /** @description Latest paidOn (inclusive). */
                to?: string;
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
                    "application/json": components["schemas"]["LiftPaymentBatch"] | components["schemas"]["LiftPaymentPage"];
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
    listBudgetLines: {
        parameters: {
            query: {
                /** @description The April-to-March year, e.g. `2026/27`. */
                financialYear: string;
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
                    "application/json": components["schemas"]["LiftBudgetLinePage"];
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
    getSendCosts: {
        parameters: {
            query?: {
                /** @description Batch read: comma-separated SEND cost ids, at most 100. Items come back in request order; ids that matched nothing are listed in `missing`. */
                ids?: string[];
                /** @description Batch read: comma-separated EYES pupil ids, at most 100. Items come back in request order; ids that matched nothing are listed in `missing`. */
                pupilIds?: string[];
                /** @description Only SEND costs open on this date (started on or before it, not ended before it). */
                activeOn?: string;
                /** @description Only SEND costs open at some point on or after this date (inclusive). Not with `activeOn`. */
                from?: string;
                /** @description Only SEND costs started on or before this date (inclusive). Not with `activeOn`. */
                to?: string;
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
                    "application/json": components["schemas"]["LiftSendCostBatch"] | components["schemas"]["LiftSendCostPage"];
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
}
