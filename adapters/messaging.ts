import { type Browser, browser } from 'wxt/browser';
import {
  ALLOWED_SENDERS,
  type Envelope,
  envelope,
  isEnvelope,
  type MessageType,
  type Request,
  type Response,
  type SenderKind,
} from '../lib/messaging';

export function sendMessage<K extends MessageType>(type: K, data: Request<K>): Promise<Response<K>> {
  return browser.runtime.sendMessage(envelope(type, data)) as Promise<Response<K>>;
}

export type Handlers = {
  [K in MessageType]?: (data: Request<K>, sender: Browser.runtime.MessageSender) => Response<K> | Promise<Response<K>>;
};

/**
 * What a message's sender is: this extension's own page (its URL is under the extension's), this extension's content
 * script in a web page's tab, or neither (another extension).
 */
export function senderKind(sender: Browser.runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab && /^https?:/i.test(sender.url ?? '')) return 'page';
  return null;
}

/** Answers protocol messages with the given handlers, each from its allowed senders only; others are refused. */
export function onMessages(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type] as ((data: unknown, sender: Browser.runtime.MessageSender) => unknown) | undefined;
    if (!handler) return undefined;
    const kind = senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
    if (!kind || !ALLOWED_SENDERS[message.type].includes(kind))
      return Promise.reject(new Error(`Backstory does not answer "${message.type}" from ${kind ?? 'that sender'}.`));
    return Promise.resolve(handler((message as Envelope).data, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
