/** The child screen: find a child, then one header and a tab for each part the viewer may see. */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { HubError, messageFor } from './api.ts';
import { useHub } from './hub.ts';
import {
  ACCESS_LOG,
  childDocument,
  NO_PARTS,
  SEARCH_CHILDREN,
  switchesFor,
  type AccessLogData,
  type AccessRecord,
  type ChildData,
  type ChildRecord,
  type SearchData,
  type SearchHit,
  type Timeliness,
} from './queries.ts';
import { childHref } from './router.ts';
import {
  CASE_STATUS_NAMES,
  GROUP_NAMES,
  RELATIONSHIP_NAMES,
  SYSTEM_NAMES,
  formatDate,
  formatDateTime,
  formatPence,
  fullName,
  humanise,
} from './format.ts';
import { Chronology } from './chronology.tsx';

/**
 * Roles that see more of a child with a working relationship than without (the `R` cells of
 * docs/access-policy.md): only they are offered break-glass, and only for a child they have no
 * relationship with and of whom something is withheld.
 */
const RELATIONSHIP_ROLES = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'FRONT_DOOR', 'EARLY_HELP', 'SEND_OFFICER'];

function mayBreakGlass(roles: string[], child: ChildRecord): boolean {
  return (
    (child.access.relationship === 'NONE' || child.access.relationship === 'ROLE') &&
    child.access.withheld.length > 0 &&
    roles.some((role) => RELATIONSHIP_ROLES.includes(role))
  );
}

export interface BreakGlass {
  reasonCode: string;
  justification: string;
}

export function ChildScreen({ childId }: { childId: string | null }) {
  return childId ? <ChildView childId={childId} /> : <ChildSearch />;
}

