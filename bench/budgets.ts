/** A figure beside its budget. `atLeast` budgets are floors (speed-ups), the rest ceilings. */
export interface Budget {
  what: string;
  value: number;
  limit: number;
  unit: string;
  atLeast?: boolean;
}

export function printBudgets(budgets: Budget[]): void {
  console.log('\nBudgets');
  let over = 0;
  for (const b of budgets) {
    const ok = b.atLeast ? b.value >= b.limit : b.value <= b.limit;
    if (!ok) over++;
    const value = `${b.value < 10 ? b.value.toFixed(2) : b.value.toFixed(0)} ${b.unit}`;
    console.log(`  ${ok ? 'ok  ' : 'OVER'}  ${b.what.padEnd(58)} ${value.padStart(10)}   budget ${b.atLeast ? '≥' : '≤'} ${b.limit} ${b.unit}`);
  }
  console.log(over ? `  ${over} of ${budgets.length} over budget` : `  all ${budgets.length} within budget`);
}
