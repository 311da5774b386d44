/** "1 replication", "2 replications": a count with its noun in the right number (English). */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
