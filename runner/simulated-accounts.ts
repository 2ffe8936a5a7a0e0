import type { StartedSimulator } from '../simulators/index.ts';

/** A sender of the simulated account, as the runner plans with it. */
export interface SimulatorSender {
  /** What a send names to use it: Notify's sender id, the text itself elsewhere. */
  readonly id: string;
  readonly text: string;
  readonly isDefault: boolean;
  readonly inbound: boolean;
}

/** What a simulated target of one dialect is given: its credentials, options and senders. */
export interface SimulatedAccount {
  readonly credentials: Readonly<Record<string, string>>;
  readonly options: Readonly<Record<string, string>>;
  readonly senders: readonly SimulatorSender[];
  /** Whether callbacks are set once for the service (Notify), not given with each send. */
  readonly serviceCallbacks: boolean;
}

/**
 * The simulator serves every dialect at once; each target takes the account of its own. Live
 * credentials reach the fictional handsets, which is what lets checks see what a phone shows;
 * the test credentials stay at hand for the test-mode check.
 */
export function simulatedAccount(dialect: string, simulator: StartedSimulator): SimulatedAccount {
  if (dialect === 'twilio') {
    const { twilio } = simulator;
    return {
      credentials: {
        accountSid: twilio.accountSid,
        authToken: twilio.authToken,
        testAccountSid: twilio.testAccountSid,
        testAuthToken: twilio.testAuthToken,
      },
      options: { from: twilio.from, testFrom: twilio.testFrom },
      // The owned number takes no replies yet: Twilio's inbound webhook is not simulated.
      senders: [{ id: twilio.from, text: twilio.from, isDefault: true, inbound: false }],
      serviceCallbacks: false,
    };
  }

  if (dialect === 'firetext') {
    const { firetext } = simulator;
    return {
      credentials: { apiKey: firetext.apiKey },
      options: {},
      senders: [{ id: firetext.from, text: firetext.from, isDefault: true, inbound: false }],
      // Firetext takes the receipt URL with each send.
      serviceCallbacks: false,
    };
  }

  const { notify } = simulator;
  return {
    credentials: { apiKey: notify.liveKey, testApiKey: notify.testKey },
    options: { templateId: notify.templateId },
    senders: notify.senders,
    serviceCallbacks: true,
  };
}
