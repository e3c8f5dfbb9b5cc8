/**
 * A team manager's team: each worker's caseload with what is overdue in red, amber or green; behind a
 * worker's counts, the overdue children most urgent first (what, due when, how many working days late)
 * and then every child on the caseload with what is next due, each one click from the child's record.
 */
import { useEffect, useState } from 'react';
import { HubError } from './api.ts';
import { useHub } from './hub.ts';
import {
  TEAM_CASELOAD,
  WORKER_CASELOAD,
  WORKER_OVERDUE_CHILDREN,
  type CaseloadEntry,
  type CaseloadSummary,
  type Connection,
  type OverdueChild,
  type PageInfo,
  type StatutoryItem,
  type TeamCaseloadData,
  type WorkerCaseloadData,
  type WorkerOverdueChildrenData,
} from './queries.ts';
import { childHref, workerHref } from './router.ts';
import { CASE_STATUS_NAMES, formatDate, fullName } from './format.ts';

type Rag = 'red' | 'amber' | 'green';

/** The measures shown, each counting children. */
const MEASURES: Array<{ key: keyof CaseloadSummary; label: string }> = [
  { key: 'visitsOverdue', label: 'Visits overdue' },
  { key: 'cpReviewsOverdue', label: 'CP reviews overdue' },
  { key: 'claReviewsOverdue', label: 'CLA reviews overdue' },
  { key: 'assessmentsOverdue', label: 'Assessments overdue' },
  { key: 'icpcsOverdue', label: 'ICPCs overdue' },
];

/**
 * Red when a quarter or more of the worker's children are overdue (or any statutory review is), amber
 * when some are, or a visit falls due within the week, green when nothing is.
 */
export function ragFor(key: keyof CaseloadSummary, summary: CaseloadSummary): Rag {
  const count = summary[key];
  if (count === 0) return key === 'visitsOverdue' && summary.visitsDue > 0 ? 'amber' : 'green';
  if (key !== 'visitsOverdue' && key !== 'assessmentsOverdue') return 'red';
  return count * 4 >= summary.children ? 'red' : 'amber';
}

const ITEM_NAMES: Record<StatutoryItem, string> = {
  CP_VISIT: 'CP visit',
  CIN_VISIT: 'CIN visit',
  CLA_VISIT: 'CLA visit',
  CP_REVIEW: 'CP review',
  CLA_REVIEW: 'CLA review',
  ASSESSMENT: 'Assessment',
  ICPC: 'ICPC',
};

type Page<T> = Connection<T> & { pageInfo: PageInfo };

/**
 * Every page of a worker's list (a caseload is a few dozen children), so what is listed matches the
 * counts. `read` asks for one page; null means the worker is not available to the viewer.
 */
async function readAllPages<T>(
  read: (after: string | null) => Promise<Page<T> | null | undefined>,
  live: () => boolean,
): Promise<T[] | null> {
  const all: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await read(after);
    if (!live()) return all;
    if (!page) return null;
    all.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}

function RagCount({ rag, count, label }: { rag: Rag; count: number; label: string }) {
  return (
    <span className={`rag rag-${rag}`} aria-label={`${label}: ${count}, ${rag}`}>
      {count}
    </span>
  );
}

export function CaseloadScreen({ workerId }: { workerId: string | null }) {
  return workerId ? <WorkerCaseload workerId={workerId} /> : <TeamCaseload />;
}

