import { monthOf, startOfLocalMonth } from '../points/points-expiry';

/** A calendar year in the programme time zone, as the UTC instants [start, end). */
export interface LocalYear {
  year: number;
  start: Date;
  end: Date;
}

/**
 * The calendar year (programme time zone) that contains `instant`: the yearly referral cap counts
 * the referrals rewarded between local midnight of 1 January and that of the next 1 January.
 */
export function localYearOf(instant: Date, timeZone: string): LocalYear {
  const { year } = monthOf(instant, timeZone);
  return { year, start: startOfLocalMonth(year, 1, timeZone), end: startOfLocalMonth(year + 1, 1, timeZone) };
}
