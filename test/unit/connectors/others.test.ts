import { http, HttpResponse } from 'msw';
import { setupUpstreamServer } from '../../support/upstreamServer.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEyesClient } from '../../../connectors/eyes/client.ts';
import { createEyesLoaders } from '../../../connectors/eyes/loaders.ts';
import { createLiftClient } from '../../../connectors/lift/client.ts';
import { createLiftLoaders } from '../../../connectors/lift/loaders.ts';
import { toSourceRecord as liftRecord } from '../../../connectors/lift/map.ts';
import { createFrontDoorClient } from '../../../connectors/frontdoor/client.ts';
import { createFrontDoorLoaders } from '../../../connectors/frontdoor/loaders.ts';
import { toSourceRecord as frontDoorRecord } from '../../../connectors/frontdoor/map.ts';
import type { FrontDoorContact } from '../../../connectors/frontdoor/types.ts';
import { addressesSince } from '../../../connectors/shared/postcodes.ts';
import { BASE, memoryCache, recordingWatch, upstream } from './support.ts';

const calls: string[] = [];
const track = (request: Request) => {
  const url = new URL(request.url);
  calls.push(`${url.pathname}${url.search ? `?${url.searchParams.toString()}` : ''}`);
  return url;
};

const contact = (contactId: string): FrontDoorContact => ({
  contactId,
  route: 'C-SPA',
  receivedAt: '2026-10-01T09:00:00Z',
  contactDate: '2026-10-01',
  sourceCode: '2A',
  reason: 'Concern raised by school',
  subject: {
    forename: 'Sam',
    surname: 'Jones',
    dateOfBirth: '2014-02-01',
    postcode: 'ZZ1 1ZZ',
    sex: null,
    nhsNumber: null,
    lcsPersonId: '42',
  },
  rag: 'AMBER',
  decision: null,
  decidedAt: null,
  routedTo: null,
  updatedAt: '2026-10-01T09:00:00Z',
});

const server = setupUpstreamServer(
  http.get(`${BASE('eyes')}/pupils/:id/record`, ({ request, params }) => {
    track(request);
    return HttpResponse.json({
      pupilId: params['id'],
      enrolments: [],
      attendance: [],
      exclusions: [],
      fsmPeriods: [],
      earlyYearsFunding: [],
      senSupport: [],
      ehcpRequests: [],
      neet: [],
      missingEducation: [],
    });
  }),
  http.get(`${BASE('lift')}/agreements`, ({ request }) => {
    const url = track(request);
    const refs = url.searchParams.get('clientRefs')!.split(',');
    const agreement = {
      agreementId: 'A1',
      clientRef: 'CL-1',
      lcsPersonId: '1',
      lcsPlacementId: null,
      serviceType: 'PLACEMENT',
      placementType: 'U4',
      providerId: 'PV1',
      providerName: 'Provider',
      providerType: 'PR4',
      teamId: null,
      serviceLine: 'FOSTERING_AGENCY',
      costCentre: 'CC-CENTRAL',
      startDate: '2026-01-01',
      plannedEndDate: null,
      endDate: null,
      status: 'ACTIVE',
      rates: [{ effectiveFrom: '2026-01-01', amountPence: 70_000, unit: 'WEEKLY', recordedAt: '2026-01-01' }],
      commitmentPence: 0,
    };
    return HttpResponse.json({
      items: refs.includes('CL-1') ? [agreement] : [],
      missing: refs.filter((r) => r !== 'CL-1'),
    });
  }),
  http.get(`${BASE('lift')}/clients/:ref/payments`, ({ request, params }) => {
    const url = track(request);
    const page = url.searchParams.get('cursor') ? 2 : 1;
    const payment = (n: number) => ({
      paymentId: `P${n}`,
      agreementId: 'A1',
      clientRef: params['ref'],
      periodStart: '2026-01-01',
      periodEnd: '2026-01-31',
      paidOn: '2026-02-05',
      amountPence: 100_00,
      invoiceRef: null,
    });
    return HttpResponse.json(
      page === 1 ? { items: [payment(1)], nextCursor: 'next' } : { items: [payment(2)], nextCursor: null },
    );
  }),
  http.get(`${BASE('frontdoor')}/contacts`, ({ request }) => {
    const url = track(request);
    const ids = url.searchParams.get('ids')!.split(',');
    return HttpResponse.json({ items: ids.map(contact), missing: [] });
  }),
);

