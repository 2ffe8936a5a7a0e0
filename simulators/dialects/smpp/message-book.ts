import type { Session } from 'smpp';
import { GroupCommit } from '../../aggregator/group-commit.ts';
import type { SimulatorStore } from '../../aggregator/store.ts';
import { PartGroups } from '../../../providers/smpp/part-groups.ts';
import type { Concatenation } from './short-message.ts';

/** One submit_sm as the SMSC accepted it: a whole message, or one part of a long one. */
export interface SmscPart {
  /** The message_id the SMSC answered this submit_sm with. */
  readonly id: string;
  readonly sequence: number;
  readonly total: number;
  readonly text: string;
  readonly registeredDelivery: number;
}

/** A message the aggregator holds, with the SMPP parts it arrived in. */
export interface SmscMessage {
  /** The aggregator's id: the first part's message_id. */
  readonly storeId: string;
  readonly systemId: string;
  /** Addresses as submitted, so that receipts can swap them back. */
  readonly source: string;
  readonly destination: string;
  /** The recipient in E.164, for replies to find the conversation they belong to. */
  readonly recipient: string;
  /**
   * The session that submitted it: receipts go back on it while it stays bound. A message
   * read back after a restart has none: its receipts go to any receiver the account binds.
   */
  readonly session?: Session | undefined;
  readonly parts: readonly SmscPart[];
}

const MESSAGE_KEY = 'smpp:message:';
const PART_KEY = 'smpp:part:';

/** Parts of messages still incomplete at once; the oldest group is dropped beyond this. */
const MAX_OPEN_GROUPS = 10_000;

/**
 * What only the SMPP face knows about its messages: which message_ids make up each one and
 * which receipts each part asked for. It is kept in memory and, given a store, sealed there
 * too, so that after a restart a query_sm or a receipt still due finds its message. Parts of a
 * long text still waiting for the rest, and who last texted each handset, live in memory only.
 */
export class MessageBook {
  readonly #byPartId = new Map<string, SmscMessage>();
  readonly #byStoreId = new Map<string, SmscMessage>();
  readonly #open = new PartGroups<SmscPart>(MAX_OPEN_GROUPS);
  readonly #lastTo = new Map<string, SmscMessage>();
  readonly #store: SimulatorStore | undefined;
  readonly #commits: GroupCommit | undefined;

  constructor(store?: SimulatorStore) {
    this.#store = store;
    this.#commits = store && new GroupCommit(store);
  }

  /**
   * Adds one part of a concatenated message; returns every part in order once the last one of
   * its group is in, undefined while some are missing.
   */
  collect(group: string, concatenation: Concatenation, part: SmscPart): SmscPart[] | undefined {
    return this.#open.add(group, concatenation, part);
  }

  /**
   * Files the message; resolves once the store holds it too. Submits arriving in one turn of
   * the event loop share a transaction, as the lifecycle's writes do.
   */
  async record(message: SmscMessage): Promise<void> {
    this.#remember(message);
    this.#lastTo.set(message.recipient, message);
    const store = this.#store;
    if (!store) return;

    const { session: _session, ...kept } = message;
    await this.#commits?.write(() => {
      store.writeMeta(`${MESSAGE_KEY}${message.storeId}`, JSON.stringify(kept));
      // The first part's id is the message's own; the others are filed under it.
      for (const part of message.parts.slice(1)) {
        store.writeMeta(`${PART_KEY}${part.id}`, message.storeId);
      }
    });
  }

  /** Commits what is waiting; called before the store closes. */
  flush(): void {
    this.#commits?.flush();
  }

  byPartId(id: string): SmscMessage | undefined {
    const known = this.#byPartId.get(id);
    if (known) return known;

    const storeId = this.#store?.readMeta(`${PART_KEY}${id}`) ?? id;
    return this.byStoreId(storeId);
  }

  byStoreId(id: string): SmscMessage | undefined {
    const known = this.#byStoreId.get(id);
    if (known || !this.#store) return known;

    const kept = this.#store.readMeta(`${MESSAGE_KEY}${id}`);
    if (kept === undefined) return undefined;
    const message = JSON.parse(kept) as SmscMessage;
    this.#remember(message);
    return message;
  }

  #remember(message: SmscMessage): void {
    this.#byStoreId.set(message.storeId, message);
    for (const part of message.parts) this.#byPartId.set(part.id, message);
  }

  /** The latest message to a handset: its reply most likely answers that one. */
  lastTo(recipient: string): SmscMessage | undefined {
    return this.#lastTo.get(recipient);
  }
}
