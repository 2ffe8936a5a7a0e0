import { SUITES } from '../core/suites.ts';

export const MAIN_HELP = `sms-assure: conformance and smoke tests for SMS aggregator providers

Usage:
  sms-assure run [options]        run the assurance suites and write the reports
  sms-assure simulator [options]  serve the aggregator simulator until stopped
  sms-assure simulator rotate-key re-wrap a simulator store's data keys under a new key
  sms-assure profiles             list the simulator's profiles
  sms-assure lint "<message>"     encoding, fragments, cost and content findings of a text
  sms-assure verify <run folder>  check a run's files against its manifest and signature
  sms-assure compare <run> ...    one page comparing the verdicts of several runs' targets
  sms-assure merge <run> ... --out DIR  one run from the shards of a sharded run
  sms-assure --version | --help

Run "sms-assure <command> --help" for a command's options.`;

export const RUN_HELP = `Usage: sms-assure run [options]

With no options, runs every suite against the embedded simulator (GOV.UK Notify dialect,
compliant profile) and writes the reports to reports/<run id>/ (reports/latest points there).

Options:
  --config FILE      YAML or JSON configuration: targets, suites, time scale, output folder
  --target NAME      run only the configured target NAME; repeatable. The form
                     sim:DIALECT[:PROFILE] adds an embedded simulator target instead,
                     e.g. --target sim:notify:no-receipts (see "sms-assure profiles");
                     DIALECT is notify, twilio, vonage, sns, smpp or kannel;
                     sim:declarative:EXAMPLE[:PROFILE] runs a shipped supplier description
                     (firetext, kannel) against the simulator
  --suite NAME       run only this suite; repeatable (${SUITES.join(', ')})
  --out DIR          reports folder (default: reports, or the config's "output")
  --time-scale N     how much faster than real time simulators run (default: 100)
  --allow-live       allow targets whose keyType is live (they text real people)
  --expectations [TARGET=]FILE
                     known deviations of TARGET (YAML), over its config's "expectations";
                     TARGET may be left out when the run has one target; repeatable
  --shard I/N        run only the I-th of N slices of the suite files (vitest's sharding);
                     the run is partial: merge the shards with "sms-assure merge"
  --quiet            print only the summary
  -h, --help         show this help

Exit codes:
  0  nothing required failed (known deviations alone never fail a run)
  1  new findings: a must/should requirement failed, or a contract check found a fault
  2  the harness or the network failed: some verdicts could not be judged
  3  bad configuration (the message names the field)`;

export const SIMULATOR_HELP = `Usage: sms-assure simulator [options]

Serves the aggregator simulator on loopback and prints its address and fresh API keys.
The API is HTTPS, with a certificate from an authority made at start; its certificate is
written to ca.pem in the data folder, for clients to trust. Stop it with Ctrl-C.

Options:
  --port N           port to listen on (default: 0, any free port)
  --profile NAME     behaviour profile (default: compliant; see "sms-assure profiles")
  --time-scale N     how much faster than real time the network runs (default: 100)
  --data-dir DIR     keep the message store in DIR across restarts (default: a temp folder)
  --key-file FILE    key-encryption key of the store: base64 of 32 bytes (default:
                     SMS_ASSURE_SIM_KEK, then SMS_ASSURE_SIM_KEY_FILE, else a generated key,
                     kept in DIR/simulator.kek with --data-dir and in memory without)
  --smpp-port N      also serve SMPP 3.4 (an SMSC) on 127.0.0.1:N (0: any free port)
  --http             serve plain HTTP instead, for clients that cannot be given the CA
  -h, --help         show this help

Numbers, bodies, references and replies are stored encrypted (AES-256-GCM data keys wrapped
by the key-encryption key). "sms-assure simulator rotate-key --help" changes that key.`;

export const ROTATE_KEY_HELP = `Usage: sms-assure simulator rotate-key --data-dir DIR
                                       --new-key-file NEW [--key-file OLD]

Re-wraps every data key of the simulator store in DIR under a new key-encryption key, in one
transaction: every message stays readable, and afterwards only the new key opens the store.
Stop any simulator using DIR first.

Options:
  --data-dir DIR       the simulator's data folder (it holds simulator.sqlite)
  --key-file OLD       the key the store is sealed under (default: SMS_ASSURE_SIM_KEK, then
                       SMS_ASSURE_SIM_KEY_FILE, else DIR/simulator.kek)
  --new-key-file NEW   the new key, base64 of 32 bytes; a fresh random key is written there
                       (readable by you only) if the file does not exist
  -h, --help           show this help

When the old key was DIR/simulator.kek, that file then holds the new key, so the simulator
opens DIR as before.

Exit codes:
  0  every data key was re-wrapped
  3  bad usage, no store in DIR, or a key the store is not sealed under (nothing changed)`;
