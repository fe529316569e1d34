// The unit suite shares one module graph per worker (vite.config.ts): a file that replaces a module
// with vi.mock must be listed to run isolated, or its mock leaks into the files after it.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MOCKING } from '../vite.config'

const ROOT = join(import.meta.dirname, '..')

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : testFiles(path)
    return /\.test\.tsx?$/.test(name) ? [relative(ROOT, path)] : []
  })
}

describe('the unit suite’s isolation', () => {
  const files = ['src', 'tests', 'scripts'].flatMap((d) => testFiles(join(ROOT, d)))
  const mocking = files.filter((f) => /\bvi\.(mock|doMock)\(/.test(readFileSync(join(ROOT, f), 'utf8')))

  it('finds the test files, and the ones that mock a module', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(mocking.length).toBeGreaterThan(0)
  })
  it('runs every file that mocks a module isolated, and only those', () => {
    expect([...MOCKING].sort()).toEqual(mocking.sort())
  })
})
