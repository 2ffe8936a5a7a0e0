import smpp from 'smpp';

/** SMPP 3.4 command_status values the SMSC answers with, by the package's names. */
function status(name: string): number {
  const value = smpp.errors[name];
  if (value === undefined) throw new Error(`smpp package has no command status ${name}`);
  return value;
}

export const STATUS = {
  ok: 0,
  invalidMessageLength: status('ESME_RINVMSGLEN'),
  invalidBindStatus: status('ESME_RINVBNDSTS'),
  alreadyBound: status('ESME_RALYBND'),
  invalidSourceAddress: status('ESME_RINVSRCADR'),
  invalidDestinationAddress: status('ESME_RINVDSTADR'),
  invalidPassword: status('ESME_RINVPASWD'),
  invalidSystemId: status('ESME_RINVSYSID'),
  invalidCommandId: status('ESME_RINVCMDID'),
  systemError: status('ESME_RSYSERR'),
  throttled: status('ESME_RTHROTTLED'),
  queryFailed: status('ESME_RQUERYFAIL'),
  invalidDataCoding: status('ESME_RINVDCS'),
  invalidTlvValue: status('ESME_RINVTLVVAL'),
} as const;

/** A refusal the SMSC answers a PDU with; its command_status is the code. */
export class SmscRefusal extends Error {
  constructor(
    readonly commandStatus: number,
    reason: string,
  ) {
    super(reason);
  }
}
