/** Postcodes for linking: the current address first, then the most recent. */
export function postcodesOf(
  addresses: readonly { postcode: string; from: string; to: string | null }[],
): string[] {
  return [...addresses]
    .sort((a, b) => (a.to === null ? -1 : b.to === null ? 1 : b.from.localeCompare(a.from)))
    .map((address) => address.postcode);
}
