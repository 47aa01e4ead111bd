/** Round to the nearest integer, ties to even (Python's `round`, the reference's rounding). */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  // Math.round sends ties up; a tie that landed on an odd integer goes back down
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
