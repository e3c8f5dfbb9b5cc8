/**
 * The hand-written baseline the hub is measured against: a minimal node:http route that, for one
 * child whose system ids it is given, makes the same upstream calls as the hub (Promise.all over
 * keep-alive connections) and returns the same facts as JSON. It shares no code with the hub.
 *
 *   GET /child?id=<hub id>&lcs=<ids>&eyes=<ids>&frontdoor=<ids>   (comma-separated system ids)
 *
 * Facts (the bench's single-view query asks exactly these): name, date of birth, sex; seven flags;
 * social care case status and referral and CP plan counts; the current education setting; LIFT
 * client refs, committed and paid-to-date totals; front-door contacts (newest first, up to 50).
 */
import { Agent, createServer, get, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BaselineUpstreams {
  lcs: string;
  eyes: string;
  lift: string;
  frontdoor: string;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- upstream JSON, read field by field;

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function getJson(base: string, path: string): Promise<Json | null> {
  return new Promise((resolve, reject) => {
    const request = get(base + path, { agent }, (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode === 404) return resolve(null);
        if (response.statusCode !== 200) return reject(new Error(`upstream answered ${response.statusCode}`));
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json);
        } catch (error) {
          reject(error as Error);
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

const list = (text: string | null) => (text ? text.split(',').filter((s) => s.length > 0) : []);
const openOn = (today: string, start: string, end: string | null) =>
  start <= today && (end === null || end >= today);
const byRequestOrder = (ids: string[], items: Json[], key: string) => {
  const found = new Map(items.map((item) => [item[key] as string, item]));
  return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
};
const newestFirst = (items: Json[], key: string) =>
  [...items].sort((a, b) => (a[key] < b[key] ? 1 : a[key] > b[key] ? -1 : 0));

async function allPayments(lift: string, clientRef: string): Promise<Json[]> {
  const payments: Json[] = [];
  let cursor: string | null = null;
  do {
    const page: Json | null = await getJson(
      lift,
      `/clients/${encodeURIComponent(clientRef)}/payments?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (!page) return payments;
    payments.push(...(page['items'] as Json[]));
    cursor = page['nextCursor'] as string | null;
  } while (cursor);
  return payments;
}

export async function childFacts(
  up: BaselineUpstreams,
  id: string,
  lcsIds: string[],
  eyesIds: string[],
  contactIds: string[],
  today: string,
): Promise<Json> {
  const none = Promise.resolve(null);
  const [people, cares, pupils, records, clients, contacts] = await Promise.all([
    lcsIds.length ? getJson(up.lcs, `/people?ids=${lcsIds.map(encodeURIComponent).join(',')}`) : none,
    Promise.all(lcsIds.map((pid) => getJson(up.lcs, `/people/${encodeURIComponent(pid)}/social-care`))),
    eyesIds.length ? getJson(up.eyes, `/pupils?ids=${eyesIds.map(encodeURIComponent).join(',')}`) : none,
    Promise.all(eyesIds.map((pid) => getJson(up.eyes, `/pupils/${encodeURIComponent(pid)}/record`))),
    lcsIds.length
      ? getJson(up.lift, `/clients?lcsPersonIds=${lcsIds.map(encodeURIComponent).join(',')}`)
      : none,
    contactIds.length
      ? getJson(up.frontdoor, `/contacts?ids=${contactIds.map(encodeURIComponent).join(',')}`)
      : none,
  ]);
  const clientList = orderClients(lcsIds, (clients?.['items'] as Json[]) ?? []);
  const refs = clientList.map((c) => c['clientRef'] as string);
  const [agreements, payments] = await Promise.all([
    refs.length ? getJson(up.lift, `/agreements?clientRefs=${refs.map(encodeURIComponent).join(',')}`) : none,
    Promise.all(refs.map((ref) => allPayments(up.lift, ref))),
  ]);

  const person = byRequestOrder(lcsIds, (people?.['items'] as Json[]) ?? [], 'personId')[0] ?? null;
  const pupil = byRequestOrder(eyesIds, (pupils?.['items'] as Json[]) ?? [], 'pupilId')[0] ?? null;
  const care = cares.filter((c): c is Json => c !== null);
  const merged = (key: string) => care.flatMap((c) => c[key] as Json[]);
  const education = records.filter((r): r is Json => r !== null);
  const fromEducation = (key: string) => education.flatMap((e) => e[key] as Json[]);
  const source = person ?? pupil;

  const involvements = merged('involvements').filter((i) => i['endDate'] === null || i['endDate'] >= today);
  const involvement = involvements.find((i) => i['role'] === 'ALLOCATED_SOCIAL_WORKER') ?? involvements[0];
  const current = newestFirst(fromEducation('enrolments'), 'startDate').find((e) =>
    openOn(today, e['startDate'], e['endDate']),
  );
  const agreementList = refs.flatMap((ref) =>
    ((agreements?.['items'] as Json[]) ?? []).filter((a) => a['clientRef'] === ref),
  );
  const contactList = newestFirst(
    byRequestOrder(contactIds, (contacts?.['items'] as Json[]) ?? [], 'contactId'),
    'receivedAt',
  );

  return {
    id,
    name: source ? { forename: source['forename'], surname: source['surname'] } : null,
    dateOfBirth: person?.['dateOfBirth'] ?? pupil?.['dateOfBirth'] ?? null,
    sex: person?.['sex'] ?? pupil?.['sex'] ?? null,
    flags: {
      onChildProtectionPlan: merged('cpPlans').some((p) => openOn(today, p['startDate'], p['endDate'])),
      lookedAfter: merged('claEpisodes').some((e) => openOn(today, e['startDate'], e['ceasedDate'])),
      childInNeed: merged('referrals').some(
        (r) => !r['nfa'] && openOn(today, r['referralDate'], r['closeDate']),
      ),
      earlyHelp: merged('earlyHelpEpisodes').some((e) => openOn(today, e['startDate'], e['endDate'])),
      ehcp: fromEducation('ehcpRequests').some(
        (r) => r['plan'] !== null && openOn(today, r['plan']['startDate'], r['plan']['ceasedDate']),
      ),
      senSupport: fromEducation('senSupport').some((s) => openOn(today, s['startDate'], s['endDate'])),
      freeSchoolMeals: fromEducation('fsmPeriods').some((f) => openOn(today, f['startDate'], f['endDate'])),
    },
    socialCare:
      care.length === 0
        ? null
        : {
            caseStatus: involvement?.['caseStatus'] ?? null,
            referrals: { totalCount: merged('referrals').length },
            cpPlans: { totalCount: merged('cpPlans').length },
          },
    education:
      education.length === 0
        ? null
        : {
            currentSetting: current
              ? {
                  settingName: current['settingName'],
                  phase: current['phase'],
                  startDate: current['startDate'],
                }
              : null,
          },
    finance:
      refs.length === 0
        ? null
        : {
            clientRefs: refs,
            committed: agreementList.reduce((sum, a) => sum + (a['commitmentPence'] as number), 0),
            paidToDate: payments
              .flat()
              .reduce((sum, p) => (p['paidOn'] <= today ? sum + (p['amountPence'] as number) : sum), 0),
          },
    frontDoor: {
      contacts: {
        totalCount: contactList.length,
        nodes: contactList.slice(0, 50).map((c) => ({
          id: c['contactId'],
          date: c['contactDate'],
          route: c['route'],
          rag: c['rag'],
          decision: c['decision'],
        })),
      },
    },
  };
}

/** LIFT clients in the order of the LCS person ids they carry (as asked). */
function orderClients(lcsIds: string[], clients: Json[]): Json[] {
  return lcsIds.flatMap((pid) => clients.filter((c) => c['lcsPersonId'] === pid));
}

export function createBaseline(
  up: BaselineUpstreams,
  today: () => string = () => new Date().toISOString().slice(0, 10),
): Server {
  return createServer({ keepAliveTimeout: 65_000 }, (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://baseline');
    if (req.method !== 'GET' || url.pathname !== '/child') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const p = url.searchParams;
    childFacts(
      up,
      p.get('id') ?? '',
      list(p.get('lcs')),
      list(p.get('eyes')),
      list(p.get('frontdoor')),
      today(),
    ).then(
      (facts) => {
        const body = JSON.stringify(facts);
        res
          .writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
          .end(body);
      },
      () => res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"upstream failed"}'),
    );
  });
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
