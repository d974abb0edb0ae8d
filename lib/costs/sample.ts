/**
 * The "few clinics" rule of the cost pages, in one place: a figure resting on fewer than
 * `FEW_CLINICS` clinics is marked as such (a note beside it, hatched on the map, and never the
 * darkest or lightest map band on its own strength). Pure, so pages, charts and downloads share it.
 */
export const FEW_CLINICS = 10;

export const isFew = (clinics: number) => clinics < FEW_CLINICS;

/** "n = 12", with the mark when it is few: "n = 4, few clinics". */
export function sampleSize(clinics: number): string {
  return `n = ${clinics.toLocaleString("en-US")}${isFew(clinics) ? ", few clinics" : ""}`;
}
