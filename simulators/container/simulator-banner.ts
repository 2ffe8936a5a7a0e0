/**
 * What `sms-assure simulator` prints at start, read back: where it listens, the keys it issued
 * and where it wrote its authority's certificate. The container module has no other way to
 * learn them, since keys are fresh at every start.
 */
export interface SimulatorBanner {
  readonly baseUrl: string;
  readonly controlUrl: string;
  readonly profile: string;
  readonly notify: {
    readonly testKey: string;
    readonly teamKey: string;
    readonly liveKey: string;
    readonly templateId: string;
  };
  readonly twilio: { readonly accountSid: string; readonly authToken: string };
  /** The path of `ca.pem` inside the simulator's file system; absent over plain HTTP. */
  readonly caFile?: string;
}

const LINES = {
  listening: /^simulator listening on (\S+) \(profile ([a-z0-9-]+),/m,
  control: /^control API\s+(\S+)/m,
  testKey: /^Notify test key\s+(\S+)/m,
  teamKey: /^Notify team key\s+(\S+)/m,
  liveKey: /^Notify live key\s+(\S+)/m,
  templateId: /^Notify template id\s+(\S+)/m,
  twilio: /^Twilio account\s+(AC[0-9a-f]+):(\S+)/m,
} as const;

/** The line the simulator prints last: once it is out, the banner is whole. */
export const BANNER_END = /^Keys are fresh at every start/m;
export const CA_LINE = /^CA certificate\s+(\S+)/m;

/** Reads a whole banner; names the first line missing, since the CLI's wording may drift. */
export function parseBanner(log: string): SimulatorBanner {
  const line = (name: keyof typeof LINES): RegExpExecArray => {
    const match = LINES[name].exec(log);
    if (!match) {
      throw new Error(
        `the simulator's start-up output has no ${name} line (${LINES[name].source}); ` +
          `it printed:\n${log}`,
      );
    }
    return match;
  };

  const listening = line('listening');
  const twilio = line('twilio');
  const caFile = CA_LINE.exec(log)?.[1];
  return {
    baseUrl: listening[1] ?? '',
    profile: listening[2] ?? '',
    controlUrl: line('control')[1] ?? '',
    notify: {
      testKey: line('testKey')[1] ?? '',
      teamKey: line('teamKey')[1] ?? '',
      liveKey: line('liveKey')[1] ?? '',
      templateId: line('templateId')[1] ?? '',
    },
    twilio: { accountSid: twilio[1] ?? '', authToken: twilio[2] ?? '' },
    ...(caFile ? { caFile } : {}),
  };
}
