/**
 * A team manager's team: each worker's caseload with what is overdue in red, amber or green, and from a
 * worker to the children on their caseload, one click from each child's record.
 */
import { useEffect, useState } from 'react';
import { HubError } from './api.ts';
import { useHub } from './hub.ts';
import {
  TEAM_CASELOAD,
  WORKER_CASELOAD,
  type CaseloadEntry,
  type CaseloadSummary,
  type TeamCaseloadData,
  type WorkerCaseloadData,
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

  if (!team) return <p className="notice">{message}</p>;
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
    </section>
  );
}

function WorkerCaseload({ workerId }: { workerId: string }) {
  const hub = useHub();
  const [worker, setWorker] = useState<WorkerCaseloadData['worker']>(null);
  const [entries, setEntries] = useState<CaseloadEntry[]>([]);
  const [message, setMessage] = useState('Loading the caseload…');
  useEffect(() => {
    let live = true;
    (async () => {
      let after: string | null = null;
      const all: CaseloadEntry[] = [];
      // A caseload is a few dozen children: read every page, so the list matches the counts.
      for (;;) {
        const { data }: { data: WorkerCaseloadData | null } = await hub.run<WorkerCaseloadData>(
          WORKER_CASELOAD,
          {
            workerId,
            after,
          },
        );
        if (!live) return;
        if (!data?.worker) {
          setMessage('This worker’s caseload is not available to you.');
          return;
        }
        setWorker(data.worker);
        all.push(...(data.worker.caseload?.nodes ?? []));
        if (!data.worker.caseload?.pageInfo.hasNextPage) break;
        after = data.worker.caseload.pageInfo.endCursor;
      }
      setEntries(all);
      setMessage('');
    })().catch((error: unknown) =>
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
      {entries.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Children on this caseload</caption>
          <thead>
            <tr>
              <th scope="col">Child</th>
              <th scope="col">Born</th>
              <th scope="col">Case</th>
              <th scope="col">Allocated since</th>
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
