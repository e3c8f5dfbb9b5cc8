/* Generated from contracts/eyes.openapi.json by `npm run contracts:types`. Do not edit. */
export interface paths {
    "/pupils": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Batch read pupils by id, or page through every pupil
         * @description With the batch parameter, a batch read; otherwise one page of the list. The two cannot be mixed.
         */
        get: operations["getPupils"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pupils/{pupilId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One pupil */
        get: operations["getPupil"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pupils/{pupilId}/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pupil’s whole education record (single reads only) */
        get: operations["getEducationRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Batch read settings by id */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ehcp-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** EHC needs assessment requests by request date */
        get: operations["listEhcpRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ehcp-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * EHC plans open on a date or during a period, each with its annual reviews
         * @description Results are ordered by start date.
         */
        get: operations["listEhcpPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/missing-education": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Children missing education: CME referrals open on a date, during a period, or updated since
         * @description With `activeOn` or `from`/`to`, ordered by the date reported missing (an open referral has no end); with `updatedSince`, ordered by `updatedAt`. The two cannot be mixed.
         */
        get: operations["listMissingEducation"];
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
        Address: {
            line1: string;
            town: string;
            postcode: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            from: string;
            to: string | null;
        };
        Error: {
            error: {
                /** @enum {string} */
                code: "NOT_FOUND" | "BAD_REQUEST" | "INTERNAL" | "UNAVAILABLE" | "RATE_LIMITED";
                message: string;
            };
        };
        /** @description Attendance over one academic year */
        EyesAttendance: {
            /** @description e.g. 2025/26 */
            academicYear: string;
            possibleSessions: number;
            attendedSessions: number;
            authorisedAbsence: number;
            unauthorisedAbsence: number;
        };
        /** @description A referral to the children missing education (CME) service and how it closed */
        EyesCmeEpisode: {
            cmeId: string;
            pupilId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            reportedMissingDate: string;
            /** @description MOVED_INTO_AREA_NO_PLACE, REMOVED_FROM_ROLL_DESTINATION_UNKNOWN, PLACE_NOT_TAKEN_UP, EHE_UNSUITABLE, EXCLUDED_NO_PROVISION, OTHER */
            reason: string;
            /** @description SCHOOL, ADMISSIONS, SOCIAL_CARE, HEALTH, POLICE, OTHER_LA, PUBLIC */
            referredBy: string;
            closedDate: string | null;
            outcome: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        EyesCmeEpisodePage: {
            items: components["schemas"]["EyesCmeEpisode"][];
            nextCursor: string | null;
        };
        /** @description Early-years funded hours for a term */
        EyesEarlyYearsFunding: {
            term: string;
            /** @description TWO_YEAR_OLD, UNIVERSAL_15, EXTENDED_30 */
            kind: string;
            hoursPerWeek: number;
            settingId: string;
        };
        /** @description A pupil’s whole education record */
        EyesEducationRecord: {
            pupilId: string;
            enrolments: components["schemas"]["EyesEnrolment"][];
            attendance: components["schemas"]["EyesAttendance"][];
            exclusions: components["schemas"]["EyesExclusion"][];
            fsmPeriods: components["schemas"]["EyesFsmPeriod"][];
            earlyYearsFunding: components["schemas"]["EyesEarlyYearsFunding"][];
            senSupport: components["schemas"]["EyesSenSupport"][];
            ehcpRequests: components["schemas"]["EyesEhcpRequest"][];
            neet: components["schemas"]["EyesNeetStatus"][];
            missingEducation: components["schemas"]["EyesCmeEpisode"][];
        };
        /** @description An EHC plan annual review: the review meeting and the local authority’s decision (SEN2) */
        EyesEhcpAnnualReview: {
            reviewId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            meetingDate: string;
            decisionDate: string | null;
            decision: ("MAINTAIN" | "AMEND" | "CEASE") | null;
        };
        /** @description An EHC plan with its annual reviews, as the plans list returns it */
        EyesEhcpPlanSummary: {
            planId: string;
            pupilId: string;
            requestId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            ceasedDate: string | null;
            annualReviews: components["schemas"]["EyesEhcpAnnualReview"][];
        };
        EyesEhcpPlanSummaryPage: {
            items: components["schemas"]["EyesEhcpPlanSummary"][];
            nextCursor: string | null;
        };
        /** @description An EHC needs assessment request and, where issued, its plan */
        EyesEhcpRequest: {
            requestId: string;
            pupilId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            requestDate: string;
            requestSource: string;
            decisionToAssessDate: string | null;
            /** @description ASSESS, REFUSED, WITHDRAWN, PENDING */
            requestOutcome: string;
            /** @description PLAN_ISSUED, NO_PLAN, PENDING, WITHDRAWN */
            assessmentOutcome: string;
            assessmentOutcomeDate: string | null;
            twentyWeekException: boolean;
            plan: {
                planId: string;
                /**
                 * Format: date
                 * @description Calendar date, YYYY-MM-DD
                 */
                startDate: string;
                ceasedDate: string | null;
                ceasedReason: string | null;
                primaryNeed: string;
                secondaryNeed: string | null;
                settingId: string | null;
                annualReviews: components["schemas"]["EyesEhcpAnnualReview"][];
            } | null;
        };
        EyesEhcpRequestPage: {
            items: components["schemas"]["EyesEhcpRequest"][];
            nextCursor: string | null;
        };
        /** @description A pupil’s enrolment at a setting */
        EyesEnrolment: {
            enrolmentId: string;
            settingId: string;
            settingName: string;
            /** @description EY, PRIMARY, SECONDARY, SPECIAL, AP, POST16 */
            phase: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            endDate: string | null;
            yearGroup: string | null;
        };
        /** @description A suspension or permanent exclusion */
        EyesExclusion: {
            exclusionId: string;
            settingId: string;
            /** @enum {string} */
            kind: "SUSPENSION" | "PERMANENT";
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            sessions: number;
            reasonCode: string;
        };
        /** @description A period of free school meals eligibility */
        EyesFsmPeriod: {
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            endDate: string | null;
        };
        /** @description A CCIS activity / NEET record (16+) */
        EyesNeetStatus: {
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            recordedDate: string;
            activityCode: string;
            neet: boolean;
        };
        /** @description A pupil or early-years child known to EYES */
        EyesPupil: {
            pupilId: string;
            upn: string | null;
            upnUnknownReason: string | null;
            uln: string | null;
            nhsNumber: string | null;
            lcsPersonId: string | null;
            forename: string;
            surname: string;
            preferredSurname: string | null;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            dateOfBirth: string;
            /** @enum {string} */
            sex: "M" | "F";
            ethnicity: string;
            addresses: components["schemas"]["Address"][];
            /** Format: date-time */
            updatedAt: string;
        };
        EyesPupilBatch: {
            items: components["schemas"]["EyesPupil"][];
            missing: string[];
        };
        EyesPupilPage: {
            items: components["schemas"]["EyesPupil"][];
            nextCursor: string | null;
        };
        /** @description A period of SEN support */
        EyesSenSupport: {
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            endDate: string | null;
            /** @description SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH */
            primaryNeed: string;
            secondaryNeed: string | null;
        };
        /** @description A school or early-years setting */
        EyesSetting: {
            settingId: string;
            urn: string;
            name: string;
            phase: string;
            laCode: string;
            establishmentNumber: string;
            postcode: string;
        };
        EyesSettingBatch: {
            items: components["schemas"]["EyesSetting"][];
            missing: string[];
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
    getPupils: {
        parameters: {
            query?: {
                /** @description Batch read: comma-separated pupil ids, at most 100. Items come back in request order; ids that matched nothing are listed in `missing`. */
                ids?: string[];
                /** @description Page size: a positive integer, default 100; values above 500 are capped to 500. */
                limit?: number;
                /** @description Opaque cursor from the previous page’s `nextCursor`. Only valid with the same filters that produced it. */
                cursor?: string;
                /** @description Only records whose `updatedAt` is at or after this instant, ordered by `updatedAt` (for incremental loads). */
                updatedSince?: string;
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
                    "application/json": components["schemas"]["EyesPupilBatch"] | components["schemas"]["EyesPupilPage"];
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
    getPupil: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description EYES pupil id */
                pupilId: string;
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
                    "application/json": components["schemas"]["EyesPupil"];
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
    getEducationRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description EYES pupil id */
                pupilId: string;
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
                    "application/json": components["schemas"]["EyesEducationRecord"];
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
    getSettings: {
        parameters: {
            query: {
                /** @description Batch read: comma-separated setting ids, at most 100. Items come back in request order; ids that matched nothing are listed in `missing`. */
                ids: string[];
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
                    "application/json": components["schemas"]["EyesSettingBatch"];
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
    listEhcpRequests: {
        parameters: {
            query?: {
                /** @description Earliest requestDate (inclusive). Results are ordered by requestDate. */
                from?: string;
                /** @description Latest requestDate (inclusive). */
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
                    "application/json": components["schemas"]["EyesEhcpRequestPage"];
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
    listEhcpPlans: {
        parameters: {
            query?: {
                /** @description Only plans open on this date (started on or before it, not ended before it). */
                activeOn?: string;
                /** @description Only plans open at some point on or after this date (inclusive). Not with `activeOn`. */
                from?: string;
                /** @description Only plans started on or before this date (inclusive). Not with `activeOn`. */
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
                    "application/json": components["schemas"]["EyesEhcpPlanSummaryPage"];
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
    listMissingEducation: {
        parameters: {
            query?: {
                /** @description Only referrals open on this date (started on or before it, not ended before it). */
                activeOn?: string;
                /** @description Only referrals open at some point on or after this date (inclusive). Not with `activeOn`. */
                from?: string;
                /** @description Only referrals started on or before this date (inclusive). Not with `activeOn`. */
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
                    "application/json": components["schemas"]["EyesCmeEpisodePage"];
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