function ChildSearch() {
  const hub = useHub();
  const [name, setName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [identifier, setIdentifier] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [message, setMessage] = useState('');

  const search = async () => {
    const variables: Record<string, string> = {};
    if (name.trim()) variables.name = name.trim();
    if (dateOfBirth) variables.dateOfBirth = dateOfBirth;
    if (identifier.trim()) variables.identifier = identifier.trim();
    if (Object.keys(variables).length === 0) {
      setMessage('Give a name, a date of birth or an identifier.');
      return;
    }
    setMessage('Searching…');
    try {
      const { data, errors } = await hub.run<SearchData>(SEARCH_CHILDREN, variables);
      const found = data?.searchChildren.nodes ?? [];
      setHits(found);
      setMessage(errors.length ? messageFor(errors[0]?.extensions?.code) : `${found.length} found.`);
    } catch (error) {
      setHits(null);
      setMessage(error instanceof HubError ? error.message : 'Search failed.');
    }
  };

  return (
    <section aria-labelledby="search-heading" className="panel">
      <h1 id="search-heading">Find a child</h1>
      <form
        className="search-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <div className="field">
          <label htmlFor="search-name">Name</label>
          <span className="hint" id="search-name-hint">
            Spelling mistakes and nicknames are allowed.
          </span>
          <input
            id="search-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            aria-describedby="search-name-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="search-dob">Date of birth</label>
          <input
            id="search-dob"
            type="date"
            value={dateOfBirth}
            onChange={(e) => setDateOfBirth(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="search-identifier">NHS number, UPN or system id</label>
          <input
            id="search-identifier"
            value={identifier}
            onChange={(e) => setIdentifier(e.target.value)}
            autoComplete="off"
          />
        </div>
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      <p role="status" aria-live="polite" className="search-status">
        {message}
      </p>
      {hits && hits.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Children found, best match first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Date of birth</th>
              <th scope="col">Held in</th>
            </tr>
          </thead>
          <tbody>
            {hits.map((hit) => (
              <tr key={hit.childId}>
                <td>
                  <a href={childHref(hit.childId)}>{fullName(hit.name)}</a>
                </td>
                <td>{formatDate(hit.dateOfBirth)}</td>
                <td>{hit.systems.map((s) => SYSTEM_NAMES[s] ?? s).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hub.exampleChildId && (
        <p className="hint">
          Development: <a href={childHref(hub.exampleChildId)}>open the example child</a> (
          {hub.exampleChildId}).
        </p>
      )}
    </section>
  );
}

function ChildView({ childId }: { childId: string }) {
  const hub = useHub();
  const [child, setChild] = useState<ChildRecord | null>(null);
  const [error, setError] = useState('');
  const [breakGlass, setBreakGlass] = useState<BreakGlass | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    const variables = { id: childId, breakGlass };
    (async () => {
      // First what the viewer may see, then only those parts: nothing withheld is ever asked for.
      const first = await hub.run<ChildData>(childDocument(NO_PARTS), variables);
      if (!live) return;
      if (!first.data?.child) throw new HubError(messageFor(first.errors[0]?.extensions?.code), 'NOT_FOUND');
      setChild(first.data.child);
      const parts = switchesFor(first.data.child.access.granted);
      const full = await hub.run<ChildData>(childDocument(parts), variables);
      if (live && full.data?.child) setChild(full.data.child);
    })().catch((e: unknown) => {
      if (live) setError(e instanceof HubError ? e.message : 'The child could not be opened.');
    });
    return () => {
      live = false;
    };
  }, [hub, childId, breakGlass]);

  useEffect(() => {
    if (child) heading.current?.focus();
  }, [child?.id]);

  if (error) {
    return (
      <section className="panel">
        <p className="back">
          <a href="#/child">Find another child</a>
        </p>
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      </section>
    );
  }
  if (!child) return <h1 className="notice">Opening the record…</h1>;

  const granted = new Set(child.access.granted);
  return (
    <article aria-labelledby="child-name" className="child">
      <p className="back">
        <a href="#/child">Find another child</a>
      </p>
      <ChildHeader child={child} headingRef={heading} />
      <Banners child={child} />
      {mayBreakGlass(hub.roles, child) && !breakGlass && <BreakGlassForm onSubmit={setBreakGlass} />}
      <ChildTabs
        child={child}
        tabs={[
          {
            id: 'social-care',
            label: 'Social care',
            show: granted.has('socialCare.summary') || granted.has('socialCare.detail'),
            render: () => <SocialCarePanel child={child} />,
          },
          {
            id: 'education',
            label: 'Education and SEND',
            show: granted.has('education.summary') || granted.has('send'),
            render: () => <EducationPanel child={child} />,
          },
          {
            id: 'front-door',
            label: 'Front door',
            show: granted.has('frontDoor'),
            render: () => <FrontDoorPanel child={child} />,
          },
          {
            id: 'finance',
            label: 'Finance',
            show: granted.has('finance'),
            render: () => <FinancePanel child={child} />,
          },
          {
            id: 'chronology',
            label: 'Chronology',
            show: granted.has('chronology'),
            render: () => <Chronology childId={childId} breakGlass={breakGlass} />,
          },
          {
            id: 'access-log',
            label: 'Who has looked',
            show: granted.has('accessLog'),
            render: () => <AccessLogPanel childId={childId} breakGlass={breakGlass} />,
          },
        ]}
      />
    </article>
  );
}

const FLAG_LABELS: Record<string, string> = {
  onChildProtectionPlan: 'Child protection plan',
  lookedAfter: 'Looked after',
  childInNeed: 'Child in need',
  earlyHelp: 'Early help',
  recentMissingEpisodes: 'Missing in last 12 months',
  ehcp: 'EHC plan',
  senSupport: 'SEN support',
  freeSchoolMeals: 'Free school meals',
  neet: 'NEET',
};
const SERIOUS_FLAGS = new Set(['onChildProtectionPlan', 'lookedAfter', 'recentMissingEpisodes']);

function ChildHeader({
  child,
  headingRef,
}: {
  child: ChildRecord;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const flags = Object.entries(child.flags ?? {}).filter(([key, on]) => on && FLAG_LABELS[key]);
  return (
    <header className="child-header">
      <div>
        <h1 id="child-name" ref={headingRef} tabIndex={-1}>
          {fullName(child.name)}
        </h1>
        <dl className="facts">
          <div>
            <dt>Born</dt>
            <dd>{formatDate(child.dateOfBirth)}</dd>
          </div>
          {child.identifiers.nhsNumber && (
            <div>
              <dt>NHS number</dt>
              <dd>{child.identifiers.nhsNumber}</dd>
            </div>
          )}
          <div>
            <dt>Your access</dt>
            <dd>{RELATIONSHIP_NAMES[child.access.relationship] ?? child.access.relationship}</dd>
          </div>
          <div>
            <dt>Hub id</dt>
            <dd className="mono">{child.id}</dd>
          </div>
        </dl>
      </div>
      {flags.length > 0 && (
        <ul className="flags" aria-label="Flags">
          {flags.map(([key]) => (
            <li key={key} className={SERIOUS_FLAGS.has(key) ? 'flag flag-serious' : 'flag'}>
              {FLAG_LABELS[key]}
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}

function Banners({ child }: { child: ChildRecord }) {
  const problems = child.sources.filter(
    (s) => s.status === 'STALE' || s.status === 'UNAVAILABLE' || s.status === 'TIMEOUT',
  );
  const restricted = child.sources.filter((s) => s.status === 'RESTRICTED');
  const withheld = child.access.withheld.map((group) => GROUP_NAMES[group] ?? group);
  if (problems.length === 0 && restricted.length === 0 && withheld.length === 0) return null;
  return (
    <section aria-label="Data status" className="banners">
      {problems.map((source) => (
        <div key={source.system} className="banner banner-warning" role="alert" data-system={source.system}>
          <strong>{SYSTEM_NAMES[source.system] ?? source.system}</strong>{' '}
          {source.status === 'STALE'
            ? `is not answering: showing what it said at ${formatDateTime(source.asOf)}.`
            : source.status === 'TIMEOUT'
              ? 'did not answer in time: its part of the record is missing.'
              : 'is unavailable: its part of the record is missing.'}
        </div>
      ))}
      {restricted.length > 0 && (
        <div className="banner banner-info" data-withheld="systems">
          <strong>Withheld from you:</strong>{' '}
          {restricted.map((s) => SYSTEM_NAMES[s.system] ?? s.system).join(', ')}.
          {withheld.length > 0 &&
            (withheld.length <= 3 ? (
              <> Not shown: {withheld.join(', ')}.</>
            ) : (
              <> {withheld.length} parts of the record are not shown to your role.</>
            ))}
        </div>
      )}
      {restricted.length === 0 && withheld.length > 0 && (
        <div className="banner banner-info" data-withheld="groups">
          <strong>Not shown to you:</strong> {withheld.join(', ')}.
        </div>
      )}
    </section>
  );
}

const REASONS: Array<[string, string]> = [
  ['IMMEDIATE_RISK', 'A child may be at immediate risk of harm'],
  ['SAFEGUARDING_REFERRAL', 'A safeguarding referral is being made or triaged'],
  ['OUT_OF_HOURS_DUTY', 'Out-of-hours emergency duty'],
  ['COURT_ORDER', 'A court has ordered disclosure'],
  ['OTHER', 'Another reason (explain below)'],
];

function BreakGlassForm({ onSubmit }: { onSubmit: (value: BreakGlass) => void }) {
  const [reasonCode, setReasonCode] = useState('IMMEDIATE_RISK');
  const [justification, setJustification] = useState('');
  const [problem, setProblem] = useState('');
  return (
    <section className="break-glass" aria-labelledby="break-glass-heading">
      <h2 id="break-glass-heading">You have no working relationship with this child</h2>
      <p>
        You can open the full record only with a reason. The access is recorded, your manager and the
        Caldicott guardian are alerted, and it is reviewed afterwards.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (justification.replace(/\s/g, '').length < 10) {
            setProblem('Explain why in at least 10 characters.');
            return;
          }
          onSubmit({ reasonCode, justification: justification.trim() });
        }}
      >
        <div className="field">
          <label htmlFor="bg-reason">Reason</label>
          <select id="bg-reason" value={reasonCode} onChange={(e) => setReasonCode(e.target.value)}>
            {REASONS.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="bg-justification">Why you need to see it now</label>
          <textarea
            id="bg-justification"
            rows={2}
            maxLength={500}
            value={justification}
            aria-describedby={problem ? 'bg-problem' : undefined}
            onChange={(e) => {
              setJustification(e.target.value);
              setProblem('');
            }}
          />
          {problem && (
            <span id="bg-problem" className="error-text">
              {problem}
            </span>
          )}
        </div>
        <button type="submit" className="danger">
          Open the record (break glass)
        </button>
      </form>
    </section>
  );
}

interface Tab {
  id: string;
  label: string;
  show: boolean;
  render: () => ReactNode;
}

function ChildTabs({ tabs }: { child: ChildRecord; tabs: Tab[] }) {
  const shown = tabs.filter((tab) => tab.show);
  const [selected, setSelected] = useState(shown[0]?.id ?? '');
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const current = shown.find((tab) => tab.id === selected) ?? shown[0];
  if (!current) return <p className="notice">There is nothing more of this record you may see.</p>;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = shown.findIndex((tab) => tab.id === current.id);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    let next = step ? shown[(index + step + shown.length) % shown.length] : undefined;
    if (event.key === 'Home') next = shown[0];
    if (event.key === 'End') next = shown[shown.length - 1];
    if (!next) return;
    event.preventDefault();
    setSelected(next.id);
    refs.current.get(next.id)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label="Parts of the record">
        {shown.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === current.id}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === current.id ? 0 : -1}
            ref={(element) => {
              if (element) refs.current.set(tab.id, element);
            }}
            onClick={() => setSelected(tab.id)}
            onKeyDown={onKeyDown}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${current.id}`}
        aria-labelledby={`tab-${current.id}`}
        tabIndex={0}
        className="tab-panel"
      >
        {current.render()}
      </div>
    </div>
  );
}

function TimelinessBadge({ value }: { value: Timeliness | null | undefined }) {
  if (!value) return <>—</>;
  const late = value.daysLate ? ` (${value.daysLate} days)` : '';
  // "Due 26 Mar 2027" rather than "Due, due 26 Mar 2027".
  const text =
    value.status === 'DUE'
      ? `Due ${formatDate(value.dueDate)}`
      : `${humanise(value.status)}${late}, due ${formatDate(value.dueDate)}`;
  return <span className={`status status-${value.status.toLowerCase()}`}>{text}</span>;
}

function Table({
  caption,
  head,
  rows,
  empty,
}: {
  caption: string;
  head: string[];
  rows: ReactNode[][];
  empty: string;
}) {
  return (
    <section className="table-section">
      <h2 className="section-heading">{caption}</h2>
      {rows.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              {head.map((cell) => (
                <th key={cell} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                {row.map((cell, column) => (
                  <td key={column}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SocialCarePanel({ child }: { child: ChildRecord }) {
  const contact = child.socialCareContact;
  const care = child.socialCare;
  return (
    <>
      {contact && (
        <dl className="facts">
          <div>
            <dt>Known to social care</dt>
            <dd>{contact.knownToSocialCare ? 'Yes' : 'No'}</dd>
          </div>
          <div>
            <dt>Case status</dt>
            <dd>
              {contact.caseStatus
                ? (CASE_STATUS_NAMES[contact.caseStatus] ?? contact.caseStatus)
                : 'No open case'}
            </dd>
          </div>
          <div>
            <dt>Allocated worker</dt>
            <dd>{contact.allocatedWorker?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>Team</dt>
            <dd>{contact.team?.name ?? '—'}</dd>
          </div>
        </dl>
      )}
      {care === null && child.access.granted.includes('socialCare.detail') && (
        <p className="hint">Social care detail is not available just now.</p>
      )}
      {care && (
        <div className="grid-2">
          <Table
            caption={`Visits (${care.visits.totalCount})`}
            head={['Date', 'Kind', 'Seen', 'Seen alone']}
            rows={care.visits.nodes.map((v) => [
              formatDate(v.date),
              v.kind,
              v.seen ? 'Yes' : 'No',
              v.seenAlone ? 'Yes' : 'No',
            ])}
            empty="No visits recorded."
          />
          {care.cpPlans && (
            <Table
              caption={`Child protection plans (${care.cpPlans.totalCount})`}
              head={['Started', 'Ended', 'Category', 'Next review']}
              rows={care.cpPlans.nodes.map((p) => [
                formatDate(p.startDate),
                formatDate(p.endDate),
                p.latestCategory,
                <TimelinessBadge value={p.nextReview} />,
              ])}
              empty="No child protection plans."
            />
          )}
          <Table
            caption={`Assessments (${care.assessments.totalCount})`}
            head={['Started', 'Authorised', '45 working days']}
            rows={care.assessments.nodes.map((a) => [
              formatDate(a.startDate),
              formatDate(a.authorisationDate),
              <TimelinessBadge value={a.timeliness} />,
            ])}
            empty="No assessments."
          />
          <Table
            caption={`Referrals (${care.referrals.totalCount})`}
            head={['Date', 'Need', 'Source', 'Outcome']}
            rows={care.referrals.nodes.map((r) => [
              formatDate(r.date),
              r.primaryNeed,
              r.source,
              humanise(r.outcome),
            ])}
            empty="No referrals."
          />
          {care.placements && (
            <Table
              caption={`Placements (${care.placements.totalCount})`}
              head={['From', 'To', 'Type', 'Provider']}
              rows={care.placements.nodes.map((p) => [
                formatDate(p.startDate),
                formatDate(p.endDate),
                p.placementType,
                p.providerName,
              ])}
              empty="No placements."
            />
          )}
        </div>
      )}
    </>
  );
}

function EducationPanel({ child }: { child: ChildRecord }) {
  const education = child.education;
  if (!education)
    return <p className="hint">No education record is linked to this child, or EYES is not answering.</p>;
  const setting = education.currentSetting;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Current setting</dt>
          <dd>{setting ? `${setting.settingName} (${humanise(setting.phase)})` : 'Not enrolled'}</dd>
        </div>
        {setting?.yearGroup && (
          <div>
            <dt>Year group</dt>
            <dd>{setting.yearGroup}</dd>
          </div>
        )}
      </dl>
      <div className="grid-2">
        {education.attendance && (
          <Table
            caption="Attendance"
            head={['Year', 'Attendance', 'Persistent absence']}
            rows={education.attendance.nodes.map((a) => [
              a.academicYear,
              `${a.percentage}%`,
              a.persistentAbsence ? 'Yes' : 'No',
            ])}
            empty="No attendance recorded."
          />
        )}
        {education.exclusions && (
          <Table
            caption={`Suspensions and exclusions (${education.exclusions.totalCount})`}
            head={['From', 'Kind', 'Sessions', 'Reason']}
            rows={education.exclusions.nodes.map((e) => [
              formatDate(e.startDate),
              humanise(e.kind),
              e.sessions,
              e.reason,
            ])}
            empty="None."
          />
        )}
        {education.ehcpRequests && (
          <Table
            caption={`EHC needs assessment requests (${education.ehcpRequests.totalCount})`}
            head={['Requested', 'Outcome', 'Plan in 20 weeks', 'Plan']}
            rows={education.ehcpRequests.nodes.map((r) => [
              formatDate(r.requestDate),
              humanise(r.requestOutcome),
              <TimelinessBadge value={r.planTimeliness} />,
              r.plan ? `${r.plan.primaryNeed} from ${formatDate(r.plan.startDate)}` : '—',
            ])}
            empty="No requests."
          />
        )}
        {education.senSupport && (
          <Table
            caption="SEN support"
            head={['From', 'To', 'Primary need']}
            rows={education.senSupport.nodes.map((s) => [
              formatDate(s.startDate),
              formatDate(s.endDate),
              s.primaryNeed,
            ])}
            empty="No SEN support."
          />
        )}
      </div>
    </>
  );
}

function FrontDoorPanel({ child }: { child: ChildRecord }) {
  const contacts = child.frontDoor?.contacts;
  if (!contacts) return <p className="hint">Front-door contacts are not available just now.</p>;
  return (
    <Table
      caption={`Contacts (${contacts.totalCount})`}
      head={['Date', 'Route', 'Source', 'Reason', 'RAG', 'Decision']}
      rows={contacts.nodes.map((c) => [
        formatDate(c.date),
        c.route,
        c.source,
        c.reason,
        c.rag ? <span className={`rag rag-${c.rag.toLowerCase()}`}>{humanise(c.rag)}</span> : '—',
        c.decision ? humanise(c.decision) : 'Undecided',
      ])}
      empty="No contacts."
    />
  );
}

function FinancePanel({ child }: { child: ChildRecord }) {
  const finance = child.finance;
  if (!finance)
    return <p className="hint">No LIFT record is linked to this child, or LIFT is not answering.</p>;
  const s = finance.summary;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Spent this year</dt>
          <dd>{formatPence(s.thisFinancialYear)}</dd>
        </div>
        <div>
          <dt>Forecast for the year</dt>
          <dd>{formatPence(s.forecastYear)}</dd>
        </div>
        <div>
          <dt>Committed</dt>
          <dd>{formatPence(s.committed)}</dd>
        </div>
        <div>
          <dt>Weekly now</dt>
          <dd>{formatPence(s.weeklyRateNow)}</dd>
        </div>
      </dl>
      <Table
        caption={`Service agreements (${finance.agreements.totalCount})`}
        head={['Service', 'Provider', 'From', 'Status', 'Rate', 'This year']}
        rows={finance.agreements.nodes.map((a) => [
          humanise(a.serviceType),
          a.providerName,
          formatDate(a.startDate),
          humanise(a.status),
          a.currentRate ? `${formatPence(a.currentRate.amount)} ${a.currentRate.unit.toLowerCase()}` : '—',
          formatPence(a.costThisFinancialYear),
        ])}
        empty="No agreements."
      />
    </>
  );
}

function AccessLogPanel({ childId, breakGlass }: { childId: string; breakGlass: BreakGlass | null }) {
  const hub = useHub();
  const [log, setLog] = useState<AccessRecord[] | null>(null);
  const [message, setMessage] = useState('Loading…');
  useEffect(() => {
    hub
      .run<AccessLogData>(ACCESS_LOG, { id: childId, breakGlass })
      .then(({ data }) => {
        setLog(data?.child?.accessLog ?? null);
        setMessage(data?.child?.accessLog ? '' : 'Not available to you.');
      })
      .catch((error: unknown) =>
        setMessage(error instanceof HubError ? error.message : 'Could not load who has looked.'),
      );
  }, [hub, childId, breakGlass]);
  if (!log) return <p className="hint">{message}</p>;
  return (
    <Table
      caption="Who has looked at this record (latest 25)"
      head={['When', 'Who', 'Role', 'What', 'Reason given']}
      rows={log.map((r) => [
        formatDateTime(r.at),
        r.userId,
        r.roles.map(humanise).join(', '),
        `${humanise(r.action)}${r.decision !== 'ALLOWED' ? ` (${humanise(r.decision)})` : ''}`,
        r.breakGlass ? humanise(r.breakGlass.reasonCode) : (r.purpose ?? '—'),
      ])}
      empty="No accesses recorded."
    />
  );
}
