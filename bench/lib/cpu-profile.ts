import path from 'node:path';
import { printTable, REPO_ROOT, round } from './server-process.ts';

/** The parts of V8's .cpuprofile format that we read. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Names the owner of a script: an npm package, a repository folder, node itself or V8. */
function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node (core)';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch?.[1]) return packageMatch[1];
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  const relative = path.relative(REPO_ROOT, file);
  return relative.startsWith('..') ? file : path.dirname(relative);
}

function location(url: string, line: number): string {
  if (!url) return '';
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  const short = file.includes('node_modules/')
    ? file.slice(file.lastIndexOf('node_modules/') + 13)
    : path.relative(REPO_ROOT, file);
  return `${short}:${line + 1}`;
}

/** Prints the profile's self time by owner and its `top` functions by self time. */
export function summariseProfile(profile: CpuProfile, top: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const totalUs = [...selfUs.values()].reduce((sum, value) => sum + value, 0);

  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, { us: number; owner: string }>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const owner = ownerOf(frame.url, frame.functionName);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
    const key = `${frame.functionName || '(anonymous)'} ${location(frame.url, frame.lineNumber)}`.trim();
    const entry = byFunction.get(key) ?? { us: 0, owner };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const share = (us: number) => `${round((us / totalUs) * 100, 1)} %`;

  process.stdout.write(`\nself time by owner (${round(totalUs / 1000)} ms sampled)\n`);
  printTable([
    ['owner', 'self ms', 'share'],
    ...[...byOwner.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([owner, us]) => [owner, round(us / 1000), share(us)]),
  ]);
  process.stdout.write(`\ntop ${top} functions by self time\n`);
  printTable([
    ['function', 'owner', 'self ms', 'share'],
    ...[...byFunction.entries()]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([name, { us, owner }]) => [name, owner, round(us / 1000), share(us)]),
  ]);
}