function TeamCaseload() {
  const hub = useHub();
  const [team, setTeam] = useState<TeamCaseloadData['team']>(null);
  const [message, setMessage] = useState('Loading the team’s caseload…');
  useEffect(() => {
    if (!hub.teamId) {
      setMessage('You are not in a team, so there is no team caseload to show.');
      return;
    }
    hub
      .run<TeamCaseloadData>(TEAM_CASELOAD, { teamId: hub.teamId })
      .then(({ data }) => {
        setTeam(data?.team ?? null);
        setMessage(data?.team ? '' : 'This team’s caseload is not available to you.');
      })
      .catch((error: unknown) =>
        setMessage(error instanceof HubError ? error.message : 'Could not load the caseload.'),
      );
  }, [hub]);

  if (!team) return <h1 className="notice">{message}</h1>;
  const workers = team.caseloadByWorker ?? [];
  const totals = team.caseloadSummary;
  return (
    <section aria-labelledby="team-heading" className="panel">
      <h1 id="team-heading">{team.name}</h1>
      <p className="hint">
        {team.service}.{' '}
        {totals ? `${totals.children} children on open cases, as at ${formatDate(totals.asOf)}.` : ''} Red: a
        statutory review overdue, or a quarter or more of a caseload overdue; amber: some overdue, or a visit
        due within 7 days; green: nothing overdue.
      </p>
      <table className="data caseload">
        <caption className="visually-hidden">Caseload of each worker, with overdue children</caption>
        <thead>
          <tr>
            <th scope="col">Worker</th>
            <th scope="col">Children</th>
            {MEASURES.map((m) => (
              <th key={m.key} scope="col">
                {m.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {workers.map(({ worker, summary }) => (
            <tr key={worker.id}>
              <th scope="row">
                <a href={workerHref(worker.id)}>{worker.name}</a>
                <span className="hint block">
                  {worker.jobTitle}
                  {worker.agency ? ', agency' : ''}
                </span>
              </th>
              <td>{summary.children}</td>
              {MEASURES.map((m) => (
                <td key={m.key}>
                  {summary[m.key] > 0 ? (
                    <a href={workerHref(worker.id)} className="count-link">
                      <RagCount
                        rag={ragFor(m.key, summary)}
                        count={summary[m.key]}
                        label={`${worker.name}, ${m.label}`}
                      />
                    </a>
                  ) : (
                    <RagCount rag={ragFor(m.key, summary)} count={0} label={`${worker.name}, ${m.label}`} />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {team.overdueChildren && (
        <OverdueChildren
          children={team.overdueChildren.nodes}
          caption={`Most urgent across the team (${team.overdueChildren.nodes.length} of ${team.overdueChildren.totalCount} overdue children)`}
        />
      )}
    </section>
  );
}

function WorkerCaseload({ workerId }: { workerId: string }) {
  const hub = useHub();
  const [worker, setWorker] = useState<WorkerCaseloadData['worker']>(null);
  const [entries, setEntries] = useState<CaseloadEntry[]>([]);
  const [overdue, setOverdue] = useState<OverdueChild[] | null>(null);
  const [message, setMessage] = useState('Loading the caseload…');
  useEffect(() => {
    let live = true;
    const isLive = () => live;
    const caseload = readAllPages<CaseloadEntry>(async (after) => {
      const { data } = await hub.run<WorkerCaseloadData>(WORKER_CASELOAD, { workerId, after });
      if (data?.worker && live) setWorker(data.worker);
      return data?.worker?.caseload;
    }, isLive);
    const overdueChildren = readAllPages<OverdueChild>(async (after) => {
      const { data } = await hub.run<WorkerOverdueChildrenData>(WORKER_OVERDUE_CHILDREN, { workerId, after });
      return data?.worker?.overdueChildren;
    }, isLive);
    Promise.all([caseload, overdueChildren])
      .then(([all, late]) => {
        if (!live) return;
        if (!all) {
          setMessage('This worker’s caseload is not available to you.');
          return;
        }
        setEntries(all);
        setOverdue(late ?? []);
        setMessage('');
      })
      .catch((error: unknown) =>
        setMessage(error instanceof HubError ? error.message : 'Could not load the caseload.'),
      );
    return () => {
      live = false;
    };
  }, [hub, workerId]);

  const summary = worker?.caseloadSummary;
  return (
    <section aria-labelledby="worker-heading" className="panel">
      <p className="back">
        <a href="#/caseload">Back to the team</a>
      </p>
      <h1 id="worker-heading">{worker ? `${worker.name}’s caseload` : 'Caseload'}</h1>
      {summary && (
        <ul className="summary-counts" aria-label="Overdue on this caseload">
          {MEASURES.map((m) => (
            <li key={m.key}>
              <RagCount rag={ragFor(m.key, summary)} count={summary[m.key]} label={m.label} /> {m.label}
            </li>
          ))}
        </ul>
      )}
      {message && <p className="notice">{message}</p>}
      {overdue && <OverdueChildren children={overdue} />}
      {entries.length > 0 && (
        <table className="data caseload-children">
          <caption className="table-caption">Children on this caseload ({entries.length})</caption>
          <thead>
            <tr>
              <th scope="col">Child</th>
              <th scope="col">Born</th>
              <th scope="col">Case</th>
              <th scope="col">Allocated since</th>
              <th scope="col">Next visit due</th>
              <th scope="col">Next review due</th>
              <th scope="col">Flags</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.childId}>
                <td>
                  <a href={childHref(entry.childId)}>{fullName(entry.name)}</a>
                </td>
                <td>{formatDate(entry.dateOfBirth)}</td>
                <td>{CASE_STATUS_NAMES[entry.caseStatus] ?? entry.caseStatus}</td>
                <td>{formatDate(entry.since)}</td>
                <td>{formatDate(entry.statutory?.nextVisitDue)}</td>
                <td>{formatDate(entry.statutory?.nextCpReviewDue ?? entry.statutory?.nextClaReviewDue)}</td>
                <td>
                  {[
                    entry.flags?.onChildProtectionPlan && 'CP plan',
                    entry.flags?.lookedAfter && 'Looked after',
                    entry.flags?.recentMissingEpisodes && 'Missing',
                  ]
                    .filter(Boolean)
                    .join(', ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The overdue children, most urgent first as the hub orders them: one group of rows per child. */
function OverdueChildren({
  children,
  caption = `Overdue, most urgent first (${children.length})`,
}: {
  children: Array<OverdueChild & { workers?: Array<{ id: string; name: string }> }>;
  caption?: string;
}) {
  if (children.length === 0)
    return <p className="notice overdue-none">Nothing is overdue on this caseload.</p>;
  return (
    <table className="data overdue-children">
      <caption className="table-caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Child</th>
          <th scope="col">Overdue</th>
          <th scope="col">Due</th>
          <th scope="col">Working days late</th>
        </tr>
      </thead>
      {children.map((child) => (
        <tbody key={child.childId} data-child-id={child.childId}>
          {child.overdue.map((item, i) => (
            <tr key={`${item.item}-${item.dueDate}`}>
              {i === 0 && (
                <th scope="rowgroup" rowSpan={child.overdue.length}>
                  <a href={childHref(child.childId)}>{fullName(child.name)}</a>
                  {child.workers && (
                    <span className="hint block">{child.workers.map((w) => w.name).join(', ')}</span>
                  )}
                </th>
              )}
              <td>{ITEM_NAMES[item.item] ?? item.item}</td>
              <td>{formatDate(item.dueDate)}</td>
              <td>
                <span className={`rag rag-${item.workingDaysLate >= 10 ? 'red' : 'amber'}`}>
                  {item.workingDaysLate}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
