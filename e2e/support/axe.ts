// axe-core's accessibility rules, run the cheap way. @axe-core/playwright by default runs the
// rules frame by frame and then opens a blank page to merge the results (a new renderer, and the
// 600 KB axe script compiled twice), and returns every node that passed with its HTML (700 KB of
// JSON here): 4.5 CPU-seconds per scan on the lab's 660 elements, against 1.5 this way. The lab's
// page has no frames of another origin, which is what that split exists for, so axe runs in the
// page itself (legacy mode), every rule as before; only the violations come back with all their
// nodes (resultTypes: the other kinds carry one node each, and no test reads them).
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export interface AxeViolation {
  id: string
  impact?: string | null
  help: string
  nodes: { target: unknown[] }[]
}

/** The rules' violations in the page, or in the part of it `include` selects. */
export async function axeViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  let builder = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] })
  if (include !== undefined) builder = builder.include(include)
  return (await builder.analyze()).violations
}

/** One line per violation (rule, impact, help, the elements), for an assertion's message. */
export const describeViolations = (violations: readonly AxeViolation[]): string[] =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
