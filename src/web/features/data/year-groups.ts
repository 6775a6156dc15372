/** The year groups a calendar entry can cover: Reception and Years 1 to 13. */
export const YEAR_GROUPS = ['R', ...Array.from({ length: 13 }, (_, i) => `Y${i + 1}`)];

/** "R" -> "Reception", "Y7" -> "Year 7". */
export const yearGroupName = (y: string) => (y === 'R' ? 'Reception' : `Year ${y.slice(1)}`);
