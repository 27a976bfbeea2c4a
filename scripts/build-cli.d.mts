export function buildCli(outfile?: string): Promise<void>;
