// A window splitter (WAI-ARIA "window splitter" pattern): role="separator" with a value in
// percent, focusable; arrow keys move it by 2 %, Page Up/Down by 10 %, Home/End to the ends;
// the mouse or a finger drags it. `orientation` is the separator's own: "vertical" sits between
// two columns (it sets the first column's width), "horizontal" between two rows.

import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import './splitter.css'

interface Props {
  label: string
  orientation: 'vertical' | 'horizontal'
  /** Size of the first pane, in percent of the container. */
  value: number
  min: number
  max: number
  onChange(value: number): void
  /** id of the pane whose size this sets. */
  controls: string
  /** How the value reads, e.g. "terminal 58% of the width". */
  valueText: string
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v))

export function Splitter({ label, orientation, value, min, max, onChange, controls, valueText }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const dragging = useRef(false)
  const set = (v: number) => onChange(Math.round(clamp(v, min, max)))

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowLeft: -2, ArrowUp: -2, ArrowRight: 2, ArrowDown: 2, PageUp: -10, PageDown: 10 }[e.key]
    if (step !== undefined) set(value + step)
    else if (e.key === 'Home') set(min)
    else if (e.key === 'End') set(max)
    else return
    e.preventDefault()
  }

  const fromPointer = (e: PointerEvent<HTMLDivElement>) => {
    const box = ref.current?.parentElement?.getBoundingClientRect()
    if (!box) return
    const v = orientation === 'vertical' ? ((e.clientX - box.left) / box.width) * 100 : ((e.clientY - box.top) / box.height) * 100
    set(v)
  }

  return (
    <div
      ref={ref}
      className={`splitter splitter-${orientation}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuetext={valueText}
      aria-controls={controls}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        dragging.current = true
        e.currentTarget.setPointerCapture(e.pointerId)
        e.preventDefault()
        e.currentTarget.focus()
      }}
      onPointerMove={(e) => dragging.current && fromPointer(e)}
      onPointerUp={(e) => {
        dragging.current = false
        e.currentTarget.releasePointerCapture(e.pointerId)
      }}
    />
  )
}
