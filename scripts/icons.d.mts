export const ICON_SOURCE: string;
export const ICON_SIZES: number[];
/** Writes `<size>.png` for every size into `dir`; returns the paths by size. */
export function renderIcons(dir: string, sizes?: number[]): Record<string, string>;
