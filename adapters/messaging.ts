import { type Browser, browser } from 'wxt/browser';
import { type Envelope, envelope, isEnvelope, type MessageType, type Request, type Response } from '../lib/messaging';

export function sendMessage<K extends MessageType>(type: K, data: Request<K>): Promise<Response<K>> {
  return browser.runtime.sendMessage(envelope(type, data)) as Promise<Response<K>>;
}

export type Handlers = {
  [K in MessageType]?: (data: Request<K>, sender: Browser.runtime.MessageSender) => Response<K> | Promise<Response<K>>;
};

/** Answers protocol messages with the given handlers; other messages are left to other listeners. */
export function onMessages(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type] as ((data: unknown, sender: Browser.runtime.MessageSender) => unknown) | undefined;
    if (!handler) return undefined;
    return Promise.resolve(handler((message as Envelope).data, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
