import { startSimulator, type ProfileName } from '../index.ts';

// The child side of spawnSimulator: start, say where, then wait to be killed.
const [dataDir, timeScale, profile] = process.argv.slice(2);
const simulator = await startSimulator({
  dataDir,
  timeScale: Number(timeScale),
  profile: (profile ?? 'compliant') as ProfileName,
});
process.stdout.write(
  `${JSON.stringify({ baseUrl: simulator.baseUrl, notify: simulator.notify })}\n`,
);
setInterval(() => undefined, 60_000);
