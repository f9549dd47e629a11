#!/usr/bin/env node
// Runs a root pnpm script on a machine that has only Node and npm: pnpm is fetched through npx at
// the exact version named in package.json "packageManager", and the workspace is installed first
// when node_modules is missing or older than the lockfile.
// Usage: node scripts/pnpm.mjs <script> [args...]
// Zero dependencies on purpose: it runs before anything is installed.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
if (typeof packageManager !== 'string' || !packageManager.startsWith('pnpm@')) {
  console.error('scripts/pnpm.mjs: package.json "packageManager" must name pnpm@<version>')
  process.exit(1)
}
const pnpmSpec = packageManager.split('+')[0] // drop a "+sha512..." integrity suffix if present

const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('usage: node scripts/pnpm.mjs <script> [args...]')
  process.exit(2)
}

const isWindows = process.platform === 'win32'

function pnpm(pnpmArgs) {
  const result = spawnSync(isWindows ? 'npx.cmd' : 'npx', ['-y', pnpmSpec, ...pnpmArgs], {
    cwd: root,
    stdio: 'inherit',
    shell: isWindows,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  })
  if (result.error) {
    console.error(`scripts/pnpm.mjs: could not run npx: ${result.error.message}`)
    process.exit(1)
  }
  return result.status ?? 1
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : undefined
}

const lockfile = join(root, 'pnpm-lock.yaml')
const modulesState = join(root, 'node_modules', '.modules.yaml')
const lockTime = mtime(lockfile)
const installedTime = mtime(modulesState)
const needsInstall =
  !existsSync(join(root, 'node_modules')) ||
  installedTime === undefined ||
  (lockTime !== undefined && lockTime > installedTime)

if (needsInstall) {
  const installArgs = lockTime !== undefined ? ['install', '--frozen-lockfile'] : ['install']
  console.error(`scripts/pnpm.mjs: ${pnpmSpec} ${installArgs.join(' ')}`)
  const status = pnpm(installArgs)
  if (status !== 0) process.exit(status)
  // pnpm may leave .modules.yaml untouched when nothing changed; mark the install as current so
  // a lockfile merely touched by git does not trigger an install on every run.
  if (existsSync(modulesState)) {
    const now = new Date()
    utimesSync(modulesState, now, now)
  }
}

// The browser tests drive Debian's Chromium (never a downloaded browser): install it where it is
// missing and the machine allows it, or say what to do.
const chromium = process.env.IMI_CHROMIUM ?? '/usr/bin/chromium'
if ((script === 'test:all' || script === 'test:browser') && !existsSync(chromium)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.error('scripts/pnpm.mjs: installing Chromium from Debian for the browser tests')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env })
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env }) : update
    if (install.status !== 0) process.exit(install.status ?? 1)
  } else {
    console.error(`scripts/pnpm.mjs: the browser tests need Chromium at ${chromium}: run \`sudo apt-get install -y chromium\`, or set IMI_CHROMIUM to a Chromium binary`)
    process.exit(1)
  }
}

process.exit(pnpm(['run', script, ...args]))
