/** "1 replication", "2 replications": a count with its noun in the right number (English). */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A whole number with its thousands grouped as Indonesian writes them, by a point: 24541 -> "24.541" (a decimal comma language). */
export function groupedId(n: number | string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
