/**
 * Calendar days and wall-clock time in the Netherlands, whatever the server's time zone. Events are entered and shown
 * in Dutch local time but stored as instants (timestamptz); deadlines and "today" are Dutch calendar days. Summer and
 * winter time included. Creating an Intl formatter is expensive: one of each per process.
 */

const amsterdamDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" });

/** The calendar date in the Netherlands at an instant, YYYY-MM-DD. */
export function amsterdamDate(at: Date): string {
  return amsterdamDay.format(at);
}

const amsterdamOffset = new Intl.DateTimeFormat("en", {
  timeZone: "Europe/Amsterdam",
  timeZoneName: "shortOffset",
});
const amsterdamWallClock = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * The instant at which clocks in the Netherlands show `wall` ("2027-04-01T13:00"). In the hour skipped when clocks go
 * forward the standard-time reading is taken; in the hour that repeats when they go back, the first (summer) one.
 */
export function amsterdamInstant(wall: string): Date {
  const asUtc = Date.parse(`${wall.slice(0, 16)}Z`);
  if (Number.isNaN(asUtc)) throw new RangeError(`not a wall-clock time: ${wall}`);
  for (const hours of [2, 1]) {
    const instant = new Date(asUtc - hours * 3600 * 1000);
    const offset = amsterdamOffset.formatToParts(instant).find((part) => part.type === "timeZoneName")!.value;
    if (offset === `GMT+${hours}`) return instant;
  }
  return new Date(asUtc - 3600 * 1000);
}

/** The date ("2027-04-01") and time ("13:00") clocks in the Netherlands show at an instant. */
export function amsterdamWallClockOf(instant: Date): { date: string; time: string } {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    amsterdamWallClock.formatToParts(instant).find((item) => item.type === type)!.value;
  return {
    date: `${part("year")}-${part("month")}-${part("day")}`,
    time: `${part("hour")}:${part("minute")}`,
  };
}
