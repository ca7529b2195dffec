import { addDaysToDate, addMonthsToDate, daysBetweenDates, localDate } from '../../common/time';
import { MaintenanceInterval } from '../programme/programme-rules';

export interface ServiceHistory {
  purchaseDate: string | null;
  mileage: number | null;
  lastServiceAt: Date | null;
  lastServiceMileage: number | null;
  previousServiceAt: Date | null;
  previousServiceMileage: number | null;
}

export interface MaintenanceDue {
  avgDailyKm: number | null;
  nextServiceDueDate: string;
  nextServiceDueMileage: number;
}

/**
 * When the next maintenance (保养) is due: every `km` or `months`, whichever comes first. The
 * distance is turned into a date with the average daily kilometres between the last two services,
 * so the reminder goes out before the car reaches the mileage.
 */
export function maintenanceDue(history: ServiceHistory, interval: MaintenanceInterval, today: string, timeZone: string): MaintenanceDue {
  const baseDate = history.lastServiceAt ? localDate(history.lastServiceAt, timeZone) : (history.purchaseDate ?? today);
  const baseMileage = history.lastServiceMileage ?? history.mileage ?? 0;
  const byDate = addMonthsToDate(baseDate, interval.months);
  const dueMileage = baseMileage + interval.km;

  let avgDailyKm: number | null = null;
  if (
    history.lastServiceAt &&
    history.previousServiceAt &&
    history.lastServiceMileage !== null &&
    history.previousServiceMileage !== null &&
    history.lastServiceMileage >= history.previousServiceMileage
  ) {
    const days = daysBetweenDates(localDate(history.previousServiceAt, timeZone), localDate(history.lastServiceAt, timeZone));
    if (days > 0) avgDailyKm = Math.round(((history.lastServiceMileage - history.previousServiceMileage) / days) * 100) / 100;
  }

  let nextServiceDueDate = byDate;
  if (avgDailyKm && avgDailyKm > 0) {
    const byMileage = addDaysToDate(baseDate, Math.floor(interval.km / avgDailyKm));
    if (byMileage < byDate) nextServiceDueDate = byMileage;
  }
  return { avgDailyKm, nextServiceDueDate, nextServiceDueMileage: dueMileage };
}
