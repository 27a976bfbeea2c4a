export const DEMO_ARTICLE_PATH: string;
export const DEMO_ROUTES: Record<string, string>;

export interface RecordedRequest {
  method: string | undefined;
  path: string;
  search: string;
  headers: Record<string, string | string[] | undefined>;
}

export type Route = string | { body: string | Uint8Array; type?: string; headers?: Record<string, string> };

export interface DemoServer {
  origin: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export function startDemoServer(options?: { port?: number; routes?: Record<string, Route> }): Promise<DemoServer>;
