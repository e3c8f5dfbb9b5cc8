/** The day from which a system's dated addresses for a child are every address it has had. */
export function addressesSince(addresses: readonly { from: string }[]): string | null {
  let earliest: string | null = null;
  for (const { from } of addresses) if (earliest === null || from < earliest) earliest = from;
  return earliest;
}

/** Postcodes for linking: the current address first, then the most recent. */
export function postcodesOf(
  addresses: readonly { postcode: string; from: string; to: string | null }[],
): string[] {
  return [...addresses]
    .sort((a, b) => (a.to === null ? -1 : b.to === null ? 1 : b.from.localeCompare(a.from)))
    .map((address) => address.postcode);
}
