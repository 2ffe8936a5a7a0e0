import { ProviderResponseError } from '../core/errors.ts';
import { probeSmppTls } from '../probes/tls/probe-smpp-tls.ts';
import { probeTls } from '../probes/tls/probe-tls.ts';
import { awaitCallbacks, readReceived } from './support/await-callback.ts';
import { requireReceipts } from './support/require-receipts.ts';
import { findUnauthenticated } from './support/callback-findings.ts';
import { tryCallbackUrl } from './support/callback-url-trial.ts';
import { dialectOf } from '../providers/registry.ts';
import { check, forEachTarget } from './support/check.ts';
import { first, sendTracked } from './support/send-tracked.ts';

/** Transport security: the API's TLS (ENC-01); callbacks that travel over TLS only (RCPT-03). */
forEachTarget('transport', (target) => {
  const perMessage = dialectOf(target.dialect).callbackUrls === 'per-message';

  check(
    'transport',
    target,
    {
      id: 'api-tls',
      title: 'the API speaks only sound TLS: versions, suites, certificate, HSTS, no plain HTTP',
      covers: ['ENC-01'],
    },
    async (c) => {
      const gateway = target.simulator?.gateway;
      if (gateway) {
        return c.notApplicable(
          `the API is the harness's own ${gateway} on loopback, in front of the simulated ` +
            "SMSC; an SMSC's transport is judged on an smpp target, a real gateway's when it " +
            'is configured as a target',
        );
      }
      const probe = target.baseUrl.startsWith('smpp') ? probeSmppTls : probeTls;
      const result = await probe(target.baseUrl, { ca: target.trustedCa ?? [] });

      for (const note of result.notes) c.note(note);
      for (const warning of result.warnings) c.note(`warning: ${warning}`);
      for (const finding of result.findings) c.finding({ ...finding, requirement: 'ENC-01' });
    },
  );

  check(
    'transport',
    target,
    {
      id: 'callbacks-tls',
      title: 'receipt callbacks arrive authenticated and over TLS; an http:// callback is refused',
      // Only a simulator lets the harness offer an http:// URL and see it refused, and only
      // where the supplier, not each message, holds the URL.
      covers: [{ id: 'RCPT-03', scope: target.simulator && !perMessage ? 'full' : 'partial' }],
    },
    async (c) => {
      const callback = target.callback;
      if (!callback) {
        return c.skip(
          'no callback reaches this run, so how the supplier sends them cannot be seen; ' +
            'its documentation must show that callback URLs have to be https',
        );
      }
      if (!callback.url.startsWith('https:')) {
        return c.skip(`the run's own callback URL is not https (${callback.url})`);
      }
      requireReceipts(c, 'callback');

      if (perMessage) {
        c.note(
          'this supplier takes the callback URL with each message, so whether it is https is ' +
            "the service's choice (the harness gives only https ones), not the supplier's",
        );
      } else if (target.simulator && callback.plainUrl) {
        const trial = await tryCallbackUrl(c, callback.plainUrl);
        if (trial.accepted) {
          c.finding({
            code: 'http_callback_url_accepted',
            requirement: 'RCPT-03',
            severity: 'high',
            message: 'the supplier took an http:// callback URL, so receipts could travel in clear',
            expected: 'an http:// callback URL refused',
            actual: `HTTP ${trial.status}: accepted`,
          });
        } else {
          c.note(`an http:// callback URL was refused: HTTP ${trial.status} ${trial.reason}`);
        }
      } else {
        c.note('whether an http:// callback URL is refused cannot be tried on this target');
      }

      let sentId: string;
      let sentAt: number;
      try {
        const sent = await sendTracked(c, first(target.numbers.delivered, 'delivered'), 'tls');
        ({ id: sentId, sentAt } = sent);
      } catch (error) {
        // The send check reports a supplier's unreadable answer; here it only leaves no callback.
        if (!(error instanceof ProviderResponseError)) throw error;
        c.unjudged('RCPT-03', `the send was not understood (${error.code}), so no callback to see`);
        return;
      }

      const received = await awaitCallbacks(c, sentId, sentAt);
      if (received.length === 0) {
        c.unjudged('RCPT-03', 'no callback arrived, so how one travels could not be seen');
        return;
      }
      c.note(
        `${received.length} callback(s) for the text, over TLS: ${received.map((r) => r.overTls)}`,
      );

      findUnauthenticated(c, received);

      const inClear = (await readReceived(c)).filter((r) => r.overTls === false);
      if (inClear.length > 0) {
        c.finding({
          code: 'callback_over_http',
          requirement: 'RCPT-03',
          severity: 'high',
          message: 'receipt callbacks reached the service over plain HTTP',
          expected: 'every callback over TLS',
          actual: `${inClear.length} callback(s) in clear`,
        });
      }
    },
  );
});
