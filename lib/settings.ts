// Whole-number settings from the environment: the value when it is a whole number of at least
// `min`, else the default (an unset, empty or mistyped setting never becomes NaN or a negative).
export function integerSetting(value: string | undefined, fallback: number, min = 1): number {
  const parsed = Number(value);
  return value?.trim() && Number.isSafeInteger(parsed) && parsed >= min ? parsed : fallback;
}
