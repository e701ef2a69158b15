/**
 * Swedish working days for service promises ("a decision within 20 working days"). Dates are
 * `YYYY-MM-DD` strings meaning Swedish calendar dates; convert a timestamp in Europe/Stockholm
 * before asking, or a submission at 00:30 would count from the day before.
 */
export { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.ts';
