// `--version` for the workstation's coreutils programs. Each takes it as coreutils'
// parse_long_options does; here, as the first argument (how it is typed), it prints the version
// text with the program's own authors (coreutils 9.1, as `PROG --version` prints them on Debian 12).

import type { CommandSpec } from '../types'
import { coreutilsVersion } from './util'

/** The "Written by" line of each program (a line break where coreutils breaks it). */
export const COREUTILS_AUTHORS: Readonly<Record<string, string>> = {
  arch: 'David MacKenzie and Karel Zak',
  base64: 'Simon Josefsson',
  basename: 'David MacKenzie',
  cat: 'Torbjorn Granlund and Richard M. Stallman',
  chmod: 'David MacKenzie and Jim Meyering',
  comm: 'Richard M. Stallman and David MacKenzie',
  cp: 'Torbjorn Granlund, David MacKenzie, and Jim Meyering',
  cut: 'David M. Ihnat, David MacKenzie, and Jim Meyering',
  date: 'David MacKenzie',
  dirname: 'David MacKenzie and Jim Meyering',
  env: 'Richard Mlynarik, David MacKenzie, and Assaf Gordon',
  expand: 'David MacKenzie',
  expr: 'Mike Parker, James Youngman, and Paul Eggert',
  fold: 'David MacKenzie',
  head: 'David MacKenzie and Jim Meyering',
  id: 'Arnold Robbins and David MacKenzie',
  ls: 'Richard M. Stallman and David MacKenzie',
  md5sum: 'Ulrich Drepper, Scott Miller, and David Madore',
  mkdir: 'David MacKenzie',
  mktemp: 'Jim Meyering and Eric Blake',
  mv: 'Mike Parker, David MacKenzie, and Jim Meyering',
  nl: 'Scott Bartram and David MacKenzie',
  od: 'Jim Meyering',
  paste: 'David M. Ihnat and David MacKenzie',
  printenv: 'David MacKenzie and Richard Mlynarik',
  readlink: 'Dmitry V. Levin',
  realpath: 'Padraig Brady',
  rmdir: 'David MacKenzie',
  rm: 'Paul Rubin, David MacKenzie, Richard M. Stallman,\nand Jim Meyering',
  seq: 'Ulrich Drepper',
  sha1sum: 'Ulrich Drepper, Scott Miller, and David Madore',
  sha256sum: 'Ulrich Drepper, Scott Miller, and David Madore',
  sha384sum: 'Ulrich Drepper, Scott Miller, and David Madore',
  sha512sum: 'Ulrich Drepper, Scott Miller, and David Madore',
  sleep: 'Jim Meyering and Paul Eggert',
  sort: 'Mike Haertel and Paul Eggert',
  stat: 'Michael Meskes',
  tac: 'Jay Lepreau and David MacKenzie',
  tail: 'Paul Rubin, David MacKenzie, Ian Lance Taylor,\nand Jim Meyering',
  tee: 'Mike Parker, Richard M. Stallman, and David MacKenzie',
  timeout: 'Padraig Brady',
  tty: 'David MacKenzie',
  touch: 'Paul Rubin, Arnold Robbins, Jim Kingdon,\nDavid MacKenzie, and Randy Smith',
  tr: 'Jim Meyering',
  uname: 'David MacKenzie',
  uniq: 'Richard M. Stallman and David MacKenzie',
  wc: 'Paul Rubin and David MacKenzie',
  whoami: 'Richard Mlynarik',
  yes: 'David MacKenzie',
}

const plain = new WeakMap<CommandSpec, CommandSpec>()

/** The program with `PROG --version` answered first (others are unchanged). */
export function withVersion(spec: CommandSpec): CommandSpec {
  const authors = COREUTILS_AUTHORS[spec.name]
  if (authors === undefined) return spec
  const versioned: CommandSpec = {
    ...spec,
    async run(ctx) {
      if (ctx.argv[1] !== '--version') return spec.run(ctx)
      ctx.stdout(coreutilsVersion(spec.name, authors))
      return 0
    },
  }
  plain.set(versioned, spec)
  return versioned
}

/** The program as it was before withVersion: what a busybox image's applet stands on (busybox has no --version). */
export const withoutVersion = (spec: CommandSpec): CommandSpec => plain.get(spec) ?? spec
