import { SUITES } from '../core/suites.ts';

export const MAIN_HELP = `sms-assure: conformance and smoke tests for SMS aggregator providers

Usage:
  sms-assure run [options]        run the assurance suites and write the reports
  sms-assure simulator [options]  serve the aggregator simulator until stopped
  sms-assure profiles             list the simulator's profiles
  sms-assure lint "<message>"     encoding, fragments, cost and content findings of a text
  sms-assure verify <run folder>  check a run's files against its manifest and signature
  sms-assure compare <run> ...    one page comparing the verdicts of several runs' targets
  sms-assure --version | --help

Run "sms-assure <command> --help" for a command's options.`;

export const RUN_HELP = `Usage: sms-assure run [options]

With no options, runs every suite against the embedded simulator (GOV.UK Notify dialect,
compliant profile) and writes the reports to reports/<run id>/ (reports/latest points there).

Options:
  --config FILE      YAML or JSON configuration: targets, suites, time scale, output folder
  --target NAME      run only the configured target NAME; repeatable. The form
                     sim:DIALECT[:PROFILE] adds an embedded simulator target instead,
                     e.g. --target sim:notify:no-receipts (see "sms-assure profiles")
  --suite NAME       run only this suite; repeatable (${SUITES.join(', ')})
  --out DIR          reports folder (default: reports, or the config's "output")
  --time-scale N     how much faster than real time simulators run (default: 100)
  --allow-live       allow targets whose keyType is live (they text real people)
  --quiet            print only the summary
  -h, --help         show this help

Exit codes:
  0  nothing required failed
  1  findings: a must/should requirement failed, or a contract check found a fault
  2  the harness or the network failed: some verdicts could not be judged
  3  bad configuration (the message names the field)`;

export const SIMULATOR_HELP = `Usage: sms-assure simulator [options]

Serves the aggregator simulator on loopback and prints its address and fresh API keys.
Stop it with Ctrl-C.

Options:
  --port N           port to listen on (default: 0, any free port)
  --profile NAME     behaviour profile (default: compliant; see "sms-assure profiles")
  --time-scale N     how much faster than real time the network runs (default: 100)
  --data-dir DIR     keep the message store in DIR across restarts (default: a temp folder)
  --smpp-port N      also serve SMPP 3.4 (an SMSC) on 127.0.0.1:N (0: any free port)
  -h, --help         show this help`;
