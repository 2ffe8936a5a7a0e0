import { PROFILES, describeProfile } from '../simulators/index.ts';

export function profilesCommand(): number {
  const width = Math.max(...PROFILES.map((p) => p.length));
  for (const profile of PROFILES)
    console.log(`${profile.padEnd(width)}  ${describeProfile(profile)}`);
  return 0;
}
