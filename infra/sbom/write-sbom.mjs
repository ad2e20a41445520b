// The CycloneDX bill of materials of what `npm ci` installed, written by every `npm run build`
// (`node infra/sbom/write-sbom.mjs [file]`, by default dist/sbom.cdx.json at the repository root).
// npm's own `npm sbom` works offline, where `npm audit` cannot reach an advisory service: the file
// is audited later, on a machine that can (README, "Bill of materials"). It describes the whole
// workspace (server, client, shared and the tools that built them), so it lives in no workspace's
// output; and never in client/dist, which the server publishes: the exact versions are a shopping
// list for an attacker.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_SBOM_FILE = join(ROOT, 'dist/sbom.cdx.json');

const readPackage = (folder) => JSON.parse(readFileSync(join(ROOT, folder, 'package.json'), 'utf8'));

/**
 * npm names the root and each workspace after its folder ("main", "server"); the purl and bom-ref
 * carry the real package name. Put that name back, so the product is "jit-workspace" in
 * Dependency-Track whatever directory the build ran in.
 */
function namePackagesOfThisRepository(bom) {
  const root = readPackage('.');
  const ours = [root, ...root.workspaces.map(readPackage)];
  const nameOf = new Map(ours.map((pkg) => [`${pkg.name}@${pkg.version}`, pkg.name]));
  for (const component of [bom.metadata.component, ...bom.components]) {
    const name = nameOf.get(component['bom-ref']);
    if (name) component.name = name;
  }
  return bom;
}

/** Runs `npm sbom` over the installed tree and writes the result to `file`; returns the bill. */
export function writeSbom(file = DEFAULT_SBOM_FILE) {
  // `application`: the bill describes a product someone deploys, not a library someone imports.
  const result = spawnSync('npm', ['sbom', '--sbom-format', 'cyclonedx', '--sbom-type', 'application'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`npm sbom failed (exit ${result.status}):\n${result.stderr}`);
  const bom = namePackagesOfThisRepository(JSON.parse(result.stdout));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(bom, null, 2)}\n`);
  return bom;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = resolve(process.argv[2] ?? DEFAULT_SBOM_FILE);
  const bom = writeSbom(file);
  console.log(`CycloneDX ${bom.specVersion} bill of materials: ${bom.components.length} components in ${file}`);
}
