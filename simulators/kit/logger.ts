/** What the simulators log through. Callers pass their own; the default writes JSON lines to stderr. */
export interface SimLogger {
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

export const stderrLogger: SimLogger = {
  warn(message, fields) {
    process.stderr.write(
      `${JSON.stringify({ level: 'warn', time: new Date().toISOString(), message, ...fields })}\n`,
    );
  },
};
