/* Generated from contracts/lcs.openapi.json by `npm run contracts:types`. Do not edit. */
export interface paths {
    "/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Batch read people by id, or page through every person
         * @description With the batch parameter, a batch read; otherwise one page of the list. The two cannot be mixed.
         */
        get: operations["getPeople"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person */
        get: operations["getPerson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{personId}/social-care": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person’s whole social care record (single reads only) */
        get: operations["getSocialCareRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Batch read workers by id, or page through workers (optionally one team’s)
         * @description With the batch parameter, a batch read; otherwise one page of the list. The two cannot be mixed.
         */
        get: operations["getWorkers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Batch read teams by id, or page through every team
         * @description With the batch parameter, a batch read; otherwise one page of the list. The two cannot be mixed.
         */
        get: operations["getTeams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/involvements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A worker’s or a team’s caseload
         * @description Exactly one of `workerId` and `teamId` is required.
         */
        get: operations["listInvolvements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Referrals by referral date */
        get: operations["listReferrals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assessments by start date */
        get: operations["listAssessments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s47-enquiries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Section 47 enquiries (with their ICPC) by start date */
        get: operations["listS47Enquiries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cp-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Child protection plans open on a date or during a period
         * @description Results are ordered by start date.
         */
        get: operations["listCpPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cla-episodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Looked-after episodes open on a date or during a period
         * @description Results are ordered by start date.
         */
        get: operations["listClaEpisodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/placements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Looked-after placements open on a date or during a period
         * @description Results are ordered by start date.
         */
        get: operations["listPlacements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cin-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Child-in-need plans (with their reviews) open on a date or during a period
         * @description Results are ordered by start date.
         */
        get: operations["listCinPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/care-leavers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Care leavers: pathway plans and the SSDA903 birthday contacts
         * @description Ordered by person id; with `updatedSince`, by `updatedAt`.
         */
        get: operations["listCareLeavers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/uasc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Unaccompanied asylum-seeking children (current and former), with age assessments
         * @description Ordered by person id; with `updatedSince`, by `updatedAt`.
         */
        get: operations["listUasc"];
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
        /** @description A child and family assessment */
        LcsAssessment: {
            assessmentId: string;
            personId: string;
            referralId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            childSeen: string | null;
            authorisationDate: string | null;
            outcome: string | null;
            factors: string[];
            teamId: string | null;
            workerId: string | null;
        };
        LcsAssessmentPage: {
            items: components["schemas"]["LcsAssessment"][];
            nextCursor: string | null;
        };
        /** @description A care leaver (a former relevant child) and the birthday contacts the SSDA903 return counts */
        LcsCareLeaver: {
            personId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            dateOfBirth: string;
            pathwayPlan: components["schemas"]["LcsPathwayPlan"] | null;
            contacts: components["schemas"]["LcsCareLeaverContact"][];
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description What the local authority knew of a care leaver around one birthday (within 3 months before to 1 month after), as the SSDA903 return records it */
        LcsCareLeaverContact: {
            contactId: string;
            /** @description The birthday this information is for */
            age: number;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            contactDate: string;
            /** @description SSDA903 IN_TOUCH: YES, NO, DIED, REFU, NREQ, RHOM */
            inTouch: string;
            /** @description SSDA903 ACTIV: F1, P1, F2, P2, F3, P3 (education, training or employment), G4, G5, G6, 0 */
            activity: string;
            /** @description SSDA903 ACCOM: the accommodation type (B, C, D, E, G, H, K, R, S, T, U, V, W, X, Y, Z) then 1 suitable or 2 not suitable; 0 when not known */
            accommodation: string;
        };
        LcsCareLeaverPage: {
            items: components["schemas"]["LcsCareLeaver"][];
            nextCursor: string | null;
        };
        /** @description A child-in-need plan */
        LcsCinPlan: {
            cinPlanId: string;
            personId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            endDate: string | null;
            reviews?: components["schemas"]["LcsCinPlanReview"][];
        };
        LcsCinPlanPage: {
            items: components["schemas"]["LcsCinPlan"][];
            nextCursor: string | null;
        };
        /** @description A child-in-need plan review (local standard: within 3 months of the plan, then at most 3-monthly) */
        LcsCinPlanReview: {
            reviewId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            dueDate: string;
            reviewDate: string | null;
        };
        /** @description A looked-after (CLA) episode */
        LcsClaEpisode: {
            episodeId: string;
            personId: string;
            periodOfCareId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            /** @description S, L, P, T, B, U */
            reasonNewEpisode: string;
            primaryNeedCode: string;
            ceasedDate: string | null;
            reasonCeased: string | null;
            placementId: string | null;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            enteredCareDate: string;
        };
        LcsClaEpisodePage: {
            items: components["schemas"]["LcsClaEpisode"][];
            nextCursor: string | null;
        };
        /** @description A looked-after child review */
        LcsClaReview: {
            reviewId: string;
            personId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            dueDate: string;
            reviewDate: string | null;
            participationCode: string | null;
        };
        /** @description A contact recorded in LCS */
        LcsContact: {
            contactId: string;
            personId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            contactDate: string;
            /** @description Referral source code: 1A-1D, 2A, 2B, 3A-3F, 4, 5A-5D, 6, 7, 8, 9, 10 */
            sourceCode: string;
            /** @description NEW_REFERRAL, EXISTING_REFERRAL, CP_ENQUIRY, NFA, ADVICE, EARLY_HELP */
            outcome: string;
        };
        /** @description A child protection plan */
        LcsCpPlan: {
            cpPlanId: string;
            personId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            endDate: string | null;
            /** @description NEG, PHY, SAB, EMO, MUL */
            initialCategory: string;
            /** @description NEG, PHY, SAB, EMO, MUL */
            latestCategory: string;
            reviews: components["schemas"]["LcsCpReview"][];
        };
        LcsCpPlanPage: {
            items: components["schemas"]["LcsCpPlan"][];
            nextCursor: string | null;
        };
        /** @description A child protection review conference */
        LcsCpReview: {
            reviewId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            dueDate: string;
            reviewDate: string | null;
            continuePlan: boolean | null;
        };
        /** @description An early help episode */
        LcsEarlyHelpEpisode: {
            episodeId: string;
            personId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            endDate: string | null;
            reason: string;
            endReason: string | null;
            organisation: string;
            workerId: string | null;
        };
        /** @description A worker’s involvement with a person */
        LcsInvolvement: {
            involvementId: string;
            personId: string;
            workerId: string;
            teamId: string;
            /** @description ALLOCATED_SOCIAL_WORKER, EARLY_HELP_WORKER, IRO, TEAM_MANAGER */
            role: string;
            /** @enum {string} */
            caseStatus: "CIN" | "CP" | "CLA" | "EARLY_HELP" | "CARE_LEAVER";
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            endDate: string | null;
            changeReason: string | null;
        };
        LcsInvolvementPage: {
            items: components["schemas"]["LcsInvolvement"][];
            nextCursor: string | null;
        };
        /** @description A legal status while looked after */
        LcsLegalStatus: {
            legalStatusId: string;
            personId: string;
            /** @description C1, C2, E1, V2, V3, V4, L1, L2, J1-J3 */
            code: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            endDate: string | null;
        };
        /** @description A missing or away-from-placement episode */
        LcsMissingEpisode: {
            missingId: string;
            personId: string;
            /** @enum {string} */
            kind: "MISSING" | "AWAY";
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            endDate: string | null;
            returnInterviewOffered: boolean | null;
            returnInterviewAccepted: boolean | null;
        };
        /** @description A care leaver’s pathway plan */
        LcsPathwayPlan: {
            pathwayPlanId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            latestReviewDate: string | null;
            nextReviewDue: string | null;
            endDate: string | null;
            /** @description The LCS worker acting as the young person’s personal adviser */
            personalAdviserWorkerId: string | null;
        };
        /** @description A person known to children’s social care */
        LcsPerson: {
            personId: string;
            legacyId: string | null;
            forename: string;
            surname: string;
            aliases: string[];
            /** @enum {string} */
            sex: "M" | "F" | "U";
            gender: string | null;
            /** @description DfE ethnicity code, e.g. WBRI, MIXD, ASIN, BCRB, OOTH, REFU, NOBT */
            ethnicity: string;
            dateOfBirth: string | null;
            expectedDateOfBirth: string | null;
            deathDate: string | null;
            nhsNumber: string | null;
            upn: string | null;
            upnUnknownReason: string | null;
            sendFlag: boolean;
            nationality: string | null;
            addresses: components["schemas"]["Address"][];
            restriction: {
                reason: components["schemas"]["RestrictionReason"];
                allowedRoles: string[];
                allowedUsers: string[];
            } | null;
            adoptionIdentity: ("BIRTH" | "ADOPTIVE") | null;
            /** Format: date-time */
            updatedAt: string;
        };
        LcsPersonBatch: {
            items: components["schemas"]["LcsPerson"][];
            missing: string[];
        };
        LcsPersonPage: {
            items: components["schemas"]["LcsPerson"][];
            nextCursor: string | null;
        };
        /** @description A looked-after placement */
        LcsPlacement: {
            placementId: string;
            personId: string;
            episodeId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            endDate: string | null;
            /** @description Placement type code, versioned by collection year (K1, U4, R1, ...) */
            placementType: string;
            providerUrn: string | null;
            /** @description PR0-PR5 */
            providerType: string;
            providerName: string;
            postcode: string | null;
            distanceFromHomeMiles: number | null;
            changeReason: string | null;
        };
        LcsPlacementPage: {
            items: components["schemas"]["LcsPlacement"][];
            nextCursor: string | null;
        };
        /** @description A referral: the start of a child-in-need episode */
        LcsReferral: {
            referralId: string;
            personId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            referralDate: string;
            /** @description N1-N8 */
            primaryNeedCode: string;
            referralSource: string;
            outcome: string;
            nfa: boolean;
            closeReason: string | null;
            closeDate: string | null;
            teamId: string | null;
            workerId: string | null;
        };
        LcsReferralPage: {
            items: components["schemas"]["LcsReferral"][];
            nextCursor: string | null;
        };
        /** @description A section 47 enquiry and its initial child protection conference */
        LcsS47: {
            s47Id: string;
            personId: string;
            referralId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            strategyDiscussionDate: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            startDate: string;
            endDate: string | null;
            outcome: string | null;
            icpc: {
                icpcId: string;
                /**
                 * Format: date
                 * @description Calendar date, YYYY-MM-DD
                 */
                targetDate: string;
                conferenceDate: string | null;
                cpPlanOutcome: boolean | null;
                transferIn: boolean;
            } | null;
        };
        LcsS47Page: {
            items: components["schemas"]["LcsS47"][];
            nextCursor: string | null;
        };
        /** @description A person’s whole social care record */
        LcsSocialCareRecord: {
            personId: string;
            contacts: components["schemas"]["LcsContact"][];
            referrals: components["schemas"]["LcsReferral"][];
            assessments: components["schemas"]["LcsAssessment"][];
            s47Enquiries: components["schemas"]["LcsS47"][];
            cinPlans: components["schemas"]["LcsCinPlan"][];
            cpPlans: components["schemas"]["LcsCpPlan"][];
            visits: components["schemas"]["LcsVisit"][];
            claEpisodes: components["schemas"]["LcsClaEpisode"][];
            placements: components["schemas"]["LcsPlacement"][];
            legalStatuses: components["schemas"]["LcsLegalStatus"][];
            claReviews: components["schemas"]["LcsClaReview"][];
            missingEpisodes: components["schemas"]["LcsMissingEpisode"][];
            earlyHelpEpisodes: components["schemas"]["LcsEarlyHelpEpisode"][];
            involvements: components["schemas"]["LcsInvolvement"][];
            careLeaver?: components["schemas"]["LcsCareLeaver"] | null;
            uasc?: components["schemas"]["LcsUasc"] | null;
        };
        /** @description A team */
        LcsTeam: {
            teamId: string;
            name: string;
            service: string;
            parentTeamId: string | null;
            managerWorkerId: string | null;
        };
        LcsTeamBatch: {
            items: components["schemas"]["LcsTeam"][];
            missing: string[];
        };
        LcsTeamPage: {
            items: components["schemas"]["LcsTeam"][];
            nextCursor: string | null;
        };
        /** @description An unaccompanied asylum-seeking child (UASC) status */
        LcsUasc: {
            personId: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            arrivalDate: string;
            claimedDateOfBirth: string | null;
            uascCeasedDate: string | null;
            ageAssessment: {
                /**
                 * Format: date
                 * @description Calendar date, YYYY-MM-DD
                 */
                requestedDate: string;
                completedDate: string | null;
                /** @description CLAIMED_AGE_ACCEPTED, ASSESSED_OLDER_UNDER_18, ASSESSED_YOUNGER, ASSESSED_ADULT; null while in progress */
                outcome: string | null;
            } | null;
            /** Format: date-time */
            updatedAt: string;
        };
        LcsUascPage: {
            items: components["schemas"]["LcsUasc"][];
            nextCursor: string | null;
        };
        /** @description A statutory visit */
        LcsVisit: {
            visitId: string;
            personId: string;
            /** @enum {string} */
            kind: "CIN" | "CP" | "CLA";
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD
             */
            visitDate: string;
            seen: boolean;
            seenAlone: boolean;
            bedroomSeen: boolean | null;
            workerId: string | null;
        };
        /** @description A practitioner */
        LcsWorker: {
            workerId: string;
            staffId: string;
            name: string;
            socialWorkRegistration: string | null;
            jobTitle: string;
            teamId: string;
            fte: number;
            agency: boolean;
        };
        LcsWorkerBatch: {
            items: components["schemas"]["LcsWorker"][];
            missing: string[];
        };
        LcsWorkerPage: {
            items: components["schemas"]["LcsWorker"][];
            nextCursor: string | null;
        };
        /** @enum {string} */
        RestrictionReason: "ADOPTION" | "PROTECTED_IDENTITY" | "STAFF" | "STAFF_RELATIVE" | "HIGH_RISK";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getPeople: {
        parameters: {
            query?: {
                /** @description Batch read: comma-separated person ids, at most 100. Items come back in request order; ids that matched nothing are listed in `missing`. */
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
                    "application/json": components["schemas"]["LcsPersonBatch"] | components["schemas"]["LcsPersonPage"];
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
    getPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description LCS person id (numeric, at most 20 digits) */
                personId: string;
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
                    "application/json": components["schemas"]["LcsPerson"];
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
    getSocialCareRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description LCS person id (numeric, at most 20 digits) */
                personId: string;
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
                    "application/json": components["schemas"]["LcsSocialCareRecord"];
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
    getWorkers: {
        parameters: {
            query?: {
                /** @description Batch read: comma-separated worker ids, at most 100. Items come back in request order; ids that matched nothing are listed in `missing`. */
                ids?: string[];
                /** @description Page size: a positive integer, default 100; values above 500 are capped to 500. */
                limit?: number;
                /** @description Opaque cursor from the previous page’s `nextCursor`. Only valid with the same filters that produced it. */
                cursor?: string;
                /** @description Only workers in this team. */
                teamId?: string;
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
                    "application/json": components["schemas"]["LcsWorkerBatch"] | components["schemas"]["LcsWorkerPage"];
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
    getTeams: {
        parameters: {
            query?: {
                /** @description Batch read: comma-separated team ids, at most 100. Items come back in request order; ids that matched nothing are listed in `missing`. */
                ids?: string[];
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
                    "application/json": components["schemas"]["LcsTeamBatch"] | components["schemas"]["LcsTeamPage"];
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
    listInvolvements: {
        parameters: {
            query?: {
                /** @description Involvements of this worker. */
                workerId?: string;
                /** @description Involvements held in this team. */
                teamId?: string;
                /** @description `true`: only open involvements (no end date); `false`: only ended ones; absent: both. */
                open?: boolean;
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
                    "application/json": components["schemas"]["LcsInvolvementPage"];
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
    listReferrals: {
        parameters: {
            query?: {
                /** @description Earliest referralDate (inclusive). Results are ordered by referralDate. */
                from?: string;
                /** @description Latest referralDate (inclusive). */
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
                    "application/json": components["schemas"]["LcsReferralPage"];
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
    listAssessments: {
        parameters: {
            query?: {
                /** @description Earliest startDate (inclusive). Results are ordered by startDate. */
                from?: string;
                /** @description Latest startDate (inclusive). */
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
                    "application/json": components["schemas"]["LcsAssessmentPage"];
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
    listS47Enquiries: {
        parameters: {
            query?: {
                /** @description Earliest startDate (inclusive). Results are ordered by startDate. */
                from?: string;
                /** @description Latest startDate (inclusive). */
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
                    "application/json": components["schemas"]["LcsS47Page"];
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
    listCpPlans: {
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
                    "application/json": components["schemas"]["LcsCpPlanPage"];
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
    listClaEpisodes: {
        parameters: {
            query?: {
                /** @description Only episodes open on this date (started on or before it, not ended before it). */
                activeOn?: string;
                /** @description Only episodes open at some point on or after this date (inclusive). Not with `activeOn`. */
                from?: string;
                /** @description Only episodes started on or before this date (inclusive). Not with `activeOn`. */
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
                    "application/json": components["schemas"]["LcsClaEpisodePage"];
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
    listPlacements: {
        parameters: {
            query?: {
                /** @description Only placements open on this date (started on or before it, not ended before it). */
                activeOn?: string;
                /** @description Only placements open at some point on or after this date (inclusive). Not with `activeOn`. */
                from?: string;
                /** @description Only placements started on or before this date (inclusive). Not with `activeOn`. */
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
                    "application/json": components["schemas"]["LcsPlacementPage"];
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
    listCinPlans: {
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
                    "application/json": components["schemas"]["LcsCinPlanPage"];
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
    listCareLeavers: {
        parameters: {
            query?: {
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
                    "application/json": components["schemas"]["LcsCareLeaverPage"];
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
    listUasc: {
        parameters: {
            query?: {
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
                    "application/json": components["schemas"]["LcsUascPage"];
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
