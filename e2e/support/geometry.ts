// Boxes on the page: where an element is, and whether boxes overlap or hold one another.
import { expect, type Page } from '@playwright/test'

export type Box = { x: number; y: number; width: number; height: number }

/** Whether `a` lies inside `b` (half a pixel of rounding allowed). */
export const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5

/** Whether `a` and `b` share more than a half-pixel edge. */
export const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5

/** The box of the first element matching `selector`; it must be shown. */
export async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox()
  expect(b, selector).not.toBeNull()
  return b!
}