beforeAll(() => server.listen());
afterEach(() => {
  calls.length = 0;
});
afterAll(() => server.close());

describe('the EYES connector', () => {
  it('reads education records one per pupil, de-duplicated within a request', async () => {
    const loaders = createEyesLoaders(
      createEyesClient(upstream('eyes'), recordingWatch().watch),
      memoryCache(),
      {},
    );
    await Promise.all([loaders.record.load('P1'), loaders.record.load('P1'), loaders.record.load('P2')]);
    expect([...calls].sort()).toEqual(['/pupils/P1/record', '/pupils/P2/record']);
  });
});

describe('the LIFT connector', () => {
  it('reads many clients’ agreements in one call, grouped by client, empty where none', async () => {
    const loaders = createLiftLoaders(
      createLiftClient(upstream('lift'), recordingWatch().watch),
      memoryCache(),
      {},
    );
    const [one, none] = await Promise.all([
      loaders.agreementsByClient.load('CL-1'),
      loaders.agreementsByClient.load('CL-none'),
    ]);
    expect(one?.value.map((a) => a.agreementId)).toEqual(['A1']);
    expect(none?.value).toEqual([]);
    expect(calls).toEqual(['/agreements?clientRefs=CL-1%2CCL-none']);
  });

  it('reads every page of a client’s payments', async () => {
    const loaders = createLiftLoaders(
      createLiftClient(upstream('lift'), recordingWatch().watch),
      memoryCache(),
      {},
    );
    const payments = await loaders.paymentsByClient.load('CL-1');
    expect(payments?.value.map((p) => p.paymentId)).toEqual(['P1', 'P2']);
    expect(calls).toHaveLength(2);
  });

  it('links a client to its child through the LCS person id', () => {
    expect(
      liftRecord({ clientRef: 'CL-1', lcsPersonId: '42', name: 'Sam Alex Jones', dateOfBirth: '2014-02-01' }),
    ).toMatchObject({
      forename: 'Sam Alex',
      surname: 'Jones',
      crossRefs: [{ system: 'lcs', localId: '42' }],
    });
  });
});

describe('the front-door connector', () => {
  it('batches contact reads into one call', async () => {
    const loaders = createFrontDoorLoaders(
      createFrontDoorClient(upstream('frontdoor'), recordingWatch().watch),
      memoryCache(),
      {},
    );
    const found = await Promise.all(['FD1', 'FD2'].map((id) => loaders.contact.load(id)));
    expect(found.map((c) => c?.value.contactId)).toEqual(['FD1', 'FD2']);
    expect(calls).toEqual(['/contacts?ids=FD1%2CFD2']);
  });

  it('links a contact by what the caller gave: name, date of birth, postcode and any LCS id', () => {
    expect(frontDoorRecord(contact('FD1'))).toMatchObject({
      system: 'frontdoor',
      forename: 'Sam',
      dateOfBirth: '2014-02-01',
      postcodes: ['ZZ1 1ZZ'],
      crossRefs: [{ system: 'lcs', localId: '42' }],
    });
  });

  it('dates the postcode a contact gives with the contact, and gives no date without a postcode', () => {
    expect(frontDoorRecord(contact('FD1')).postcodeDate).toBe('2026-10-01');
    const withoutPostcode = contact('FD2');
    withoutPostcode.subject.postcode = null;
    expect(frontDoorRecord(withoutPostcode).postcodeDate).toBeNull();
  });

  it('gives a contact decided as a social-care referral its day and source as evidence, and any other contact none', () => {
    const referred = { ...contact('FD3'), decision: 'SOCIAL_CARE_REFERRAL' as const };
    expect(frontDoorRecord(referred).referrals).toEqual([
      { date: '2026-10-01', source: '2A', recorded: 'CONTACT' },
    ]);
    for (const decision of [null, 'ADVICE', 'EARLY_HELP', 'SEND_SUPPORT', 'NFA'] as const)
      expect(frontDoorRecord({ ...contact('FD4'), decision }).referrals).toEqual([]);
  });
});

describe('dated addresses', () => {
  it('begin with the earliest address a system holds, whatever order it lists them in', () => {
    const spell = (from: string, to: string | null) => ({ postcode: 'ZZ1 1ZZ', from, to });
    expect(addressesSince([spell('2020-05-01', null), spell('2014-02-01', '2020-04-30')])).toBe('2014-02-01');
    expect(addressesSince([])).toBeNull();
  });
});
