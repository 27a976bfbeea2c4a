export interface LinkingFigures {
  names: number;
  accuracy: number;
  precision: number;
  linksMade: number;
  noMatch: number;
  noMatchNames: number;
  office: number;
  officeNames: number;
  notRecognised: number;
  requestsPerName: number;
  requests: number;
  searchedNames: number;
}

export interface LinkingEvaluation {
  figures: {
    tune: LinkingFigures;
    test: LinkingFigures;
    all: LinkingFigures;
    robustness: { passed: number; of: number; cases: { case: string; name: string; ok: boolean }[] };
  };
  rows: { file: string; split: string; name: string; want: string | null; got: string | null; found: boolean; officeOk?: boolean }[];
}

export function evaluateLinking(options?: { cli?: string; build?: boolean; parallel?: number }): Promise<LinkingEvaluation>;
