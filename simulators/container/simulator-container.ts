import type { Readable } from 'node:stream';
import {
  AbstractStartedContainer,
  GenericContainer,
  Wait,
  type StartedTestContainer,
} from 'testcontainers';
import { PROFILES } from '../aggregator/profiles.ts';
import { freeLoopbackPort } from './free-port.ts';
import { BANNER_END, CA_LINE, parseBanner, type SimulatorBanner } from './simulator-banner.ts';

/** The tag build-image.sh gives the simulator image. */
export const SIMULATOR_IMAGE = 'sms-assure-simulator:local';

/**
 * The aggregator simulator in a container, for testcontainers users: a service's own tests can
 * start it, point their Notify or Twilio client at `baseUrl` trusting `ca`, and read handsets
 * through `controlUrl`. It runs with host networking only (the simulator binds to loopback, and
 * this machine's engine has no bridge), so it listens on a free host port chosen at start.
 *
 * @example
 * const simulator = await new SmsAssureSimulatorContainer().withProfile('no-receipts').start();
 * const client = new NotifyClient(simulator.baseUrl, simulator.notify.testKey);
 */
export class SmsAssureSimulatorContainer extends GenericContainer {
  #profile = 'compliant';
  #timeScale = 100;
  #port: number | undefined;
  #http = false;

  constructor(image: string = SIMULATOR_IMAGE) {
    super(image);
    this.withNetworkMode('host')
      .withWaitStrategy(Wait.forLogMessage(CA_LINE))
      .withStartupTimeout(60_000);
  }

  /** One of `sms-assure profiles`; refused here, rather than by a container that then exits. */
  withProfile(profile: string): this {
    if (!(PROFILES as readonly string[]).includes(profile)) {
      throw new Error(`withProfile: '${profile}' is not one of ${PROFILES.join(', ')}`);
    }
    this.#profile = profile;
    return this;
  }

  withTimeScale(timeScale: number): this {
    this.#timeScale = timeScale;
    return this;
  }

  /** A fixed host port instead of a free one. */
  withPort(port: number): this {
    this.#port = port;
    return this;
  }

  /** Plain HTTP, for clients that cannot be given an authority: `ca` is then undefined. */
  withHttp(): this {
    this.#http = true;
    return this.withWaitStrategy(Wait.forLogMessage(BANNER_END));
  }

  override async start(): Promise<StartedSmsAssureSimulatorContainer> {
    // No reaper: its image would come from a registry, and host networking is all there is.
    process.env['TESTCONTAINERS_RYUK_DISABLED'] ??= 'true';
    process.env['TESTCONTAINERS_HOST_OVERRIDE'] ??= '127.0.0.1';

    const port = this.#port ?? (await freeLoopbackPort());
    this.withCommand([
      ...['--port', String(port), '--profile', this.#profile],
      ...['--time-scale', String(this.#timeScale)],
      ...(this.#http ? ['--http'] : []),
    ]);
    const started = await super.start();
    try {
      const banner = parseBanner(await logUntil(started, this.#http ? BANNER_END : CA_LINE));
      const ca = banner.caFile ? await readFileIn(started, banner.caFile) : undefined;
      return new StartedSmsAssureSimulatorContainer(started, banner, ca);
    } catch (error) {
      await started.stop();
      throw error;
    }
  }
}

export class StartedSmsAssureSimulatorContainer extends AbstractStartedContainer {
  constructor(
    started: StartedTestContainer,
    private readonly banner: SimulatorBanner,
    /** The authority behind the API's certificate (PEM), made at start; none over HTTP. */
    readonly ca: string | undefined,
  ) {
    super(started);
  }

  /** `https://127.0.0.1:PORT` (or `http://` with `withHttp()`). */
  get baseUrl(): string {
    return this.banner.baseUrl;
  }

  /** `${baseUrl}/_sim`: handsets, faults, callbacks, health. */
  get controlUrl(): string {
    return this.banner.controlUrl;
  }

  get profile(): string {
    return this.banner.profile;
  }

  /** Notify keys issued at this start, and the template whose content is `((body))`. */
  get notify(): SimulatorBanner['notify'] {
    return this.banner.notify;
  }

  get twilio(): SimulatorBanner['twilio'] {
    return this.banner.twilio;
  }
}

/** The container's output from its start until a line matches, read as it comes. */
async function logUntil(started: StartedTestContainer, line: RegExp): Promise<string> {
  const stream: Readable = await started.logs();
  let log = '';
  try {
    for await (const chunk of stream) {
      log += String(chunk);
      if (line.test(log)) return log;
    }
  } finally {
    stream.destroy();
  }
  throw new Error(`the simulator container's output ended before ${line.source}:\n${log}`);
}

/** A text file from the container, read by its own node: the image may have no shell or cat. */
async function readFileIn(started: StartedTestContainer, path: string): Promise<string> {
  const script = "process.stdout.write(require('node:fs').readFileSync(process.argv[1], 'utf8'))";
  const result = await started.exec(['node', '-e', script, path]);
  if (result.exitCode !== 0) {
    throw new Error(`reading ${path} in the simulator container failed: ${result.stderr}`);
  }
  return result.stdout;
}
