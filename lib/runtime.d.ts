// The one runtime global lib/ uses: WHATWG URL, present in browsers, workers and Node alike (not a DOM API).
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
}
