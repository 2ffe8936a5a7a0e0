import type { NewMessage } from './message.ts';
import { newMessageId } from './message-id.ts';
import type { InboundDirectory, NewReply } from './reply.ts';

/**
 * A text the network delivers to a number on which a service receives texts (Notify: its inbound
 * number) arrives in that service's received texts when it reaches the number, from the sender
 * the number was shown. This is how a harness reads what arrived through a provider's own API.
 */
export function deliveryToService(
  message: NewMessage,
  directory: InboundDirectory | undefined,
): NewReply | undefined {
  if (message.handsetAt === null || !directory) return undefined;

  const inbound = directory.findInbound(message.number);
  if (!inbound) return undefined;
  return {
    id: newMessageId(),
    dialect: inbound.dialect,
    accountId: inbound.accountId,
    handset: message.shownSender,
    serviceNumber: inbound.number,
    addressedTo: message.to,
    body: message.wireBody,
    received: true,
    sentAt: message.handsetAt,
  };
}
