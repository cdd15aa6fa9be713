import type HolidaysLibrary from 'date-holidays';

/**
 * Public holidays from date-holidays (a maintained data set of countries and regions), as
 * local 'YYYY-MM-DD' days. Only "public" holidays close the PMO; observances do not.
 */

// Loaded on first use: its data set takes about 0.2 s to load, and only a PMO that sets
// PMO_HOLIDAYS needs it, so every other start-up skips it.
let library: { Holidays: typeof HolidaysLibrary; known: HolidaysLibrary; countries: Record<string, string> };
function holidaysLibrary() {
  if (!library) {
    const Holidays = require('date-holidays') as typeof HolidaysLibrary;
    const known = new Holidays();
    library = { Holidays, known, countries: known.getCountries() };
  }
  return library;
}

function split(code: string): [string, string | undefined] {
  const [country = '', region] = code.toUpperCase().split('-', 2);
  return [country, region];
}

/** "FR", "DE-BY", "US-CA": a country date-holidays knows, and a region of it if one is given. */
export function isKnownHolidayRegion(code: string): boolean {
  const { known, countries } = holidaysLibrary();
  const [country, region] = split(code.trim());
  if (!countries[country]) return false;
  if (region === undefined) return true;
  return Boolean(known.getStates(country)?.[region]);
}

export interface HolidayCalendar {
  /** The holiday's name on `day` ('YYYY-MM-DD'), or undefined. */
  nameOn(day: string): string | undefined;
  /** The holidays of a year, by day. */
  ofYear(year: number): Map<string, string>;
}

export function holidayCalendar(code: string): HolidayCalendar {
  const { Holidays } = holidaysLibrary();
  const [country, region] = split(code);
  const hd = region ? new Holidays(country, region) : new Holidays(country);
  const years = new Map<number, Map<string, string>>();
  const ofYear = (year: number) => {
    let days = years.get(year);
    if (!days) {
      days = new Map();
      for (const h of hd.getHolidays(year) || []) {
        if (h.type !== 'public') continue;
        const day = h.date.slice(0, 10);
        if (!days.has(day)) days.set(day, h.name);
      }
      years.set(year, days);
    }
    return days;
  };
  return { ofYear, nameOn: (day) => ofYear(Number(day.slice(0, 4))).get(day) };
}
