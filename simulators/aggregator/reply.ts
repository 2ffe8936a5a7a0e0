/** A text a fictional handset sent to a service's inbound number. */
export interface NewReply {
  readonly id: string;
  readonly dialect: string;
  readonly accountId: string;
  /** The handset that sent it, in E.164. */
  readonly handset: string;
  /** The service's number as the service knows it (Notify: `07700900500`). */
  readonly serviceNumber: string;
  /** The number the handset addressed it to, as typed. */
  readonly addressedTo: string;
  readonly body: string;
  /** False when the aggregator dropped it: the handset sent it, the service never sees it. */
  readonly received: boolean;
  /** Real epoch microseconds. */
  readonly sentAt: number;
}

export interface StoredReply extends NewReply {
  readonly seq: number;
}

/** A number on which a service of some dialect receives texts. */
export interface InboundNumber {
  readonly dialect: string;
  readonly accountId: string;
  readonly number: string;
}

/** Finds the service behind a number a handset texts; each dialect keeps its own numbers. */
export interface InboundDirectory {
  findInbound(address: string): InboundNumber | undefined;
}
