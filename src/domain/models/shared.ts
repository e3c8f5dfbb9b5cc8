/** A postal address as the systems that hold one (LCS, EYES) record it, with the dates it applied. */
export interface Address {
  line1: string;
  town: string;
  postcode: string;
  from: string;
  to: string | null;
}
