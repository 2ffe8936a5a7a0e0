/**
 * The parts of the untyped `smpp` package (0.5.1) that sms-assure uses. A PDU carries its fields
 * and TLVs as plain properties named as in SMPP 5.0; `short_message` and `message_payload` are
 * decoded into `{ udh?, message }` when read, and accept a Buffer or that shape when written.
 */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';
  import type { TlsOptions } from 'node:tls';

  export interface DecodedMessage {
    /** Each information element of the user data header, IEI first, UDHL removed. */
    readonly udh?: readonly Buffer[];
    readonly message: string | Buffer;
  }

  export interface PDU {
    readonly command: string;
    readonly command_id: number;
    readonly command_status: number;
    readonly sequence_number: number;
    readonly [field: string]: unknown;
    isResponse(): boolean;
    response(fields?: Record<string, unknown>): PDU;
  }

  export interface Session extends EventEmitter {
    readonly socket: Socket;
    readonly server?: Server;
    send(pdu: PDU, onResponse?: (response: PDU) => void, onSent?: (pdu: PDU) => void): boolean;
    pause(): void;
    resume(): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    bind_transceiver(fields: Record<string, unknown>, onResponse: (pdu: PDU) => void): boolean;
    submit_sm(fields: Record<string, unknown>, onResponse: (pdu: PDU) => void): boolean;
    deliver_sm(fields: Record<string, unknown>, onResponse?: (pdu: PDU) => void): boolean;
    query_sm(fields: Record<string, unknown>, onResponse: (pdu: PDU) => void): boolean;
    enquire_link(fields?: Record<string, unknown>, onResponse?: (pdu: PDU) => void): boolean;
    unbind(fields?: Record<string, unknown>, onResponse?: (pdu: PDU) => void): boolean;
  }

  export interface Server extends NetServer {
    readonly sessions: Session[];
  }

  export type ConnectOptions =
    | { readonly url: string; readonly auto_enquire_link_period?: number }
    | {
        readonly host: string;
        readonly port: number;
        readonly tls?: boolean;
        readonly ca?: readonly string[];
        readonly servername?: string;
      };

  /** The package is CommonJS: Node hands ESM importers its exports as the default. */
  const smpp: {
    createServer(listener: (session: Session) => void): Server;
    /** With `key` and `cert`, a server speaking SMPP over TLS. */
    createServer(options: TlsOptions, listener: (session: Session) => void): Server;
    /**
     * A client session. `url` is `smpp://host:port` (or the package's own `ssmpp://` for TLS);
     * given `host` and `port` instead, the rest of the options reach `net.connect`, or with `tls`
     * set `tls.connect`, so `ca` and `servername` apply there.
     */
    connect(options: ConnectOptions, onConnect?: () => void): Session;
    PDU: new (command: string, fields?: Record<string, unknown>) => PDU;
    errors: Readonly<Record<string, number>>;
  };
  export default smpp;
}
