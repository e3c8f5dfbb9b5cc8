/** One timeline across the four systems, filtered by kind and date, fetching the next page as it scrolls. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { HubError } from './api.ts';
import { useHub } from './hub.ts';
import { CHRONOLOGY, CHRONOLOGY_KINDS, type ChronologyData, type ChronologyEvent } from './queries.ts';
import { SYSTEM_NAMES, formatDate, humanise } from './format.ts';
import type { BreakGlass } from './child.tsx';

interface Filter {
  kind: string;
  from: string;
  to: string;
}

export function Chronology({ childId, breakGlass }: { childId: string; breakGlass: BreakGlass | null }) {
  const hub = useHub();
  const [draft, setDraft] = useState<Filter>({ kind: '', from: '', to: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const [events, setEvents] = useState<ChronologyEvent[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(false);
  const [message, setMessage] = useState('');
  const sentinel = useRef<HTMLLIElement>(null);
  /**
   * Where paging stands, read when the list's end scrolls into view: an observer created for an
   * earlier filter must not fetch that filter's next page into this one's list, so a page is asked
   * for only while none is in flight, and only after the cursor of the current filter.
   */
  const paging = useRef({ generation: 0, cursor: null as string | null, hasMore: false, inFlight: false });

  const load = useCallback(
    async (after: string | null) => {
      const mine = ++paging.current.generation;
      paging.current.inFlight = true;
      setLoading(true);
      try {
        const { data } = await hub.run<ChronologyData>(CHRONOLOGY, {
          id: childId,
          breakGlass,
          kinds: filter.kind ? [filter.kind] : null,
          from: filter.from || null,
          to: filter.to || null,
          after,
        });
        if (mine !== paging.current.generation) return;
        const page = data?.child?.chronology;
        paging.current.cursor = page?.pageInfo.endCursor ?? null;
        paging.current.hasMore = page?.pageInfo.hasNextPage ?? false;
        if (!page) {
          setMessage('The chronology is not available just now.');
          setHasMore(false);
          return;
        }
        setEvents((previous) => (after ? [...previous, ...page.nodes] : page.nodes));
        setTotal(page.totalCount);
        setHasMore(page.pageInfo.hasNextPage);
        setMessage('');
      } catch (error) {
        if (mine === paging.current.generation)
          setMessage(error instanceof HubError ? error.message : 'Could not load the chronology.');
      } finally {
        if (mine === paging.current.generation) {
          paging.current.inFlight = false;
          setLoading(false);
        }
      }
    },
    [hub, childId, breakGlass, filter],
  );

  const loadMore = useCallback(() => {
    const { hasMore: more, inFlight, cursor } = paging.current;
    if (more && !inFlight) void load(cursor);
  }, [load]);

  useEffect(() => {
    paging.current.cursor = null;
    paging.current.hasMore = false;
    setEvents([]);
    setHasMore(false);
    setTotal(null);
    void load(null);
  }, [load]);

  // The next page loads when the end of the list scrolls into view (and from the button, by keyboard).
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasMore || loading) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, loading, loadMore]);

  return (
    <section aria-labelledby="chronology-heading">
      <h2 id="chronology-heading" className="section-heading">
        Chronology
      </h2>
      <form
        className="filters"
        aria-label="Filter the chronology"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter(draft);
        }}
      >
        <div className="field">
          <label htmlFor="chron-kind">Kind</label>
          <select
            id="chron-kind"
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value })}
          >
            <option value="">All kinds</option>
            {CHRONOLOGY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {humanise(kind)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="chron-from">From</label>
          <input
            id="chron-from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="chron-to">To</label>
          <input
            id="chron-to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <button type="submit">Apply</button>
      </form>
      <p role="status" aria-live="polite" className="hint">
        {message ||
          (total === null
            ? 'Loading…'
            : `${total} events${events.length < total ? `, showing ${events.length}` : ''}.`)}
      </p>
      <ol className="timeline">
        {events.map((event, index) => (
          <li
            key={`${event.record.kind}:${event.record.id}:${index}`}
            className={`event system-${event.system.toLowerCase()}`}
          >
            <time dateTime={event.date}>{formatDate(event.date)}</time>
            <span className="event-kind">{humanise(event.kind)}</span>
            <span className="event-summary">{event.summary}</span>
            <span className="event-system">{SYSTEM_NAMES[event.system] ?? event.system}</span>
          </li>
        ))}
        {hasMore && (
          <li ref={sentinel} className="more">
            <button type="button" disabled={loading} onClick={loadMore}>
              {loading ? 'Loading…' : 'Show more'}
            </button>
          </li>
        )}
      </ol>
    </section>
  );
}
