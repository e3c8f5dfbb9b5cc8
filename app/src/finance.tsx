/**
 * The finance screen: spend, commitments and budget by month as a chart, the year's forecast against
 * its budget, and the children whose care costs most.
 */
import { useEffect, useState } from 'react';
import { HubError } from './api.ts';
import { useHub } from './hub.ts';
import { FINANCE_REPORT, type BudgetMonth, type FinanceReportData } from './queries.ts';
import { childHref } from './router.ts';
import { formatDate, formatDateTime, formatMonth, formatMonthYear, formatPence } from './format.ts';

const WIDTH = 760;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 16, bottom: 36, left: 76 };

/** A round step for the y axis giving about five gridlines. */
function niceStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/**
 * Stacked monthly bars (spent, then committed) with each month's share of the budget as a line over
 * them, all from the same budget months, so the bars and the line share one scale.
 */
export function SpendChart({ months }: { months: BudgetMonth[] }) {
  const max = Math.max(1, ...months.map((m) => Math.max(m.spent + m.committed, m.budget)));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const band = plotWidth / Math.max(1, months.length);
  const barWidth = band * 0.62;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const centre = (i: number) => MARGIN.left + band * (i + 0.5);
  const budgetPoints = months.map((m, i) => `${centre(i)},${y(m.budget)}`).join(' ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">Spend and forecast against budget by month</title>
        <desc id="chart-desc">
          Bars per month: the dark part is spent, the light part is committed, children’s service agreements
          and SEND costs together. The dashed line is the month’s share of the budget, every budget line,
          SEND’s included. The table below gives the figures.
        </desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" className="axis">
              {formatPence(tick)}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          const x = centre(i) - barWidth / 2;
          return (
            <g key={m.month}>
              <rect x={x} width={barWidth} y={y(m.spent)} height={y(0) - y(m.spent)} className="bar-spent" />
              <rect
                x={x}
                width={barWidth}
                y={y(m.spent + m.committed)}
                height={y(m.spent) - y(m.spent + m.committed)}
                className="bar-committed"
              />
              <text x={centre(i)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" className="axis">
                {formatMonth(m.month)}
              </text>
            </g>
          );
        })}
        <polyline points={budgetPoints} className="budget-line" />
        {months.map((m, i) => (
          <circle key={m.month} cx={centre(i)} cy={y(m.budget)} r={3} className="budget-point" />
        ))}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} className="axis-line" />
      </svg>
      <figcaption>
        <span className="key key-spent" aria-hidden="true" /> Spent{' '}
        <span className="key key-committed" aria-hidden="true" /> Committed{' '}
        <span className="key key-budget" aria-hidden="true" /> Budget
        <span className="hint block">Care agreements and SEND costs against every budget line.</span>
      </figcaption>
    </figure>
  );
}

/** A variance in pounds with its sign spelt out: over budget is positive. */
export function formatVariance(variance: number, percent: number | null): string {
  const amount = formatPence(Math.abs(variance));
  const share = percent === null ? '' : ` (${Math.abs(percent)}%)`;
  if (variance > 0) return `${amount}${share} over`;
  if (variance < 0) return `${amount}${share} under`;
  return 'On budget';
}

