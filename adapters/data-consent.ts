import { browser } from 'wxt/browser';

/** Kinds of data Backstory sends only with the reader's consent where the browser asks for it (Firefox). */
export type ConsentedData = 'browsingActivity';

type DataPermissions = { data_collection?: string[] };

/**
 * Whether data of this kind may be sent. Firefox (140+) has the reader consent to optional data collection
 * (the manifest's data_collection_permissions); a browser without that consent system has nothing to ask.
 */
export async function mayTransmit(kind: ConsentedData): Promise<boolean> {
  const granted = (await browser.permissions.getAll()) as DataPermissions;
  return !granted.data_collection || granted.data_collection.includes(kind);
}

/** Asks the reader's consent; call it straight from their click (the browser asks only then). */
export function askToTransmit(kind: ConsentedData): Promise<boolean> {
  if (!('request' in browser.permissions)) return Promise.resolve(true);
  return (browser.permissions.request({ data_collection: [kind] } as Parameters<typeof browser.permissions.request>[0]) as Promise<boolean>).catch(
    () => false,
  );
}
