// The splitters load right after the first render, with their bars' style (splitter.css): until
// then each is a plain 8 px gap (same class, same place, so nothing moves), which cannot be
// dragged or focused yet.

import { lazy, Suspense, type ComponentProps } from 'react'

const Splitter = lazy(() => import('./Splitter').then((m) => ({ default: m.Splitter })))

export function LazySplitter(props: ComponentProps<typeof Splitter>) {
  return (
    <Suspense fallback={<div className={`splitter splitter-${props.orientation}`} />}>
      <Splitter {...props} />
    </Suspense>
  )
}