export function FinanceScreen() {
  const hub = useHub();
  const [report, setReport] = useState<FinanceReportData['financeReport']>(null);
  const [message, setMessage] = useState('Loading the finance report…');
  useEffect(() => {
    hub
      .run<FinanceReportData>(FINANCE_REPORT)
      .then(({ data }) => {
        setReport(data?.financeReport ?? null);
        setMessage(data?.financeReport ? '' : 'The finance report is not available to you.');
      })
      .catch((error: unknown) =>
        setMessage(error instanceof HubError ? error.message : 'Could not load the report.'),
      );
  }, [hub]);
  if (!report) return <h1 className="notice">{message}</h1>;
  const t = report.totals;
  const b = report.budget.totals;
  const send = report.highNeeds.totals;
  return (
    <section aria-labelledby="finance-heading" className="panel">
      <h1 id="finance-heading">Care costs {report.financialYear}</h1>
      {report.stale && (
        <div className="banner banner-warning" role="alert">
          <strong>{'Finance (LIFT)'}</strong> is not answering: figures are as of{' '}
          {formatDateTime(report.dataAsOf)}.
        </div>
      )}
      {/*
        One basis per block, each saying what it holds: the budget covers every LIFT budget line,
        SEND's included, and is set against everything charged to them (children's agreements and
        SEND costs); the two blocks below split that spend, so they add up to the budget's.
      */}
      <h2 className="facts-heading" id="budget-heading">
        Against the budget: every LIFT budget line ({b.budgetLines}), social care and SEND
      </h2>
      <p className="hint" id="budget-basis">
        Spent and committed here are everything charged to those lines: children’s service agreements and SEND
        costs together, as in the chart.
      </p>
      <dl className="facts totals budget-totals" aria-labelledby="budget-heading">
        <div>
          <dt>Budget</dt>
          <dd>{formatPence(b.budget)}</dd>
        </div>
        <div>
          <dt>Spent to {formatDate(report.asOf)}</dt>
          <dd>{formatPence(b.spentYearToDate)}</dd>
        </div>
        <div>
          <dt>Committed to 31 March</dt>
          <dd>{formatPence(b.committed)}</dd>
        </div>
        <div>
          <dt>Forecast for the year</dt>
          <dd>{formatPence(b.forecast)}</dd>
        </div>
        <div className={b.variance > 0 ? 'over-budget' : undefined}>
          <dt>Variance</dt>
          <dd>
            {formatVariance(b.variance, b.variancePercent)}
            {b.budgetExceededIn && (
              <span className="hint block">Budget used up in {formatMonthYear(b.budgetExceededIn)}</span>
            )}
          </dd>
        </div>
      </dl>
      <h2 className="facts-heading" id="children-totals-heading">
        Children’s service agreements ({t.children} children, {t.agreements} agreements): SEND costs not
        included
      </h2>
      <dl className="facts children-totals" aria-labelledby="children-totals-heading">
        <div>
          <dt>Spent to {formatDate(report.asOf)}</dt>
          <dd>{formatPence(t.thisFinancialYear)}</dd>
        </div>
        <div>
          <dt>Committed to 31 March</dt>
          <dd>{formatPence(t.committed)}</dd>
        </div>
        <div>
          <dt>Forecast for the year</dt>
          <dd>{formatPence(t.forecastYear)}</dd>
        </div>
        <div>
          <dt>Last year ({report.previousFinancialYear})</dt>
          <dd>
            {formatPence(t.previousYear)}
            {t.changePercent !== null && ` (${t.changePercent > 0 ? '+' : ''}${t.changePercent}%)`}
          </dd>
        </div>
      </dl>
      <h2 className="facts-heading" id="send-totals-heading">
        SEND costs ({send.pupils} pupils, {send.costs} costs): special schools, top-up funding, SEN transport
        and personal budgets
      </h2>
      <dl className="facts send-totals" aria-labelledby="send-totals-heading">
        <div>
          <dt>Spent to {formatDate(report.asOf)}</dt>
          <dd>{formatPence(send.spentYearToDate)}</dd>
        </div>
        <div>
          <dt>Committed to 31 March</dt>
          <dd>{formatPence(send.committed)}</dd>
        </div>
        <div>
          <dt>Forecast for the year</dt>
          <dd>{formatPence(send.forecast)}</dd>
        </div>
      </dl>
      <div className="finance-grid">
        <div>
          <SpendChart months={b.months} />
          <details>
            <summary>The figures by month</summary>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Budget</th>
                  <th scope="col">Spent</th>
                  <th scope="col">Committed</th>
                  <th scope="col">Forecast</th>
                </tr>
              </thead>
              <tbody>
                {b.months.map((m) => (
                  <tr key={m.month}>
                    <td>{formatMonthYear(m.month)}</td>
                    <td>{formatPence(m.budget)}</td>
                    <td>{formatPence(m.spent)}</td>
                    <td>{formatPence(m.committed)}</td>
                    <td>{formatPence(m.forecast)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
        <section aria-labelledby="highest-heading">
          <h2 id="highest-heading">Highest-cost children this year</h2>
          <p className="hint">Opening a child is recorded in the audit trail.</p>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Child (hub id)</th>
                <th scope="col">Forecast</th>
                <th scope="col">Spent</th>
              </tr>
            </thead>
            <tbody>
              {report.highestCostChildren.map((c) => (
                <tr key={c.childId}>
                  <td>
                    <a href={childHref(c.childId)} className="mono">
                      {c.childId}
                    </a>
                  </td>
                  <td>{formatPence(c.figures.forecastYear)}</td>
                  <td>{formatPence(c.figures.thisFinancialYear)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </section>
  );
}
