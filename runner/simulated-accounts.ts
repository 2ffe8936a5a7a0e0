import type { StartedSimulator } from '../simulators/index.ts';
import { pointTwilioNumberAt } from './twilio-sms-url.ts';

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
  /** Sends replies on to `url` where the dialect sets that on the number (Twilio's SmsUrl). */
  readonly connectInbound?: (url: string, trustedCa: readonly string[]) => Promise<void>;
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
      senders: [
        { id: twilio.from, text: twilio.from, isDefault: true, inbound: false },
        { id: twilio.ownedNumber, text: twilio.ownedNumber, isDefault: false, inbound: true },
      ],
      serviceCallbacks: false,
      connectInbound: (url, trustedCa) =>
        pointTwilioNumberAt(
          { ...twilio, baseUrl: simulator.baseUrl, trustedCa },
          twilio.ownedNumber,
          url,
        ),
    };
  }

  if (dialect === 'vonage') {
    const { vonage } = simulator;
    return {
      credentials: {
        apiKey: vonage.apiKey,
        apiSecret: vonage.apiSecret,
        signatureSecret: vonage.signatureSecret,
      },
      options: { from: vonage.from, signatureMethod: vonage.signatureMethod },
      // Vonage's inbound webhook is not simulated: the sender takes no replies.
      senders: [{ id: vonage.from, text: vonage.from, isDefault: true, inbound: false }],
      serviceCallbacks: false,
    };
  }

  if (dialect === 'sns') {
    const { sns } = simulator;
    return {
      credentials: { apiKey: sns.accessKeyId, secretAccessKey: sns.secretAccessKey },
      options: { region: sns.region, senderId: sns.senderId },
      senders: [{ id: sns.senderId, text: sns.senderId, isDefault: true, inbound: false }],
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
